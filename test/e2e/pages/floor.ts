// The floor page: plays mountpoints with bare janus.js (no Vigil code), the baseline the wall is measured
// against, and the first proof that WebRTC works in the lab. Driven by Playwright through window.floor.
import Janus, { type JanusJS } from 'janus-gateway';
import adapter from 'webrtc-adapter';

import type { FloorConfig, FloorTileMetrics } from '../floor-types';
import {
  decodeTimecode,
  timecodeAgeMs,
  TIMECODE_BITS,
  TIMECODE_BLOCK_SIZE,
  TIMECODE_X,
  TIMECODE_Y,
} from '../../lab/timecode';

const tiles: FloorTileMetrics[] = [];
let started = 0;

function watchLatency(track: MediaStreamTrack, metrics: FloorTileMetrics): void {
  const Processor = (
    globalThis as {
      MediaStreamTrackProcessor?: new (init: { track: MediaStreamTrack }) => {
        readable: ReadableStream<VideoFrame>;
      };
    }
  ).MediaStreamTrackProcessor;
  if (!Processor) return;
  const reader = new Processor({ track: track.clone() }).readable.getReader();
  const width = TIMECODE_BITS * TIMECODE_BLOCK_SIZE;
  const height = 2 * TIMECODE_BLOCK_SIZE;
  const buffer = new Uint8Array(width * height * 2);
  const pump = async (): Promise<void> => {
    for (;;) {
      const { value: frame, done } = await reader.read();
      if (done) return;
      const now = Date.now();
      try {
        const layout = await frame.copyTo(buffer, { rect: { x: TIMECODE_X, y: TIMECODE_Y, width, height } });
        const stride = layout[0]?.stride ?? width;
        const offset = layout[0]?.offset ?? 0;
        const value = decodeTimecode(
          (x, y) => buffer[offset + (y - TIMECODE_Y) * stride + (x - TIMECODE_X)] ?? 0,
        );
        if (value !== undefined) metrics.latenciesMs.push(timecodeAgeMs(value, now));
      } finally {
        frame.close();
      }
    }
  };
  void pump();
}

function play(janus: Janus, tile: { id: number; pin: string }, index: number): void {
  const metrics: FloorTileMetrics = { frames: 0, width: 0, latenciesMs: [] };
  tiles[index] = metrics;
  const video = document.createElement('video');
  video.muted = true;
  video.autoplay = true;
  video.playsInline = true;
  video.dataset.testid = `floor-video-${index}`;
  document.body.append(video);
  const onFrame = () => {
    metrics.frames++;
    metrics.width = video.videoWidth;
    metrics.firstFrameMs ??= performance.now() - started;
    video.requestVideoFrameCallback(onFrame);
  };
  video.requestVideoFrameCallback(onFrame);
  let handle: JanusJS.PluginHandle | undefined;
  janus.attach({
    plugin: 'janus.plugin.streaming',
    success: (pluginHandle) => {
      handle = pluginHandle;
      handle.send({ message: { request: 'watch', id: tile.id, pin: tile.pin } });
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
      if (!on || track.kind !== 'video') return;
      video.srcObject = new MediaStream([track]);
      watchLatency(track, metrics);
    },
  });
}

const floor = {
  /** Plays every tile; resolves once the Janus session exists. */
  start(config: FloorConfig): Promise<void> {
    started = performance.now();
    return new Promise((resolve, reject) => {
      Janus.init({
        dependencies: Janus.useDefaultDependencies({ adapter }),
        callback: () => {
          const janus: Janus = new Janus({
            server: config.server,
            iceServers: [],
            ...(config.token ? { token: config.token } : {}),
            success: () => {
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
  /** Every tile's figures so far. */
  metrics(): FloorTileMetrics[] {
    return tiles.map((t) => ({ ...t, latenciesMs: [...t.latenciesMs] }));
  },
};

(globalThis as { floor?: typeof floor }).floor = floor;
