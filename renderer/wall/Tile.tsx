import { memo, useEffect, useState, type DragEvent, type Ref } from 'react';

import type { CameraView } from '../../common/camera';
import { errorText, runInBackground } from '../../common/background';
import type { StreamPlayer, TileStats, TileStatus } from '../player/types';
import type { WallAction } from '../views/viewState';
import { dropAction, TILE_DRAG } from './dragData';
import { downloadSnapshot } from './snapshot';
import { EMPTY_TILE, tileView } from './tileState';
import { useTilePlayer } from './useTilePlayer';
import { useTileStats } from './useTileStats';

/** One wall tile; the wall re-mounts it when its camera changes, so a tile plays one camera for its life. */
export interface TileProps {
  index: number;
  cameraId: string | null;
  camera: CameraView | undefined;
  player: StreamPlayer;
  gridArea: string;
  /** Another tile is full-window: this one is hidden (and its player pauses, nobody can see it). */
  hidden: boolean;
  full: boolean;
  dispatch: (action: WallAction) => void;
  /** Called with each status of this tile's player, for desk alerts. */
  onPlayerStatus: (cameraId: string, status: TileStatus) => void;
}

const TileVideo = memo(function TileVideo({ index, ref }: { index: number; ref: Ref<HTMLVideoElement> }) {
  // Muted and autoplaying from the start; the player unmutes on request. React never touches it again.
  return (
    <video ref={ref} data-testid={`tile-video-${index}`} className="tile-video" autoPlay muted playsInline />
  );
});

function formatStats(s: TileStats): string {
  return [
    `${s.width}×${s.height}`,
    `${Math.round(s.fps)} fps`,
    `${Math.round(s.bitrateKbps)} kb/s`,
    `lost ${s.packetsLost}`,
    `jitter buffer ${Math.round(s.jitterBufferDelayMs)} ms`,
    `${s.framesDecoded} frames`,
  ].join(' · ');
}

/** A wall tile: the camera's video, its name and state, stats on demand, snapshot, audio, drop target. */
export function Tile(props: TileProps) {
  const { index, cameraId, camera, dispatch, onPlayerStatus } = props;
  const [muted, setMuted] = useState(true);
  const [showStats, setShowStats] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  // A disabled camera has no stream on the gateway: the tile says so instead of retrying forever.
  const playable = cameraId !== null && camera?.enabled !== false && camera?.health.state !== 'disabled';
  const { playInto, tile, video, status } = useTilePlayer(props.player, playable ? cameraId : null, muted);
  const stats = useTileStats(tile, showStats);
  const view = cameraId ? tileView(camera, status) : EMPTY_TILE;

  useEffect(() => {
    if (cameraId && status) onPlayerStatus(cameraId, status);
  }, [cameraId, status, onPlayerStatus]);

  const onDrop = (event: DragEvent<HTMLDivElement>): void => {
    const action = dropAction((type) => event.dataTransfer.getData(type), index);
    if (!action) return;
    event.preventDefault();
    dispatch(action);
  };
  const snapshot = (): void => {
    if (!video || !cameraId) return;
    setNotice(null);
    runInBackground(downloadSnapshot(video, cameraId), (error: unknown) => {
      setNotice(`Snapshot failed: ${errorText(error)}`);
    });
  };
  const down = view.kind === 'stale' || view.kind === 'offline' || view.kind === 'error';
  // The station relays audio only for cameras whose probe found audio a browser plays.
  const audio = camera?.audio === true;

  return (
    <div
      className={`tile tile-${view.kind}${props.full ? ' tile-full' : ''}`}
      style={{ gridArea: props.full ? '1 / 1 / -1 / -1' : props.gridArea }}
      hidden={props.hidden}
      data-testid={`tile-${index}`}
      data-camera-id={cameraId ?? ''}
      data-state={view.kind}
      tabIndex={0}
      draggable={cameraId !== null}
      onFocus={() => {
        dispatch({ type: 'focus', tile: index });
      }}
      onDoubleClick={() => {
        dispatch({ type: 'full', tile: index });
      }}
      onDragStart={(event) => {
        event.dataTransfer.setData(TILE_DRAG, String(index));
        event.dataTransfer.effectAllowed = 'move';
      }}
      onDragOver={(event) => {
        event.preventDefault();
      }}
      onDrop={onDrop}
    >
      {playable && <TileVideo index={index} ref={playInto} />}
      <div className="tile-bar">
        <span className="tile-name" title={cameraId ?? undefined}>
          {cameraId ? (camera?.name ?? cameraId) : `Tile ${index + 1}`}
        </span>
        <span className={`badge badge-${view.kind}`}>{view.kind === 'empty' ? 'empty' : view.label}</span>
        {cameraId && (
          <span className="tile-actions">
            <button
              type="button"
              title="Stats"
              aria-pressed={showStats}
              onClick={() => {
                setShowStats(!showStats);
              }}
            >
              i
            </button>
            <button type="button" title="Snapshot (PNG)" onClick={snapshot}>
              PNG
            </button>
            <button
              type="button"
              data-testid={`tile-audio-${index}`}
              title={audio ? (muted ? 'Unmute' : 'Mute') : 'This camera sends no audio'}
              aria-pressed={!muted}
              disabled={!audio}
              onClick={() => {
                setMuted(!muted);
              }}
            >
              {muted || !audio ? 'audio off' : 'audio on'}
            </button>
            <button
              type="button"
              title="Clear tile"
              onClick={() => {
                dispatch({ type: 'clear', tile: index });
              }}
            >
              ×
            </button>
          </span>
        )}
      </div>
      {(down || view.kind === 'empty' || view.kind === 'disabled') && (
        <div className={`tile-message${down ? ' tile-message-loud' : ''}`}>
          <strong>{view.label}</strong>
          {view.reason && <span>{view.reason}</span>}
        </div>
      )}
      {showStats && <div className="tile-stats">{stats ? formatStats(stats) : 'no stats yet'}</div>}
      {notice && (
        <div
          className="tile-notice"
          role="status"
          onClick={() => {
            setNotice(null);
          }}
        >
          {notice}
        </div>
      )}
    </div>
  );
}
