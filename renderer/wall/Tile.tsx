import { memo, useCallback, useEffect, useRef, useState, type DragEvent, type Ref } from 'react';

import type { CameraView } from '../../common/camera';
import { errorText, runInBackground } from '../../common/background';
import type { StreamPlayer, TileStats, TileStatus } from '../player/types';
import { playbackBadge, TileReplay } from '../replay/TileReplay';
import { tileKey } from '../replay/replayDesk';
import { useGroupValue } from '../replay/useGroup';
import type { GroupSnapshot } from '../playback';
import type { WallReplay } from '../replay/wallReplay';
import { menuPoint } from '../menu/ContextMenu';
import type { MenuContent, MenuRequest } from '../menu/menu';
import type { WallAction } from '../views/viewState';
import { dropAction, TILE_DRAG } from './dragData';
import { downloadSnapshot } from './snapshot';
import { TileBar } from './TileBar';
import { tileMenu } from './tileMenu';
import { EMPTY_TILE, tileView } from './tileState';
import { useTilePlayer } from './useTilePlayer';
import { useTileStats } from './useTileStats';

/** What tiles ask of the desk around them: menus, the camera list's highlight, camera commands. */
export interface TileCommands {
  openMenu: (request: MenuRequest) => void;
  /** The camera highlighted in the camera list (offered in a tile's menu). */
  highlighted: CameraView | undefined;
  restart: (cameraId: string) => void;
  edit: (camera: CameraView) => void;
}

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
  /** The tile placements and keys act on. */
  selected: boolean;
  /** The severity of the alarm on stage, when this tile shows one of its cameras. */
  alarm?: string | null;
  dispatch: (action: WallAction) => void;
  commands: TileCommands;
  /** Called with each status of this tile's player, for desk alerts. */
  onPlayerStatus: (cameraId: string, status: TileStatus) => void;
  /** Instant replay (absent where the station offers no playback). */
  replay: WallReplay | undefined;
  /** Small tiles (3×3 and up): compact replay controls. */
  dense: boolean;
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

/**
 * A wall tile: a slim band (name, state, buttons) above the picture, the video letterboxed in the picture, the
 * state written over the picture only when something is wrong; a drop target, and a context menu.
 */
export function Tile(props: TileProps) {
  const { index, cameraId, camera, selected, dispatch, commands, onPlayerStatus } = props;
  const [muted, setMuted] = useState(true);
  const [showStats, setShowStats] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const element = useRef<HTMLDivElement | null>(null);
  // A disabled camera has no stream on the gateway: the tile says so instead of retrying forever.
  const playable = cameraId !== null && camera?.enabled !== false && camera?.health.state !== 'disabled';
  const { replay } = props;
  const member = cameraId === null ? null : tileKey(index, cameraId);
  const group = member !== null && replay ? replay.desk.groupFor(member) : undefined;
  const readBadge = useCallback((s: GroupSnapshot) => playbackBadge(s, member ?? ''), [member]);
  const readPhase = useCallback(
    (s: GroupSnapshot) => s.members.get(member ?? '')?.phase ?? 'opening',
    [member],
  );
  const badge = useGroupValue(group, readBadge, 'PLAYBACK');
  const phase = useGroupValue(group, readPhase, 'opening');
  const replaying = group !== undefined && member !== null && cameraId !== null;
  const live = playable && !replaying;
  const { playInto, tile, video, status } = useTilePlayer(props.player, live ? cameraId : null, muted);
  const stats = useTileStats(tile, showStats);
  const view = cameraId ? tileView(camera, status) : EMPTY_TILE;

  useEffect(() => {
    if (cameraId && status) onPlayerStatus(cameraId, status);
  }, [cameraId, status, onPlayerStatus]);

  // Arrow keys move the selection: keyboard focus follows it while it is on the wall.
  useEffect(() => {
    const self = element.current;
    if (selected && self && document.activeElement?.closest('.wall') && document.activeElement !== self) {
      self.focus();
    }
  }, [selected]);

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
  const clear = (): void => {
    dispatch({ type: 'clear', tile: index });
  };
  const toggleStats = (): void => {
    setShowStats(!showStats);
  };
  const toggleMute = (): void => {
    setMuted(!muted);
  };
  const goLive = (): void => {
    if (member !== null) replay?.desk.live(member);
  };
  const menu = (): MenuContent =>
    tileMenu(
      {
        index,
        cameraId,
        camera,
        full: props.full,
        statsShown: showStats,
        muted,
        highlighted: commands.highlighted,
        replay: replay ? (replaying ? 'playback' : 'live') : 'unavailable',
      },
      {
        replayBack: (seconds) => {
          if (member !== null) replay?.desk.replayTile(member, Date.now() - seconds * 1000);
        },
        replayPick: () => {
          replay?.pick(index);
        },
        live: goLive,
        toggleFull: () => {
          dispatch({ type: 'full', tile: index });
        },
        snapshot,
        restart: () => {
          if (cameraId) commands.restart(cameraId);
        },
        toggleStats,
        toggleMute,
        clear,
        edit: () => {
          if (camera) commands.edit(camera);
        },
        placeHighlighted: () => {
          if (commands.highlighted) {
            dispatch({ type: 'assign', tile: index, cameraId: commands.highlighted.camera_id });
          }
        },
      },
    );
  const down = view.kind === 'stale' || view.kind === 'offline' || view.kind === 'error';
  const alarm = props.alarm ? ` tile-alarm alarm-${props.alarm}` : '';
  const kinds = `tile tile-${view.kind}${props.full ? ' tile-full' : ''}${selected ? ' tile-selected' : ''}${alarm}`;

  return (
    <div
      ref={element}
      className={kinds}
      style={{ gridArea: props.full ? '1 / 1 / -1 / -1' : props.gridArea }}
      hidden={props.hidden}
      data-testid={`tile-${index}`}
      data-camera-id={cameraId ?? ''}
      data-state={replaying ? 'playback' : view.kind}
      data-mode={replaying ? 'playback' : 'live'}
      data-playback-phase={replaying ? phase : undefined}
      data-selected={selected}
      data-alarm={props.alarm ?? ''}
      tabIndex={0}
      draggable={cameraId !== null}
      onFocus={() => {
        dispatch({ type: 'focus', tile: index });
      }}
      onDoubleClick={() => {
        dispatch({ type: 'full', tile: index });
      }}
      onContextMenu={(event) => {
        event.preventDefault();
        dispatch({ type: 'focus', tile: index });
        commands.openMenu({ ...menu(), at: menuPoint(event) });
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
      <TileBar
        index={index}
        cameraId={cameraId}
        name={cameraId ? (camera?.name ?? cameraId) : `Tile ${index + 1}`}
        view={view}
        muted={muted}
        audio={camera?.audio === true}
        motion={camera?.health.motion === true}
        statsShown={showStats}
        onToggleStats={toggleStats}
        onSnapshot={snapshot}
        onToggleMute={toggleMute}
        onClear={clear}
        playback={replaying ? badge : null}
        onReplay={
          replay && playable
            ? () => {
                replay.pick(index);
              }
            : undefined
        }
        onLive={goLive}
      />
      {replaying && replay ? (
        <TileReplay
          index={index}
          member={member}
          cameraId={cameraId}
          group={group}
          inSync={replay.desk.inSync(member)}
          compact={props.dense}
          api={replay.api}
          onLive={goLive}
        />
      ) : (
        <div className="tile-picture">
          {live && <TileVideo index={index} ref={playInto} />}
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
      )}
    </div>
  );
}
