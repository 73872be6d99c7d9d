import { describe, expect, it, vi } from 'vitest';

import type { StreamInfo } from '../../../common/camera';
import { createStreamPlayer } from '../../../renderer/player';
import type { TileStatus } from '../../../renderer/player/types';
import { VASJanusClient } from '../../../renderer/sdk';
import { fakeFetch, fakePlayer, json, streamInfo, video, type FakePlayer } from './fakes';

vi.mock('../../../renderer/player', () => ({ createStreamPlayer: vi.fn(() => fakePlayer()) }));

const base = 'http://127.0.0.1:3000';

function setup(...answers: Parameters<typeof fakeFetch>) {
  const { fetch, seen } = fakeFetch(...answers);
  const players: FakePlayer[] = [];
  let streamInfoOf: ((cameraId: string) => Promise<StreamInfo>) | undefined;
  const sdk = new VASJanusClient(base, {
    apiKey: 'vigil_view_abc',
    fetch,
    createPlayer: (streamInfoFn) => {
      streamInfoOf = streamInfoFn;
      const player = fakePlayer();
      players.push(player);
      return player;
    },
  });
  return { sdk, seen, players, streamInfo: (id: string) => streamInfoOf?.(id) };
}

describe('VASJanusClient streams', () => {
  it('fetches stream info, then plays through the one shared player', async () => {
    const { sdk, seen, players } = setup(json(streamInfo('lobby')), json(streamInfo('door')));
    const onStatus = vi.fn<(status: TileStatus) => void>();
    const tile = await sdk.startCameraStream('lobby', video, { muted: true, onStatus });
    await sdk.startCameraStream('door', video);

    expect(seen.map((r) => r.url)).toEqual([`${base}/cameras/lobby/stream`, `${base}/cameras/door/stream`]);
    expect(players).toHaveLength(1);
    expect(players[0]?.played).toEqual([
      { cameraId: 'lobby', video, options: { muted: true } },
      { cameraId: 'door', video, options: undefined },
    ]);
    expect(tile.cameraId).toBe('lobby');
    expect(sdk.activeStreams()).toEqual(['lobby', 'door']);

    players[0]?.live.values().next().value?.emit('live');
    expect(onStatus).toHaveBeenCalledWith(expect.objectContaining({ state: 'live' }));
  });

  it("hands the prefetched stream info to the player's first watch, then fetches fresh info", async () => {
    const first = streamInfo('lobby');
    const fresh = { ...streamInfo('lobby'), ticket: 'ticket-fresh' };
    const { sdk, seen, streamInfo: playerStreamInfo } = setup(json(first), json(fresh));
    await sdk.startCameraStream('lobby', video);
    await expect(playerStreamInfo('lobby')).resolves.toEqual(first);
    expect(seen).toHaveLength(1);
    await expect(playerStreamInfo('lobby')).resolves.toEqual(fresh);
    expect(seen).toHaveLength(2);
  });

  it('rejects with the station error and plays nothing when the camera is unknown', async () => {
    const body = { error: { code: 'VIGIL_ERR_CAMERA_NOT_FOUND', message: 'No camera nope' } };
    const { sdk, players } = setup(json(body, 404));
    await expect(sdk.startCameraStream('nope', video)).rejects.toMatchObject({
      code: 'VIGIL_ERR_CAMERA_NOT_FOUND',
    });
    expect(players).toHaveLength(0);
    expect(sdk.activeStreams()).toEqual([]);
  });

  it('stops cleanly: the tile is stopped, its status listener dropped, no tile left', async () => {
    const { sdk, players } = setup(json(streamInfo('lobby')));
    const onStatus = vi.fn<(status: TileStatus) => void>();
    await sdk.startCameraStream('lobby', video, { onStatus });
    const [tile] = [...(players[0]?.live ?? [])];
    await sdk.stopCameraStream('lobby');

    expect(tile?.stop).toHaveBeenCalledOnce();
    expect(tile?.listeners.size).toBe(0);
    expect(players[0]?.live.size).toBe(0);
    expect(sdk.activeStreams()).toEqual([]);
    await expect(sdk.stopCameraStream('lobby')).resolves.toBeUndefined();
    expect(tile?.stop).toHaveBeenCalledOnce();
  });

  it('cancels a start that is still fetching stream info when stopped', async () => {
    let answer: (response: Response) => void = () => undefined;
    const { sdk, players } = setup(() => new Promise<Response>((resolve) => (answer = resolve)));
    const starting = sdk.startCameraStream('lobby', video);
    await sdk.stopCameraStream('lobby');
    answer(json(streamInfo('lobby')));
    await expect(starting).rejects.toMatchObject({ code: 'VIGIL_ERR_CANCELLED' });
    expect(players).toHaveLength(0);
    expect(sdk.activeStreams()).toEqual([]);
  });

  it('cancels a start when a stop comes while the earlier stream is still stopping', async () => {
    const { sdk, players } = setup(json(streamInfo('lobby')), json(streamInfo('lobby')));
    await sdk.startCameraStream('lobby', video);
    let stopped: () => void = () => undefined;
    players[0]?.tiles[0]?.stop.mockImplementationOnce(
      () => new Promise<void>((resolve) => (stopped = resolve)),
    );
    const replacing = sdk.startCameraStream('lobby', video);
    await vi.waitFor(() => {
      expect(players[0]?.tiles[0]?.stop).toHaveBeenCalledOnce();
    });
    await sdk.stopCameraStream('lobby');
    stopped();
    await expect(replacing).rejects.toMatchObject({ code: 'VIGIL_ERR_CANCELLED' });
    expect(players[0]?.tiles).toHaveLength(1);
    expect(sdk.activeStreams()).toEqual([]);
  });

  it('replaces an earlier stream of the same camera', async () => {
    const { sdk, players } = setup(json(streamInfo('lobby')), json(streamInfo('lobby')));
    await sdk.startCameraStream('lobby', video);
    const second = await sdk.startCameraStream('lobby', video);
    expect(players[0]?.tiles[0]?.stop).toHaveBeenCalledOnce();
    expect([...(players[0]?.live ?? [])]).toEqual([second]);
  });

  it('stops the stream of a camera it removes', async () => {
    const { sdk, players } = setup(json(streamInfo('lobby')), json({ message: 'Camera lobby removed' }));
    await sdk.startCameraStream('lobby', video);
    await sdk.removeCamera('lobby');
    expect(players[0]?.live.size).toBe(0);
    expect(sdk.activeStreams()).toEqual([]);
  });

  it('destroy stops every stream and the player; a later start makes a new player', async () => {
    const { sdk, players } = setup(json(streamInfo('a')), json(streamInfo('b')), json(streamInfo('a')));
    await sdk.startCameraStream('a', video);
    await sdk.startCameraStream('b', video);
    await sdk.destroy();
    expect(players[0]?.tiles.map((tile) => tile.stop.mock.calls.length)).toEqual([1, 1]);
    expect(players[0]?.destroyed).toBe(true);
    expect(sdk.activeStreams()).toEqual([]);

    await sdk.startCameraStream('a', video);
    expect(players).toHaveLength(2);
  });

  it("uses Vigil's player by default, fed by the client's stream info", async () => {
    const { fetch } = fakeFetch(json(streamInfo('lobby')));
    const sdk = new VASJanusClient(base, { fetch });
    await sdk.startCameraStream('lobby', video);
    const calls = vi.mocked(createStreamPlayer).mock.calls;
    expect(calls).toHaveLength(1);
    await expect(calls[0]?.[0].streamInfo('lobby')).resolves.toEqual(streamInfo('lobby'));
  });
});
