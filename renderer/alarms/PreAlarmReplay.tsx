import { useEffect, useState, type ReactNode } from 'react';

import { errorText, runInBackground } from '../../common/background';
import { clockTime } from '../wall/tileState';

/** Where the pre-alarm replay comes from: whether a camera recorded a moment, and a player for it. */
export interface ReplaySource {
  /** Whether the camera has recording from `from` (ISO) on. */
  recorded(cameraId: string, from: string): Promise<boolean>;
  /** The player, playing the camera's recording from `from` (ISO). */
  player(cameraId: string, from: string): ReactNode;
}

/** The replay's inputs: the camera, from when, and the source (none where this station has no recordings). */
export interface PreAlarmReplayProps {
  cameraId: string;
  cameraName: string;
  from: string;
  source: ReplaySource | undefined;
}

type ReplayState =
  { kind: 'checking' } | { kind: 'none' } | { kind: 'playing' } | { kind: 'error'; why: string };

/**
 * The seconds before the alarm beside the live camera: the camera's recording from `from` when there is one,
 * else a plain "no recording" in the same 16:9 box (the box never collapses, so the prompt does not jump).
 * Render it with a key per alarm: a new alarm starts a new check.
 */
export function PreAlarmReplay({ cameraId, cameraName, from, source }: PreAlarmReplayProps) {
  const [state, setState] = useState<ReplayState>(
    source === undefined ? { kind: 'none' } : { kind: 'checking' },
  );
  useEffect(() => {
    if (source === undefined) return undefined;
    let active = true;
    runInBackground(
      source.recorded(cameraId, from).then((recorded) => {
        if (active) setState({ kind: recorded ? 'playing' : 'none' });
      }),
      (error: unknown) => {
        if (active) setState({ kind: 'error', why: errorText(error) });
      },
    );
    return () => {
      active = false;
    };
  }, [source, cameraId, from]);

  return (
    <div className="alarm-replay" data-testid="alarm-replay" data-state={state.kind} data-from={from}>
      {state.kind === 'playing' && source !== undefined ? (
        <>
          {source.player(cameraId, from)}
          <span className="alarm-replay-label">Replay from {clockTime(from)}</span>
        </>
      ) : (
        <div className="alarm-replay-state">
          {state.kind === 'checking' && <span>Looking for a recording…</span>}
          {state.kind === 'none' && (
            <>
              <strong>No recording</strong>
              <span>
                {cameraName} has no recording from {clockTime(from)} (10 s before the alarm)
              </span>
            </>
          )}
          {state.kind === 'error' && (
            <>
              <strong>Replay unavailable</strong>
              <span>{state.why}</span>
            </>
          )}
        </div>
      )}
    </div>
  );
}
