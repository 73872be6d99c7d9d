import { describe, expect, it, vi } from 'vitest';

import { VigilError } from '../../../../common/errors';
import { httpPlaybackSource, playbackUrl } from '../../../../renderer/playback/source';

const T = Date.parse('2030-01-01T12:00:00.250Z');

describe('httpPlaybackSource', () => {
  it('asks for the camera from the instant, with the key, and reads the start of media time 0', async () => {
    const fetch = vi.fn((_url: string, _init: RequestInit) =>
      Promise.resolve(
        new Response(new Uint8Array([1, 2, 3]), {
          headers: { 'content-type': 'video/mp4', 'x-vigil-playback-start': '2030-01-01T11:59:58.000Z' },
        }),
      ),
    );
    const source = httpPlaybackSource({ baseUrl: 'http://127.0.0.1:3000/', apiKey: 'k', fetch });
    const signal = new AbortController().signal;
    const stream = await source('gate 1', T, signal);
    expect(stream.startMs).toBe(Date.parse('2030-01-01T11:59:58Z'));
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(url).toBe('http://127.0.0.1:3000/cameras/gate%201/playback?from=2030-01-01T12%3A00%3A00.250Z');
    expect(init).toMatchObject({ headers: { authorization: 'Bearer k' }, signal });
  });

  it('turns a refusal into the station’s VigilError', async () => {
    const body = {
      error: { code: 'VIGIL_ERR_RECORDING_NOT_FOUND', message: 'Nothing recorded', field: 'from' },
    };
    const fetch = () => Promise.resolve(new Response(JSON.stringify(body), { status: 404 }));
    const error = await httpPlaybackSource({ fetch })('gate', T, new AbortController().signal).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(VigilError);
    expect(error).toMatchObject({ message: 'Nothing recorded', field: 'from' });
  });

  it('refuses an answer without its start time, and says when the station is unreachable', async () => {
    const bare = () => Promise.resolve(new Response(new Uint8Array([1])));
    await expect(
      httpPlaybackSource({ fetch: bare })('gate', T, new AbortController().signal),
    ).rejects.toMatchObject({
      code: 'VIGIL_ERR_BAD_RESPONSE',
    });
    const down = () => Promise.reject(new TypeError('fetch failed'));
    await expect(
      httpPlaybackSource({ fetch: down })('gate', T, new AbortController().signal),
    ).rejects.toMatchObject({
      code: 'VIGIL_ERR_NETWORK',
    });
  });

  it('builds same-origin URLs for the wall', () => {
    expect(playbackUrl('', 'lobby', 0)).toBe('/cameras/lobby/playback?from=1970-01-01T00%3A00%3A00.000Z');
  });
});
