// Reads the lab camera's timecode strip from recorded playback (<video> fed by Media Source Extensions, so no
// MediaStreamTrack to tap): each presented frame is drawn to a canvas (requestVideoFrameCallback) and its
// strip decoded, with the frame's media time. Installed before the page's own scripts.
import {
  decodeTimecode,
  TIMECODE_BITS,
  TIMECODE_BLOCK_SIZE,
  TIMECODE_X,
  TIMECODE_Y,
} from '../../lab/timecode';
import type { ReplayFrame } from '../replay-types';

const WIDTH = TIMECODE_BITS * TIMECODE_BLOCK_SIZE;
const HEIGHT = 2 * TIMECODE_BLOCK_SIZE;
const MAX_FRAMES = 3000;
const canvas = document.createElement('canvas');
canvas.width = WIDTH;
canvas.height = HEIGHT;
const context = canvas.getContext('2d', { willReadFrequently: true });
const seen = new Map<HTMLVideoElement, ReplayFrame[]>();

/** The timecode of the frame `video` shows now, or undefined (no frame, or the strip does not read). */
function timecodeOf(video: HTMLVideoElement): number | undefined {
  if (!context || video.videoWidth === 0) return undefined;
  context.drawImage(video, TIMECODE_X, TIMECODE_Y, WIDTH, HEIGHT, 0, 0, WIDTH, HEIGHT);
  const { data } = context.getImageData(0, 0, WIDTH, HEIGHT);
  return decodeTimecode((x, y) => {
    const at = ((y - TIMECODE_Y) * WIDTH + (x - TIMECODE_X)) * 4;
    return 0.299 * (data[at] ?? 0) + 0.587 * (data[at + 1] ?? 0) + 0.114 * (data[at + 2] ?? 0);
  });
}

function watch(video: HTMLVideoElement): void {
  if (seen.has(video)) return;
  const frames: ReplayFrame[] = [];
  seen.set(video, frames);
  const onFrame = (_now: number, meta: VideoFrameCallbackMetadata): void => {
    const timecode = timecodeOf(video);
    if (timecode !== undefined && frames.length < MAX_FRAMES) {
      frames.push({ mediaTime: meta.mediaTime, timecode, at: Date.now() });
    }
    video.requestVideoFrameCallback(onFrame);
  };
  video.requestVideoFrameCallback(onFrame);
}

function find(selector: string): HTMLVideoElement | null {
  const element = document.querySelector(selector);
  return element instanceof HTMLVideoElement ? element : null;
}

/** The few SDK members the probe drives (the SDK as the station serves it, /sdk/vas-client.js). */
interface SdkClient {
  startPlayback(cameraId: string, video: HTMLVideoElement, options: { from: number }): Promise<unknown>;
  stopPlayback(cameraId: string): Promise<void>;
}
type SdkModule = { VASJanusClient: new (base: string, options: { apiKey: string }) => SdkClient };
let sdkClient: SdkClient | undefined;

const replayProbe = {
  /** Plays a recording through the station's SDK into a new <video data-testid=`testId`> (as a portal does). */
  async sdkPlay(base: string, apiKey: string, cameraId: string, from: number, testId: string): Promise<void> {
    const sdk = (await import(/* @vite-ignore */ `${base}/sdk/vas-client.js`)) as SdkModule;
    const video = document.createElement('video');
    video.setAttribute('data-testid', testId);
    video.style.cssText = 'position:fixed;left:0;top:0;width:320px;height:180px;z-index:99';
    document.body.append(video);
    sdkClient = new sdk.VASJanusClient(base, { apiKey });
    await sdkClient.startPlayback(cameraId, video, { from });
  },
  /** Stops the SDK's playback and removes its video. */
  async sdkStop(cameraId: string, testId: string): Promise<void> {
    await sdkClient?.stopPlayback(cameraId);
    document.querySelector(`[data-testid="${testId}"]`)?.remove();
  },
  /** Every frame `selector`'s video presented since it appeared (or since `forget`). */
  frames(selector: string): ReplayFrame[] {
    const video = find(selector);
    if (video) watch(video);
    return video ? [...(seen.get(video) ?? [])] : [];
  },
  /** Forgets the frames seen so far. */
  forget(): void {
    for (const frames of seen.values()) frames.length = 0;
  },
  /** The media time of each video now, read in one go (undefined where there is no video). */
  mediaTimes(selectors: string[]): (number | undefined)[] {
    return selectors.map((selector) => find(selector)?.currentTime);
  },
  /** The timecodes the videos show right now, read in one go (undefined where none reads). */
  now(selectors: string[]): (number | undefined)[] {
    return selectors.map((selector) => {
      const video = find(selector);
      return video ? timecodeOf(video) : undefined;
    });
  },
};

new MutationObserver(() => {
  for (const video of document.querySelectorAll('video')) watch(video);
}).observe(document, { childList: true, subtree: true });

(globalThis as { replayProbe?: typeof replayProbe }).replayProbe = replayProbe;
