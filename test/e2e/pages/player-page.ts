// A page that plays one camera with the wall's own player (renderer/player: re-watch with backoff on any failure)
// through the station's Janus door, for tests that watch the player follow the stream (the door's routing test).
// Stream info comes from the test (Playwright's exposed `streamInfo`); every tile status lands in a list.
import Janus from 'janus-gateway';
import adapter from 'webrtc-adapter';

import type { StreamInfo } from '../../../common/camera';
import type { TileStatus } from '../../../renderer/player/model';
import { createPlayerCore } from '../../../renderer/player/player';
import { videoSurface } from '../../../renderer/player/video-surface';

/** Exposed by the test: the camera's stream info (a fresh viewer ticket each time). */
declare function streamInfo(cameraId: string): Promise<StreamInfo>;

const statuses: TileStatus[] = [];

const playerPage = {
  /** Starts playing a camera into a new `<video>`. */
  async play(cameraId: string): Promise<void> {
    await new Promise<void>((resolve) => {
      Janus.init({
        debug: false,
        dependencies: Janus.useDefaultDependencies({ adapter }),
        callback: () => {
          resolve();
        },
      });
    });
    const player = createPlayerCore({ streamInfo: (id) => streamInfo(id), janus: Janus }, () =>
      Promise.reject(new Error('janus.js is given')),
    );
    const video = document.createElement('video');
    document.body.append(video);
    player.play(cameraId, videoSurface(video, true)).onStatus((status) => statuses.push(status));
  },
  /** Every status the tile went through, oldest first. */
  statuses: (): TileStatus[] => statuses,
};

(globalThis as { playerPage?: typeof playerPage }).playerPage = playerPage;
