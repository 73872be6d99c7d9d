import type { CameraState } from '../../common/camera';
import { STATE_ORDER, type StateCounts } from './cameraListModel';

/** The states the status bar always shows, even at zero: the ones a desk watches. */
const ALWAYS: ReadonlySet<CameraState> = new Set(['live', 'stale', 'offline']);

/** The status bar's inputs: counts over every camera, how many the list shows (said when filtered), the state filter. */
export interface CameraCountsProps {
  counts: StateCounts;
  total: number;
  shown: number;
  state: CameraState | null;
  onState: (state: CameraState | null) => void;
}

/**
 * The camera list's status bar: how many cameras are live, stale, offline (error, starting and disabled when
 * there are any); a count is also a filter, pressed again to show every camera.
 */
export function CameraCounts({ counts, total, shown, state, onState }: CameraCountsProps) {
  return (
    <footer className="camera-counts" data-testid="camera-counts" aria-label="Camera states">
      {STATE_ORDER.filter((s) => ALWAYS.has(s) || counts[s] > 0).map((s) => (
        <button
          key={s}
          type="button"
          className={`count count-${s}`}
          data-testid={`count-${s}`}
          data-count={counts[s]}
          aria-pressed={state === s}
          title={state === s ? 'Show every camera' : `Show only ${s} cameras`}
          onClick={() => {
            onState(state === s ? null : s);
          }}
        >
          <span className={`tile-dot dot-${s}`} aria-hidden="true" />
          {counts[s]} {s}
        </button>
      ))}
      {shown < total && <span className="count-total">{`${shown} of ${total} shown`}</span>}
    </footer>
  );
}
