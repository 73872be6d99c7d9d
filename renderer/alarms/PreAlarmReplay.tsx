import { useEffect, useRef, useState } from 'react';

import { runInBackground, errorText } from '../../common/background';
import { ErrorCode, VigilError } from '../../common/errors';
import {
  browserMediaEnv,
  startPlaybackInto,
  type MemberPhase,
  type PlaybackHandle,
  type PlaybackSource,
} from '../playback';
import { clockTime } from '../wall/tileState';

/** The replay's inputs: the camera, from when, and the recordings (none where the page cannot fetch them). */
export interface PreAlarmReplayProps {
  cameraId: string;
  cameraName: string;
  /** 10 s before the alarm happened (ISO). */
  from: string;
  playback: PlaybackSource | undefined;
}

type ReplayState =
  | { kind: 'starting' }
  | { kind: 'playing'; phase: MemberPhase }
  | { kind: 'none'; why: string }
  | { kind: 'error'; why: string };

/** The first state: nothing to try where the page has no recordings to fetch. */
function firstState(playback: PlaybackSource | undefined): ReplayState {
  return playback === undefined
    ? { kind: 'none', why: 'this wall cannot fetch recordings' }
    : { kind: 'starting' };
}

/**
 * The seconds before the alarm beside the live camera: the camera's recording played from `from` with instant
 * replay's player (it runs on into the live edge; "Again" goes back to `from`), else a plain "no recording" in
 * the same 16:9 box, which never collapses, so the prompt does not jump. Render it with a key per alarm.
 */
export function PreAlarmReplay({ cameraId, cameraName, from, playback }: PreAlarmReplayProps) {
  const video = useRef<HTMLVideoElement | null>(null);
  const handle = useRef<PlaybackHandle | null>(null);
  const [state, setState] = useState<ReplayState>(() => firstState(playback));
  useEffect(() => {
    const element = video.current;
    if (playback === undefined || element === null) return undefined;
    let active = true;
    let stopStatus: (() => void) | undefined;
    const fromMs = Date.parse(from);
    runInBackground(
      startPlaybackInto(cameraId, element, fromMs, { source: playback, media: browserMediaEnv() }).then(
        (started) => {
          if (!active) {
            runInBackground(started.stop(), () => undefined);
            return;
          }
          handle.current = started;
          setState({ kind: 'playing', phase: started.status().phase });
          stopStatus = started.onStatus((status) => {
            setState({ kind: 'playing', phase: status.phase });
          });
        },
      ),
      (error: unknown) => {
        if (!active) return;
        const nothing = error instanceof VigilError && error.code === ErrorCode.RecordingNotFound;
        setState(
          nothing ? { kind: 'none', why: 'nothing recorded then' } : { kind: 'error', why: errorText(error) },
        );
      },
    );
    return () => {
      active = false;
      stopStatus?.();
      const started = handle.current;
      handle.current = null;
      if (started !== null) runInBackground(started.stop(), () => undefined);
    };
  }, [playback, cameraId, from]);

  const phase = state.kind === 'playing' ? state.phase : state.kind;
  return (
    <div
      className="alarm-replay"
      data-testid="alarm-replay"
      data-state={state.kind}
      data-phase={phase}
      data-from={from}
    >
      <video ref={video} data-testid="alarm-replay-video" muted playsInline />
      {state.kind === 'playing' ? (
        <>
          <span className="alarm-replay-label">{`Replay from ${clockTime(from)} · ${phase}`}</span>
          <button
            type="button"
            className="alarm-replay-again"
            data-testid="alarm-replay-again"
            title="Play the seconds before the alarm again"
            onClick={() => {
              handle.current?.seek(from);
              handle.current?.play();
            }}
          >
            Again
          </button>
        </>
      ) : (
        <div className="alarm-replay-state">
          {state.kind === 'starting' && <span>Looking for a recording…</span>}
          {state.kind === 'none' && (
            <>
              <strong>No recording</strong>
              <span>{`${cameraName}: no recording from ${clockTime(from)} (10 s before the alarm) — ${state.why}`}</span>
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
