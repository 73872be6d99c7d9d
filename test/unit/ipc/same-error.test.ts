// One failure, two transports: what the station throws reaches the wall as the same VigilError whether it
// came over REST (the HTTP client) or IPC (the preload's bridge), and the SDK's VASError is that class.
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ErrorCode, VigilError } from '../../../common/errors';
import type { StationApi } from '../../../common/station-api';
import { handleStationOperations } from '../../../main/ipc/station-handlers';
import { ipcCall, type IpcHandlers } from '../../../main/ipc/dispatch';
import { VASError } from '../../../renderer/sdk/errors';
import { createStationHttpClient } from '../../../renderer/station-api/http-client';
import { createIpcStationApi } from '../../../renderer/station-api/ipc';
import { HOST, KEYS, cameraInput, makeApi, type TestApi } from '../api/fixtures';

let api: TestApi;
beforeAll(async () => {
  api = await makeApi();
  await api.station.addCamera(cameraInput({ camera_id: 'lobby' }));
});
afterAll(async () => {
  await api.app.close();
});

/** The wall's StationApi over REST, answered by the real API (injected, no socket). */
function overHttp(): StationApi {
  const client = createStationHttpClient({
    baseUrl: `http://${HOST}`,
    apiKey: KEYS.manage,
    fetch: async (url, init) => {
      const response = await api.app.inject({
        method: init.method as 'GET',
        url: new URL(url).pathname,
        headers: { ...(init.headers as Record<string, string>), host: HOST },
        ...(typeof init.body === 'string' ? { payload: init.body } : {}),
      });
      return new Response(response.body, {
        status: response.statusCode,
        headers: { 'content-type': 'application/json' },
      });
    },
  });
  return { ...client, onEvent: () => () => undefined };
}

/** The wall's StationApi over IPC: main's handlers on the same station, through a bridge like the preload's. */
function overIpc(): StationApi {
  const calls = new Map<string, (args: unknown[]) => Promise<unknown>>();
  const log = pino({ level: 'silent' });
  const ipc: IpcHandlers = {
    handle: (channel, handler) => {
      const call = ipcCall(channel, handler, log);
      calls.set(channel, (args) => call(args, undefined));
    },
  };
  // Only camera operations are called here: no view service behind them.
  handleStationOperations(ipc, { station: api.station, views: undefined as never, door: undefined as never });
  const invoke = async (channel: string, ...args: unknown[]) => {
    const result = (await calls.get(channel)?.(args)) as { ok: boolean; value?: unknown };
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the preload rejects with the plain failure
    return result.ok ? result.value : Promise.reject(result);
  };
  const bridge = {
    restartCamera: (id: string) => invoke('cameras:restart', id),
    updateCamera: (id: string, patch: unknown) => invoke('cameras:update', id, patch),
    addCamera: (input: unknown) => invoke('cameras:add', input),
  } as unknown as StationApi;
  return createIpcStationApi(bridge);
}

describe('a failure over REST and over IPC', () => {
  it.each([
    ['an unknown camera', (s: StationApi) => s.restartCamera('nope'), ErrorCode.CameraNotFound, 'camera_id'],
    [
      'a duplicate camera',
      (s: StationApi) => s.addCamera(cameraInput({ camera_id: 'lobby' })),
      ErrorCode.CameraExists,
      'camera_id',
    ],
    [
      'a bad change',
      (s: StationApi) => s.updateCamera('lobby', { name: 5 } as never),
      ErrorCode.Validation,
      'name',
    ],
    [
      'a CR LF in a user name (it would reach the camera inside a header)',
      (s: StationApi) =>
        s.addCamera(cameraInput({ camera_id: 'crlf', username: 'root\r\nX-Injected: 1', skip_probe: true })),
      ErrorCode.Validation,
      'username',
    ],
    [
      'a NUL in a name (Janus would never answer)',
      (s: StationApi) => s.updateCamera('lobby', { name: 'Lobby\u0000' }),
      ErrorCode.Validation,
      'name',
    ],
    [
      'an escape character in a description',
      (s: StationApi) => s.updateCamera('lobby', { description: 'red \u001b[31m' }),
      ErrorCode.Validation,
      'description',
    ],
    [
      'a DEL in a password',
      (s: StationApi) => s.updateCamera('lobby', { password: 'pw\u007f' }),
      ErrorCode.Validation,
      'password',
    ],
    [
      'a control character in a tag',
      (s: StationApi) => s.updateCamera('lobby', { tags: ['ok', 'bad\ttag'] }),
      ErrorCode.Validation,
      'tags/1',
    ],
  ])('%s is the same VigilError', async (_what, act, code, field) => {
    const viaHttp = await act(overHttp()).catch((e: unknown) => e);
    const viaIpc = await act(overIpc()).catch((e: unknown) => e);
    for (const error of [viaHttp, viaIpc]) {
      expect(error).toBeInstanceOf(VigilError);
      expect(error).toBeInstanceOf(VASError);
      expect(error).toMatchObject({ code, field });
    }
    expect((viaIpc as VigilError).message).toBe((viaHttp as VigilError).message);
    if (code === ErrorCode.Validation)
      expect((viaHttp as VigilError).message).toMatch(new RegExp(`^${field} `));
    expect((viaHttp as VigilError).status).toBeGreaterThanOrEqual(400);
    expect((viaIpc as VigilError).status).toBeUndefined();
  });

  it('answers success the same way too', async () => {
    await expect(overHttp().restartCamera('lobby')).resolves.toEqual({ message: 'Camera lobby restarted' });
    await expect(overIpc().restartCamera('lobby')).resolves.toEqual({ message: 'Camera lobby restarted' });
  });
});
