// A stand-in for ffmpeg-frames' startFrameStream: tests push frames and end runs by hand.
import type { FrameStream, FrameStreamEnd, FrameStreamOptions } from '../../../main/motion/ffmpeg-frames';

/** One fake ffmpeg run. */
export interface FakeRun {
  options: FrameStreamOptions;
  frame(frame: Uint8Array, at?: number): void;
  end(result?: Partial<FrameStreamEnd>): void;
  stopped: boolean;
  killed: boolean;
}

/** A startStream that records every run; `runs` lists them, newest last. */
export function fakeStreams(): {
  runs: FakeRun[];
  start: (options: FrameStreamOptions, onFrame: (frame: Uint8Array, at: number) => void) => FrameStream;
} {
  const runs: FakeRun[] = [];
  const start = (
    options: FrameStreamOptions,
    onFrame: (frame: Uint8Array, at: number) => void,
  ): FrameStream => {
    let finish: (end: FrameStreamEnd) => void = () => undefined;
    const exited = new Promise<FrameStreamEnd>((resolve) => {
      finish = resolve;
    });
    const run: FakeRun = {
      options,
      frame: (frame, at = Date.now()) => {
        onFrame(frame, at);
      },
      end: (result = {}) => {
        finish({ code: 1, signal: null, stderr: '', ...result });
      },
      stopped: false,
      killed: false,
    };
    runs.push(run);
    return {
      pid: 4000 + runs.length,
      exited,
      stop: () => {
        run.stopped = true;
        run.end({ code: 255 });
        return exited;
      },
      kill: () => {
        run.killed = true;
        run.end({ code: null, signal: 'SIGKILL' });
      },
    };
  };
  return { runs, start };
}
