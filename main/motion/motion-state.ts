// When motion starts and ends, from frame-by-frame verdicts (pure): a few moving frames in a row start it (one
// odd frame — a compression glitch, a bird — does not), and it ends only after a quiet stretch, so a person
// pausing in the doorway stays one motion rather than many.

/** How many frames in a row decide. */
export interface PersistenceRules {
  /** Moving frames in a row that start motion. */
  startFrames: number;
  /** Quiet frames in a row that end it. */
  endFrames: number;
}

/** At 5 fps: motion starts on the 2nd moving frame in a row (≤ 0.4 s) and ends after 2 s of quiet. */
export const DEFAULT_PERSISTENCE: PersistenceRules = { startFrames: 2, endFrames: 10 };

/** Where the machine is. */
export interface MotionState {
  active: boolean;
  /** Frames in a row that disagree with `active` (moving while idle, quiet while active). */
  streak: number;
  /** When the current motion began (the first moving frame of the streak that started it), ms. */
  startedAt?: number;
  /** When the streak began, ms. */
  streakAt?: number;
  /** The largest changed share seen during the current motion (or the starting streak), percent. */
  peakPercent: number;
}

/** One frame's verdict. */
export interface FrameVerdict {
  moving: boolean;
  changedPercent: number;
  /** When the frame arrived, ms. */
  at: number;
}

/** A change the caller acts on: motion began, or ended. */
export type MotionChange =
  | { kind: 'start'; at: number; changedPercent: number }
  | { kind: 'end'; at: number; startedAt: number; peakPercent: number };

/** The machine before any frame. */
export const IDLE: MotionState = { active: false, streak: 0, peakPercent: 0 };

/** The next state after one frame, and the change it makes, if any. */
export function nextMotion(
  state: MotionState,
  frame: FrameVerdict,
  rules: PersistenceRules = DEFAULT_PERSISTENCE,
): { state: MotionState; change?: MotionChange } {
  const agrees = frame.moving === state.active;
  const peakPercent =
    state.active || frame.moving ? Math.max(state.peakPercent, frame.moving ? frame.changedPercent : 0) : 0;
  if (agrees) return { state: { ...withoutStreak(state), peakPercent } };
  const streak = state.streak + 1;
  const streakAt = state.streakAt ?? frame.at;
  if (!state.active) {
    if (streak < rules.startFrames) return { state: { ...state, streak, streakAt, peakPercent } };
    return {
      state: { active: true, streak: 0, startedAt: streakAt, peakPercent },
      change: { kind: 'start', at: streakAt, changedPercent: frame.changedPercent },
    };
  }
  if (streak < rules.endFrames) return { state: { ...state, streak, streakAt, peakPercent } };
  return {
    state: IDLE,
    change: { kind: 'end', at: streakAt, startedAt: state.startedAt ?? streakAt, peakPercent },
  };
}

function withoutStreak(state: MotionState): MotionState {
  const { streakAt: _streakAt, ...rest } = state;
  return { ...rest, streak: 0 };
}
