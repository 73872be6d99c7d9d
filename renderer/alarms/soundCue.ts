// The sound cue of a new alarm: a few short sine tones through WebAudio, more and higher the more severe the
// alarm. No audio file, nothing to load; a browser that blocks sound until the first click gets it then.
import { runInBackground } from '../../common/background';
import type { AlarmSeverity } from './alarm';

/** One cue: `count` tones of `hz` for `toneMs`, `gapMs` apart. */
export interface CuePattern {
  hz: number;
  toneMs: number;
  gapMs: number;
  count: number;
}

/** The cue per severity: one soft tone for info, two for a warning, three high ones for a critical alarm. */
export const CUES: Record<AlarmSeverity, CuePattern> = {
  info: { hz: 660, toneMs: 160, gapMs: 0, count: 1 },
  warning: { hz: 880, toneMs: 180, gapMs: 140, count: 2 },
  critical: { hz: 1046, toneMs: 200, gapMs: 120, count: 3 },
};

/** How loud a cue is (0..1 of full scale): heard at a desk, not a siren. */
const VOLUME = 0.18;
/** The fade in and out of each tone, so it does not click. */
const RAMP_S = 0.015;

/** The part of an AudioParam the cue uses. */
interface AudioParamLike {
  setValueAtTime(value: number, at: number): unknown;
  linearRampToValueAtTime(value: number, at: number): unknown;
}

/** The part of an AudioNode the cue uses. */
interface AudioNodeLike {
  connect(destination: AudioNodeLike): unknown;
}

/** The part of AudioContext the cue uses (tests pass a fake). */
export interface AudioContextLike {
  readonly currentTime: number;
  readonly destination: AudioNodeLike;
  readonly state: string;
  resume(): Promise<void>;
  createOscillator(): AudioNodeLike & {
    type: OscillatorType;
    frequency: AudioParamLike;
    start(at: number): void;
    stop(at: number): void;
  };
  createGain(): AudioNodeLike & { gain: AudioParamLike };
}

/** Schedules a cue's tones on `context`, starting now. */
export function scheduleCue(context: AudioContextLike, pattern: CuePattern): void {
  const start = context.currentTime;
  for (let i = 0; i < pattern.count; i++) {
    const at = start + (i * (pattern.toneMs + pattern.gapMs)) / 1000;
    const end = at + pattern.toneMs / 1000;
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.setValueAtTime(pattern.hz, at);
    gain.gain.setValueAtTime(0, at);
    gain.gain.linearRampToValueAtTime(VOLUME, at + RAMP_S);
    gain.gain.setValueAtTime(VOLUME, end - RAMP_S);
    gain.gain.linearRampToValueAtTime(0, end);
    oscillator.connect(gain);
    gain.connect(context.destination);
    oscillator.start(at);
    oscillator.stop(end);
  }
}

/** What happened to a cue: played, muted by the desk, or held back by the browser until the page is clicked. */
export type CueOutcome = 'played' | 'muted' | 'blocked';

/** Plays alarm cues on one AudioContext. */
export interface SoundCues {
  /**
   * Makes the AudioContext now (the page's start), so the first alarm does not wait for the browser's audio
   * to start up; a page nobody clicked yet may get it suspended until the first click.
   */
  warm(): void;
  play(severity: AlarmSeverity, muted: boolean): CueOutcome;
}

/** Sound cues on the page's WebAudio (`create` makes the context; none under server rendering). */
export function createSoundCues(
  create: (() => AudioContextLike) | undefined = typeof AudioContext === 'undefined'
    ? undefined
    : () => new AudioContext(),
): SoundCues {
  let context: AudioContextLike | undefined;
  return {
    warm() {
      if (create !== undefined) context ??= create();
    },
    play(severity, muted) {
      if (muted) return 'muted';
      if (create === undefined) return 'blocked';
      context ??= create();
      // A page nobody clicked yet may start suspended; resuming is allowed once the operator interacts.
      if (context.state === 'suspended') runInBackground(context.resume(), () => undefined);
      scheduleCue(context, CUES[severity]);
      return context.state === 'running' ? 'played' : 'blocked';
    },
  };
}
