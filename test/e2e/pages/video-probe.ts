// Measures every <video> on a page the same way, whoever plays it (the wall or the bare janus.js floor page):
// first frame after mark(), frames rendered (requestVideoFrameCallback), resolution, and camera → decoded
// frame latency from the lab camera's timecode strip (MediaStreamTrackProcessor on a clone of the track).
import { runInBackground } from '../../../common/background';
import type { VideoMetrics } from '../video-metrics';
import {
  decodeTimecode,
  timecodeAgeMs,
  TIMECODE_BITS,
  TIMECODE_BLOCK_SIZE,
  TIMECODE_X,
  TIMECODE_Y,
} from '../../lab/timecode';

type Processor = new (init: { track: MediaStreamTrack }) => { readable: ReadableStream<VideoFrame> };

interface Watched {
  metrics: VideoMetrics;
  track?: MediaStreamTrack;
}

const watched = new Map<HTMLVideoElement, Watched>();
let markedAt = performance.now();

function readLatency(track: MediaStreamTrack, metrics: VideoMetrics): void {
  const TrackProcessor = (globalThis as { MediaStreamTrackProcessor?: Processor }).MediaStreamTrackProcessor;
  if (!TrackProcessor) return;
  const clone = track.clone();
  const reader = new TrackProcessor({ track: clone }).readable.getReader();
  const width = TIMECODE_BITS * TIMECODE_BLOCK_SIZE;
  const height = 2 * TIMECODE_BLOCK_SIZE;
  const buffer = new Uint8Array(width * height * 2);
  const pump = async (): Promise<void> => {
    for (;;) {
      const { value: frame, done } = await reader.read();
      if (done) return;
      const now = Date.now();
      try {
        const [luma] = await frame.copyTo(buffer, { rect: { x: TIMECODE_X, y: TIMECODE_Y, width, height } });
        const stride = luma?.stride ?? width;
        const offset = luma?.offset ?? 0;
        const value = decodeTimecode(
          (x, y) => buffer[offset + (y - TIMECODE_Y) * stride + (x - TIMECODE_X)] ?? 0,
        );
        if (value !== undefined) metrics.latenciesMs.push(timecodeAgeMs(value, now));
      } catch {
        // A frame of another size (before the first keyframe) or a closed track: skip it.
      } finally {
        frame.close();
      }
      if (clone.readyState === 'ended') return;
    }
  };
  runInBackground(pump(), () => {
    // The track ended or the page is going away: no more latency samples.
  });
}

function watch(video: HTMLVideoElement): void {
  if (watched.has(video)) return;
  const entry: Watched = { metrics: { frames: 0, width: 0, latenciesMs: [] } };
  watched.set(video, entry);
  const onFrame = () => {
    const { metrics } = entry;
    metrics.frames++;
    metrics.width = video.videoWidth;
    metrics.firstFrameMs ??= performance.now() - markedAt;
    const track = video.srcObject instanceof MediaStream ? video.srcObject.getVideoTracks()[0] : undefined;
    if (track && track !== entry.track) {
      entry.track = track;
      readLatency(track, metrics);
    }
    video.requestVideoFrameCallback(onFrame);
  };
  video.requestVideoFrameCallback(onFrame);
}

const videoProbe = {
  /** Starts the clock for first-frame times and forgets earlier figures. */
  mark(): void {
    markedAt = performance.now();
    watched.clear();
    for (const video of document.querySelectorAll('video')) watch(video);
  },
  /** Figures of every video seen since mark(), in document order. */
  metrics(): VideoMetrics[] {
    for (const video of document.querySelectorAll('video')) watch(video);
    return [...document.querySelectorAll('video')].flatMap((video) => {
      const entry = watched.get(video);
      return entry ? [{ ...entry.metrics, latenciesMs: [...entry.metrics.latenciesMs] }] : [];
    });
  },
};

new MutationObserver(() => {
  for (const video of document.querySelectorAll('video')) watch(video);
}).observe(document, { childList: true, subtree: true });

(globalThis as { videoProbe?: typeof videoProbe }).videoProbe = videoProbe;
