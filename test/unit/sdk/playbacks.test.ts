import { describe, expect, it, vi } from 'vitest';

import { VASError, VASJanusClient, type PlaybackStatus } from '../../../renderer/sdk';
import { concat, fragment, initSegment } from '../renderer/playback/mp4-fixture';
import { FakeMediaEnv, settle } from '../renderer/playback/fakes';

vi.mock('../../../renderer/player', () => ({ createStreamPlayer: vi.fn() }));

const base = 'http://127.0.0.1:3000';
const T = Date.parse('2030-01-01T12:00:00Z');

/** A station answering playback requests with a never-ending stream (or the given refusal); records requests. */
function station(refusal?: Response) {
  const seen: { url: string; headers: Record<string, string>; signal: AbortSignal }[] = [];
  let release: (() => void) | undefined;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  let held = false;
  const fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const signal = init?.signal ?? new AbortController().signal;
    seen.push({
      url,
      headers: Object.fromEntries(new Headers(init?.headers).entries()),
      signal,
    });
    if (held) await gate;
    if (refusal) return refusal;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(concat(initSegment(0x42, 0xe0, 0x1f, 90_000), fragment(3600)));
      },
    });
    return new Response(body, { headers: { 'x-vigil-playback-start': new Date(T - 1500).toISOString() } });
  };
  const hold = () => {
    held = true;
    return () => release?.();
  };
  return { fetch, seen, hold };
}

function client(refusal?: Response) {
  const media = new FakeMediaEnv();
  const { fetch, seen, hold } = station(refusal);
  const sdk = new VASJanusClient(base, { apiKey: 'vigil_view_k', fetch, media });
  return { sdk, media, seen, hold };
}

const element = (media: FakeMediaEnv) => media.newVideo() as unknown as HTMLVideoElement;

describe('VASJanusClient.startPlayback', () => {
  it('plays the recording from the instant with the key, and stopping frees the stream and the element', async () => {
    const { sdk, media, seen } = client();
    const statuses: PlaybackStatus[] = [];
    const video = element(media);
    const replay = await sdk.startPlayback('lobby', video, {
      from: new Date(T),
      onStatus: (status) => statuses.push(status),
    });
    expect(seen[0]?.url).toBe(`${base}/cameras/lobby/playback?from=2030-01-01T12%3A00%3A00.000Z`);
    expect(seen[0]?.headers.authorization).toBe('Bearer vigil_view_k');
    expect(sdk.activePlaybacks()).toEqual(['lobby']);
    await settle();
    await vi.waitFor(() => {
      expect(replay.status().phase).toBe('playing');
    });
    expect(replay.cameraId).toBe('lobby');
    await sdk.stopPlayback('lobby');
    expect(seen[0]?.signal.aborted).toBe(true);
    expect(media.revoked).toHaveLength(1);
    expect((video as unknown as { src: string }).src).toBe('');
    expect(statuses.at(-1)).toEqual({ phase: 'stopped' });
    expect(sdk.activePlaybacks()).toEqual([]);
    await sdk.stopPlayback('lobby');
  });

  it('rejects with the station’s error when it refuses, leaving nothing behind', async () => {
    const body = {
      error: { code: 'VIGIL_ERR_RECORDING_NOT_FOUND', message: 'Nothing recorded', field: 'from' },
    };
    const { sdk, media } = client(new Response(JSON.stringify(body), { status: 404 }));
    const error = await sdk.startPlayback('lobby', element(media), { from: T }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VASError);
    expect(error).toMatchObject({ code: 'VIGIL_ERR_RECORDING_NOT_FOUND', field: 'from' });
    expect(sdk.activePlaybacks()).toEqual([]);
  });

  it('refuses a `from` that is no instant without asking the station', async () => {
    const { sdk, media, seen } = client();
    await expect(sdk.startPlayback('lobby', element(media), { from: 'yesterday' })).rejects.toMatchObject({
      code: 'VIGIL_ERR_VALIDATION',
      field: 'from',
    });
    expect(seen).toEqual([]);
  });

  it('a stop during the start makes the start reject as cancelled; a new start replaces the old one', async () => {
    const { sdk, media, seen, hold } = client();
    const release = hold();
    const starting = sdk.startPlayback('lobby', element(media), { from: T });
    await settle(2);
    await sdk.stopPlayback('lobby');
    release();
    await expect(starting).rejects.toMatchObject({ code: 'VIGIL_ERR_CANCELLED' });
    expect(seen[0]?.signal.aborted).toBe(true);

    const first = await sdk.startPlayback('gate', element(media), { from: T });
    await sdk.startPlayback('gate', element(media), { from: T + 60_000 });
    expect(first.status().phase).toBe('stopped');
    expect(seen[1]?.signal.aborted).toBe(true);
    expect(seen[2]?.signal.aborted).toBe(false);
    await sdk.destroy();
    expect(seen[2]?.signal.aborted).toBe(true);
    expect(sdk.activePlaybacks()).toEqual([]);
  });
});
