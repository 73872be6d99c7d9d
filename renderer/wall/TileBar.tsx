import type { TileView } from './tileState';

/** The tile's band: what it shows and the buttons that act on it. */
export interface TileBarProps {
  index: number;
  cameraId: string | null;
  name: string;
  view: TileView;
  muted: boolean;
  /** Whether the camera sends audio a browser plays. */
  audio: boolean;
  statsShown: boolean;
  onToggleStats: () => void;
  onSnapshot: () => void;
  onToggleMute: () => void;
  onClear: () => void;
  /** In replay: the badge (`PLAYBACK 14:02:11`); null when live. */
  playback: string | null;
  /** Opens instant replay for this tile (absent where the station offers no playback). */
  onReplay: (() => void) | undefined;
  /** Back to live (in replay). */
  onLive: () => void;
}

/**
 * The slim band above a tile's picture: a state dot, the camera's name (its id in the tooltip) and the state on
 * the right (a `LIVE` badge while live); in replay a `PLAYBACK 14:02:11` badge before the name instead. The
 * buttons appear over the state's end of the band on hover or keyboard focus, so nothing is reserved for them
 * and nothing moves.
 */
export function TileBar(props: TileBarProps) {
  const { index, cameraId, view, muted, audio } = props;
  return (
    <div className="tile-bar">
      <span
        className={`tile-dot dot-${props.playback === null ? view.kind : 'playback'}`}
        aria-hidden="true"
      />
      {/* Left of the name, where the hover buttons never cover it: an operator must never mistake replay for live. */}
      {props.playback !== null && (
        <span className="tile-mode mode-playback" data-testid={`tile-mode-${index}`}>
          {props.playback}
        </span>
      )}
      <span className="tile-name" title={cameraId ? `${props.name} — ${cameraId}` : undefined}>
        {props.name}
      </span>
      {props.playback === null && (
        <span
          className={`tile-state state-${view.kind}${view.kind === 'live' ? ' tile-mode mode-live' : ''}`}
          data-testid={`tile-state-${index}`}
        >
          {view.kind === 'empty' ? 'empty' : view.kind === 'live' ? 'LIVE' : view.label}
        </span>
      )}
      {cameraId && (
        <span className="tile-actions">
          {props.playback !== null ? (
            <button
              type="button"
              className="tile-live-button"
              data-testid={`tile-live-button-${index}`}
              title="Back to live (L)"
              onClick={props.onLive}
            >
              Live
            </button>
          ) : (
            props.onReplay && (
              <button
                type="button"
                data-testid={`tile-replay-button-${index}`}
                title="Instant replay… (R: 10 s back)"
                onClick={props.onReplay}
              >
                ⟲ Replay
              </button>
            )
          )}
          <button type="button" title="Stats" aria-pressed={props.statsShown} onClick={props.onToggleStats}>
            i
          </button>
          <button type="button" title="Snapshot (PNG)" onClick={props.onSnapshot}>
            PNG
          </button>
          <button
            type="button"
            data-testid={`tile-audio-${index}`}
            title={audio ? (muted ? 'Unmute' : 'Mute') : 'This camera sends no audio'}
            aria-pressed={!muted}
            disabled={!audio}
            onClick={props.onToggleMute}
          >
            {muted || !audio ? 'audio off' : 'audio on'}
          </button>
          <button type="button" title="Remove from tile (Delete)" onClick={props.onClear}>
            ×
          </button>
        </span>
      )}
    </div>
  );
}
