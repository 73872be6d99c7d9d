import { describe, expect, it, vi } from 'vitest';

import type { DesktopApi } from '../../../../common/desktop';
import { ErrorCode, VigilError } from '../../../../common/errors';
import type { StationApi } from '../../../../common/station-api';
import { createIpcStationApi, stationApiForPage } from '../../../../renderer/station-api/ipc';

/** A bridge whose every method rejects the way the preload does: with the plain `{ ok: false, error }`. */
function rejectingBridge(failure: unknown, overrides: Partial<StationApi> = {}): StationApi {
  // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the preload rejects with plain objects
  const reject = () => Promise.reject(failure);
  const methods = new Map<string, unknown>(Object.entries(overrides));
  return new Proxy({} as StationApi, {
    get: (_target, name: string) =>
      methods.get(name) ?? (name === 'onEvent' ? () => () => undefined : reject),
  });
}

describe('createIpcStationApi', () => {
  it('passes values through and turns a bridge rejection into a VigilError with code and field', async () => {
    const failure = {
      ok: false,
      error: { code: ErrorCode.Validation, message: 'name must be a string', field: 'name' },
    };
    const api = createIpcStationApi(rejectingBridge(failure, { listCameras: () => Promise.resolve([]) }));
    await expect(api.listCameras()).resolves.toEqual([]);
    const error = await api.updateCamera('lobby', { name: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VigilError);
    expect(error).toMatchObject({
      code: ErrorCode.Validation,
      message: 'name must be a string',
      field: 'name',
    });
  });

  it('keeps the unsubscribe function of onEvent', () => {
    const unsubscribe = vi.fn();
    const api = createIpcStationApi({ onEvent: () => unsubscribe } as unknown as StationApi);
    api.onEvent(() => undefined)();
    expect(unsubscribe).toHaveBeenCalledOnce();
  });
});

describe('bridge rejections', () => {
  it.each([
    [new Error('Error invoking remote method'), ErrorCode.Internal],
    [{ ok: false, error: { code: 'NOT_A_CODE', message: 'x' } }, ErrorCode.Internal],
    [null, ErrorCode.Internal],
    [
      { ok: false, error: { code: ErrorCode.CameraNotFound, message: 'No camera' } },
      ErrorCode.CameraNotFound,
    ],
  ])('%o → %s', async (reason, code) => {
    const error = await createIpcStationApi(rejectingBridge(reason))
      .restartCamera('lobby')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VigilError);
    expect(error).toMatchObject({ code, status: undefined });
  });

  it('turns a method the bridge lacks into a rejection, not a throw', async () => {
    const api = createIpcStationApi({ onEvent: () => () => undefined } as unknown as StationApi);
    await expect(api.listViews()).rejects.toMatchObject({ code: ErrorCode.Internal });
  });
});

describe('stationApiForPage', () => {
  it('uses the bridge in the desktop app and HTTP in a browser', async () => {
    const bridge = rejectingBridge({ ok: false, error: { code: ErrorCode.Forbidden, message: 'no' } });
    await expect(stationApiForPage({ vigil: bridge }).health()).rejects.toMatchObject({
      code: ErrorCode.Forbidden,
    });
    expect(stationApiForPage({})).not.toBe(bridge);
  });

  it('names the desktop window as a wall over IPC when the page is one', () => {
    const nameWall = vi.fn(() => Promise.resolve());
    const desktop = { nameWall } as unknown as DesktopApi;
    stationApiForPage({ vigil: rejectingBridge({}), vigilDesktop: desktop }, 'desk-1-left');
    expect(nameWall).toHaveBeenCalledWith('desk-1-left');
  });
});
