import { describe, expect, it, vi } from 'vitest';

import type { PlayerTile, TileStatus } from '../../../renderer/player/types';
import { CameraStreamController, type CameraStreamClient } from '../../../renderer/sdk/cameraStream';
import { VASError } from '../../../renderer/sdk/errors';
import { fakeTile, video, type FakeTile } from './fakes';

/** A client whose starts the test resolves or rejects by hand. */
function manualClient() {
  const starts: {
    cameraId: string;
    onStatus: ((status: TileStatus) => void) | undefined;
    resolve: (tile: PlayerTile) => void;
    reject: (error: unknown) => void;
  }[] = [];
  const client: CameraStreamClient = {
    startCameraStream: vi.fn(
      (cameraId: string, _video: HTMLVideoElement, options?: { onStatus?: (status: TileStatus) => void }) =>
        new Promise<PlayerTile>((resolve, reject) => {
          starts.push({ cameraId, onStatus: options?.onStatus, resolve, reject });
        }),
    ),
    stopCameraStream: vi.fn(() => Promise.resolve()),
  };
  return { client, starts };
}

/** Starts the controller and resolves the client's start with a fresh tile. */
async function started(
  controller: CameraStreamController,
  starts: ReturnType<typeof manualClient>['starts'],
) {
  const starting = controller.start(video);
  const tile = fakeTile(controller.cameraId);
  const start = starts.at(-1);
  if (start?.onStatus) tile.onStatus(start.onStatus);
  start?.resolve(tile);
  await starting;
  return tile;
}

describe('CameraStreamController', () => {
  it('starts idle and does nothing on a stop before any start', async () => {
    const { client } = manualClient();
    const controller = new CameraStreamController(client, 'lobby');
    expect(controller.getSnapshot()).toEqual({ streaming: false, state: 'idle', error: undefined });
    await controller.stop();
    expect(client.stopCameraStream).not.toHaveBeenCalled();
    expect(controller.getSnapshot().state).toBe('idle');
  });

  it('follows the tile: connecting, live, reconnecting; notifies subscribers', async () => {
    const { client, starts } = manualClient();
    const controller = new CameraStreamController(client, 'lobby');
    const changed = vi.fn();
    controller.subscribe(changed);
    const tile: FakeTile = await started(controller, starts);
    expect(client.startCameraStream).toHaveBeenCalledWith(
      'lobby',
      video,
      expect.objectContaining({ muted: true }),
    );
    expect(controller.getSnapshot()).toEqual({ streaming: true, state: 'connecting', error: undefined });
    tile.emit('live');
    expect(controller.getSnapshot()).toMatchObject({ streaming: true, state: 'live' });
    tile.emit('reconnecting');
    expect(controller.getSnapshot()).toMatchObject({ streaming: true, state: 'reconnecting' });
    expect(changed).toHaveBeenCalled();
  });

  it('keeps the same snapshot object until something changes', async () => {
    const { client, starts } = manualClient();
    const controller = new CameraStreamController(client, 'lobby');
    const tile = await started(controller, starts);
    tile.emit('live');
    const snapshot = controller.getSnapshot();
    tile.emit('live');
    expect(controller.getSnapshot()).toBe(snapshot);
  });

  it('stops: state stopped, the client stops the camera, later tile news is ignored', async () => {
    const { client, starts } = manualClient();
    const controller = new CameraStreamController(client, 'lobby');
    const tile = await started(controller, starts);
    await controller.stop();
    expect(client.stopCameraStream).toHaveBeenCalledWith('lobby');
    expect(controller.getSnapshot()).toEqual({ streaming: false, state: 'stopped', error: undefined });
    tile.emit('live');
    expect(controller.getSnapshot().state).toBe('stopped');
  });

  it('ignores a start that resolves after a stop', async () => {
    const { client, starts } = manualClient();
    const controller = new CameraStreamController(client, 'lobby');
    const starting = controller.start(video);
    await controller.stop();
    starts[0]?.reject(new VASError('VIGIL_ERR_CANCELLED', 'stopped first'));
    await starting;
    expect(controller.getSnapshot()).toEqual({ streaming: false, state: 'stopped', error: undefined });
  });

  it('shows a failed start as an error', async () => {
    const { client, starts } = manualClient();
    const controller = new CameraStreamController(client, 'nope');
    const starting = controller.start(video);
    const failure = new VASError('VIGIL_ERR_CAMERA_NOT_FOUND', 'No camera nope', undefined, { status: 404 });
    starts[0]?.reject(failure);
    await starting;
    expect(controller.getSnapshot()).toEqual({ streaming: false, state: 'error', error: failure });
    await controller.stop();
    expect(client.stopCameraStream).not.toHaveBeenCalled();
  });

  it('shows a player that gave up as a VIGIL_ERR_PLAYBACK error with its reason', async () => {
    const { client, starts } = manualClient();
    const controller = new CameraStreamController(client, 'lobby');
    const tile = await started(controller, starts);
    tile.emit('error', 'No such mountpoint');
    expect(controller.getSnapshot()).toMatchObject({
      streaming: false,
      state: 'error',
      error: { code: 'VIGIL_ERR_PLAYBACK', message: 'No such mountpoint' },
    });
  });

  it('refuses to start without a video element', async () => {
    const { client } = manualClient();
    const controller = new CameraStreamController(client, 'lobby');
    await controller.start(null);
    expect(client.startCameraStream).not.toHaveBeenCalled();
    expect(controller.getSnapshot()).toMatchObject({
      state: 'error',
      error: { code: 'VIGIL_ERR_VALIDATION', field: 'videoRef' },
    });
  });

  it('stops notifying an unsubscribed listener', async () => {
    const { client, starts } = manualClient();
    const controller = new CameraStreamController(client, 'lobby');
    const changed = vi.fn();
    controller.subscribe(changed)();
    await started(controller, starts);
    expect(changed).not.toHaveBeenCalled();
  });
});
