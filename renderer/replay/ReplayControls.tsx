import { useState } from 'react';

import type { StationApi } from '../../common/station-api';
import type { GroupSnapshot, PlaybackGroup } from '../playback';
import { RATES } from '../playback/clock';
import { timelineWindow, ZOOMS_MS } from '../playback/timeline';
import { Timeline } from './Timeline';
import { useNow } from '../useNow';
import { useRecordings } from './useRecordings';

/** The controls' inputs. */
export interface ReplayControlsProps {
  api: Pick<StationApi, 'listRecordings'>;
  group: PlaybackGroup;
  snapshot: GroupSnapshot;
  /** The cameras whose recordings the strip shows (one lane each). */
  cameraIds: readonly string[];
  /** A small tile: speeds as one button that cycles. */
  compact: boolean;
  onLive: () => void;
  /** Prefix of the controls' `data-testid`s (`tile-replay-3`, `view-replay`). */
  testId: string;
}

const nextRate = (rate: number): number => RATES[(RATES.indexOf(rate as 1) + 1) % RATES.length] ?? 1;

/**
 * Play/pause, frame steps, speed, the recording strip and "Live": what an operator needs to look back, in one
 * row under the picture.
 */
export function ReplayControls(props: ReplayControlsProps) {
  const { group, snapshot, compact, testId } = props;
  const [zoom, setZoom] = useState(1);
  const nowMs = Math.max(useNow(1000), snapshot.wallMs);
  const zoomMs = ZOOMS_MS[zoom] ?? ZOOMS_MS[1];
  const window = timelineWindow(snapshot.wallMs, nowMs, zoomMs);
  const lanes = useRecordings(props.api, props.cameraIds, window);
  const paused = snapshot.paused;

  return (
    <div className={`replay-controls${compact ? ' replay-compact' : ''}`} data-testid={testId}>
      <button
        type="button"
        className="replay-play"
        data-testid={`${testId}-play`}
        title={paused ? 'Play (Space)' : 'Pause (Space)'}
        aria-label={paused ? 'Play' : 'Pause'}
        onClick={() => {
          group.toggle();
        }}
      >
        {paused ? '▶' : '❚❚'}
      </button>
      <button
        type="button"
        data-testid={`${testId}-step-back`}
        title="Previous frame (,)"
        aria-label="Previous frame"
        onClick={() => {
          group.stepFrame(-1);
        }}
      >
        ◂❘
      </button>
      <button
        type="button"
        data-testid={`${testId}-step-forward`}
        title="Next frame (.)"
        aria-label="Next frame"
        onClick={() => {
          group.stepFrame(1);
        }}
      >
        ❘▸
      </button>
      {compact ? (
        <button
          type="button"
          data-testid={`${testId}-rate`}
          title="Speed ([ and ])"
          onClick={() => {
            group.setRate(nextRate(snapshot.rate));
          }}
        >
          {snapshot.rate}×
        </button>
      ) : (
        <span className="replay-rates" role="group" aria-label="Speed">
          {RATES.map((rate) => (
            <button
              key={rate}
              type="button"
              data-testid={`${testId}-rate-${rate}`}
              aria-pressed={snapshot.rate === rate}
              onClick={() => {
                group.setRate(rate);
              }}
            >
              {rate}×
            </button>
          ))}
        </span>
      )}
      <Timeline
        window={window}
        lanes={lanes}
        playheadMs={snapshot.wallMs}
        nowMs={nowMs}
        onSeek={(ms) => {
          group.seek(ms);
        }}
        onZoom={(direction) => {
          setZoom((z) => Math.min(ZOOMS_MS.length - 1, Math.max(0, z + direction)));
        }}
        testId={`${testId}-timeline`}
      />
      <button
        type="button"
        className="replay-live"
        data-testid={`${testId}-live`}
        title="Back to live (L)"
        onClick={props.onLive}
      >
        Live
      </button>
    </div>
  );
}
