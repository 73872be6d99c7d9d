import { describe, expect, it, vi } from 'vitest';

import { VigilError } from '../../../../common/errors';
import type { StationApi } from '../../../../common/station-api';
import { watchSession } from '../../../../renderer/session/sessionWatch';

const signedOut = new VigilError('VIGIL_ERR_UNAUTHENTICATED', 'This request needs an API key');

function api(over: Partial<StationApi>): StationApi {
  return { listCameras: () => Promise.resolve([]), onEvent: () => () => undefined, ...over } as StationApi;
}

describe('watchSession', () => {
  it('passes answers and other failures through, and stays signed in', async () => {
    const other = new VigilError('VIGIL_ERR_CAMERA_NOT_FOUND', 'No camera "x"');
    const { api: watched, session } = watchSession(api({ updateView: () => Promise.reject(other) }));
    await expect(watched.listCameras()).resolves.toEqual([]);
    await expect(watched.updateView('x', { name: 'X' })).rejects.toBe(other);
    expect(session.ended()).toBe(false);
  });

  it('marks the session ended on the first refusal for want of a sign-in, and tells listeners once', async () => {
    const listener = vi.fn();
    const { api: watched, session } = watchSession(
      api({ streamInfo: () => Promise.reject(signedOut), listViews: () => Promise.reject(signedOut) }),
    );
    session.subscribe(listener);
    await expect(watched.streamInfo('a')).rejects.toBe(signedOut);
    await expect(watched.listViews()).rejects.toBe(signedOut);
    expect(session.ended()).toBe(true);
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('leaves onEvent as it is', () => {
    const onEvent = vi.fn(() => () => undefined);
    const { api: watched } = watchSession(api({ onEvent }));
    watched.onEvent(() => undefined);
    expect(onEvent).toHaveBeenCalledTimes(1);
  });
});
