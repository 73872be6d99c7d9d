import { useRef, useState, type KeyboardEvent, type PointerEvent, type WheelEvent } from 'react';

import { bars, clockText, fractionOf, instantAt, tickText, ticks, type Range } from '../playback/timeline';

/** One camera's row of the strip: what was recorded (the rest of the window is a gap or unknown). */
export interface TimelineLane {
  cameraId: string;
  spans: readonly Range[];
}

/** The strip's inputs. */
export interface TimelineProps {
  /** The wall-clock window shown (ms). */
  window: Range;
  lanes: readonly TimelineLane[];
  /** The instant playing (ms). */
  playheadMs: number;
  /** The live edge (ms): nothing is recorded after it. */
  nowMs: number;
  onSeek: (ms: number) => void;
  /** Wheel or +/− keys: zoom in (-1) or out (1). */
  onZoom: (direction: -1 | 1) => void;
  testId: string;
}

/**
 * The recording strip: recorded spans as bars (one lane per camera), gaps as the empty track between them,
 * time ticks, the playhead, and the future greyed out. Click or drag to scrub (the video jumps on release),
 * ←/→ move 10 s (Shift: 1 min), +/− or the wheel zoom.
 */
export function Timeline(props: TimelineProps) {
  const { window, lanes, playheadMs, nowMs, onSeek, onZoom } = props;
  const track = useRef<HTMLDivElement | null>(null);
  const [scrubMs, setScrubMs] = useState<number | null>(null);
  const [hoverMs, setHoverMs] = useState<number | null>(null);

  const at = (event: PointerEvent<HTMLDivElement>): number => {
    const box = track.current?.getBoundingClientRect();
    if (!box || box.width === 0) return playheadMs;
    return Math.min(nowMs, instantAt((event.clientX - box.left) / box.width, window));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const step = event.shiftKey ? 60_000 : 10_000;
    const moves: Record<string, () => void> = {
      ArrowLeft: () => {
        onSeek(playheadMs - step);
      },
      ArrowRight: () => {
        onSeek(Math.min(nowMs, playheadMs + step));
      },
      '+': () => {
        onZoom(-1);
      },
      '-': () => {
        onZoom(1);
      },
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    event.stopPropagation();
    move();
  };
  const shown = scrubMs ?? playheadMs;
  const future = fractionOf(nowMs, window);
  const laneHeight = `${100 / Math.max(1, lanes.length)}%`;

  return (
    <div
      ref={track}
      className="timeline"
      data-testid={props.testId}
      role="slider"
      tabIndex={0}
      aria-label="Recording timeline"
      aria-valuemin={window.start}
      aria-valuemax={window.end}
      aria-valuenow={Math.round(shown)}
      aria-valuetext={clockText(shown)}
      onKeyDown={onKeyDown}
      onWheel={(event: WheelEvent<HTMLDivElement>) => {
        onZoom(event.deltaY < 0 ? -1 : 1);
      }}
      onPointerDown={(event) => {
        event.currentTarget.setPointerCapture(event.pointerId);
        setScrubMs(at(event));
      }}
      onPointerMove={(event) => {
        const ms = at(event);
        setHoverMs(ms);
        if (scrubMs !== null) setScrubMs(ms);
      }}
      onPointerLeave={() => {
        setHoverMs(null);
      }}
      onPointerUp={(event) => {
        if (scrubMs === null) return;
        setScrubMs(null);
        onSeek(at(event));
      }}
      onPointerCancel={() => {
        setScrubMs(null);
      }}
    >
      <div className="timeline-lanes">
        {lanes.map((lane, i) => (
          <div
            key={lane.cameraId}
            className="timeline-lane"
            style={{ top: `calc(${laneHeight} * ${i})`, height: laneHeight }}
          >
            {bars(lane.spans, window).map((bar) => (
              <span
                key={bar.left}
                className="timeline-span"
                style={{ left: `${bar.left * 100}%`, width: `${Math.max(bar.width * 100, 0.2)}%` }}
              />
            ))}
          </div>
        ))}
        {future < 1 && <span className="timeline-future" style={{ left: `${future * 100}%` }} />}
      </div>
      {ticks(window).map((t) => (
        <span key={t} className="timeline-tick" style={{ left: `${fractionOf(t, window) * 100}%` }}>
          {tickText(t)}
        </span>
      ))}
      <span className="timeline-playhead" style={{ left: `${fractionOf(shown, window) * 100}%` }} />
      {(scrubMs ?? hoverMs) !== null && (
        <span
          className="timeline-hover"
          style={{ left: `${fractionOf(scrubMs ?? hoverMs ?? 0, window) * 100}%` }}
        >
          {clockText(scrubMs ?? hoverMs ?? 0)}
        </span>
      )}
    </div>
  );
}
