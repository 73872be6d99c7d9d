import { loadJanus } from './load-janus';
import type { PlayerOptions, StreamPlayer } from './types';
import { createPlayerCore } from './player';
import { videoSurface } from './video-surface';

export type * from './types';

/**
 * The one stream player (the wall and the VAS SDK): one Janus session per Janus server, one
 * streaming-plugin handle per tile, re-watch with backoff forever.
 * @example
 * const player = createStreamPlayer({ streamInfo: (id) => api.streamInfo(id) });
 * const tile = player.play('lobby', videoElement);
 * tile.onStatus((status) => console.log(status.state));
 */
export function createStreamPlayer(options: PlayerOptions): StreamPlayer {
  // Fetch janus.js now, not on the first play: the first tiles should not wait for the module.
  const preloaded = loadJanus();
  preloaded.catch(() => undefined);
  const core = createPlayerCore(options, () => preloaded.catch(() => loadJanus()));
  return {
    play: (cameraId, video, playOptions) =>
      core.play(cameraId, videoSurface(video, playOptions?.muted ?? true)),
    prefetch: (cameraIds) => {
      core.prefetch(cameraIds);
    },
    destroy: () => core.destroy(),
  };
}
