// The floor page: plays mountpoints with bare janus.js (no Vigil code) — the baseline the wall is measured
// against, and the first proof that WebRTC works in the lab. Driven by Playwright through globalThis.floor;
// measured, like the wall, by the video probe.
import Janus, { type JanusJS } from 'janus-gateway';
import adapter from 'webrtc-adapter';

import type { FloorConfig } from '../floor-types';

function play(janus: Janus, tile: FloorConfig['tiles'][number], index: number): void {
  const video = document.createElement('video');
  video.muted = true;
  video.autoplay = true;
  video.playsInline = true;
  video.style.cssText = 'width:100%;height:100%;object-fit:contain;background:#000;min-width:0;min-height:0';
  video.dataset.testid = `floor-video-${index}`;
  document.body.append(video);
  let handle: JanusJS.PluginHandle | undefined;
  janus.attach({
    plugin: 'janus.plugin.streaming',
    success: (pluginHandle) => {
      handle = pluginHandle;
      handle.send({
        message: { request: 'watch', id: tile.id, ...(tile.pin === undefined ? {} : { pin: tile.pin }) },
      });
    },
    onmessage: (_message, jsep) => {
      if (!jsep || !handle) return;
      const current = handle;
      current.createAnswer({
        jsep,
        tracks: [],
        success: (answer: JanusJS.JSEP) => {
          current.send({ message: { request: 'start' }, jsep: answer });
        },
      });
    },
    onremotetrack: (track, _mid, on) => {
      if (on && track.kind === 'video') video.srcObject = new MediaStream([track]);
    },
  });
}

const floor = {
  /** Plays every tile; resolves once the Janus session exists. */
  start(config: FloorConfig): Promise<void> {
    return new Promise((resolve, reject) => {
      Janus.init({
        dependencies: Janus.useDefaultDependencies({ adapter }),
        callback: () => {
          const janus: Janus = new Janus({
            server: config.server,
            iceServers: [],
            ...(config.token ? { token: config.token } : {}),
            ...(config.apisecret ? { apisecret: config.apisecret } : {}),
            success: () => {
              // The same grid as the wall's square layouts, filling the viewport: both pages draw as many pixels.
              const columns = Math.ceil(Math.sqrt(config.tiles.length));
              document.body.style.cssText =
                `margin:0;height:100vh;display:grid;gap:2px;background:#0b0e13;` +
                `grid-template-columns:repeat(${columns},1fr);grid-template-rows:repeat(${columns},1fr)`;
              config.tiles.forEach((tile, index) => {
                play(janus, tile, index);
              });
              resolve();
            },
            error: (error) => {
              reject(new Error(String(error)));
            },
          });
        },
      });
    });
  },
};

(globalThis as { floor?: typeof floor }).floor = floor;
