import { useCallback, useEffect, useMemo, useReducer, useRef, useState, useSyncExternalStore } from 'react';

import type { CameraView } from '../common/camera';
import type { DesktopApi } from '../common/desktop';
import type { StationEvent } from '../common/events';
import { PRODUCT_NAME } from '../common/product';
import type { StationApi } from '../common/station-api';
import type { View } from '../common/views';
import { errorText, runInBackground } from '../common/background';
import { CameraForm } from './cameras/CameraForm';
import { CameraList } from './cameras/CameraList';
import { useCameras } from './cameras/useCameras';
import { ContextMenu } from './menu/ContextMenu';
import type { MenuRequest } from './menu/menu';
import { browserMediaEnv, type PlaybackSource } from './playback';
import type { StreamPlayer } from './player/types';
import { ReplayDesk } from './replay/replayDesk';
import { ReplayPicker, type ReplayScope } from './replay/ReplayPicker';
import { useReplayKeys } from './replay/useReplayKeys';
import { ViewReplayBar } from './replay/ViewReplayBar';
import { shownTileKeys } from './replay/wallReplay';
import { DesktopControls } from './settings/DesktopControls';
import { useStationEvents } from './useStationEvents';
import { TourEditor } from './views/TourEditor';
import { useTour } from './views/useTour';
import { useViews } from './views/useViews';
import { ViewBar } from './views/ViewBar';
import { emptyWall, shownTiles, wallReducer } from './views/viewState';
import { AlertBanner } from './wall/AlertBanner';
import { HelpOverlay } from './wall/HelpOverlay';
import { placementLabel } from './wall/placement';
import type { Shortcut } from './wall/shortcuts';
import { useAlerts } from './wall/useAlerts';
import { useShortcuts } from './wall/useShortcuts';
import { gridLayout } from './wall/layout';
import { Wall } from './wall/Wall';

/** What the app runs on: the station and the window's one stream player. */
export interface AppProps {
  api: StationApi;
  /** Made once per window by its bootstrap (`main.tsx`), which destroys it when the window unloads. */
  player: StreamPlayer;
  /** The desktop app's settings and kiosk (absent in browser mode). */
  desktop?: DesktopApi | undefined;
  /** Recorded playback streams (absent where the page has no way to fetch them: the desktop app for now). */
  playback?: PlaybackSource | undefined;
}

type Overlay =
  | { type: 'help' }
  | { type: 'tour' }
  | { type: 'camera'; camera: CameraView | null }
  | { type: 'replay'; tile: number | null; scope: ReplayScope }
  | null;

const noSubscription = (): (() => void) => () => undefined;
const noVersion = (): number => 0;

/** The camera wall: toolbar, desk alerts, camera list and the wall itself. */
export function App({ api, player, desktop, playback }: AppProps) {
  const [state, dispatch] = useReducer(wallReducer, emptyWall);
  const [overlay, setOverlay] = useState<Overlay>(null);
  const [listShown, setListShown] = useState(true);
  const [notice, setNotice] = useState<string | null>(null);
  const [highlighted, setHighlighted] = useState<string | null>(null);
  const [menu, setMenu] = useState<{ request: MenuRequest; key: number } | null>(null);
  const menus = useRef(0);
  const cameras = useCameras(api);
  const alerts = useAlerts();
  const loadView = useCallback(
    (view: View) => {
      // Its tiles mount only after React commits the view: fetch their stream info now, all at once.
      player.prefetch(view.tiles.flatMap((cameraId) => (cameraId === null ? [] : [cameraId])));
      dispatch({ type: 'load', view });
    },
    [player],
  );
  const views = useViews(api, loadView);
  const desk = useMemo(
    () => (playback ? new ReplayDesk({ source: playback, media: browserMediaEnv }) : undefined),
    [playback],
  );
  useEffect(
    () => () => {
      desk?.liveAll();
    },
    [desk],
  );
  useSyncExternalStore(desk?.subscribe ?? noSubscription, desk?.version ?? noVersion, noVersion);
  const grid = gridLayout(state.layout);
  const tileKeys = shownTileKeys(shownTiles(state), grid.tiles.length);
  const openReplay = useCallback((tile: number | null, scope: ReplayScope = 'tile') => {
    setOverlay({ type: 'replay', tile, scope });
  }, []);
  const replayKeys = useReplayKeys(desk, state.focused, tileKeys, openReplay, setNotice);
  const syncGroup = desk?.syncGroup();
  const replayTileName = (tile: number | null): string | null => {
    const cameraId = tile === null ? null : (shownTiles(state)[tile] ?? null);
    return cameraId === null ? null : (cameras.byId.get(cameraId)?.name ?? cameraId);
  };
  useTour(state.tour, state.tourMode, dispatch);
  const shownViewId = views.current?.view_id;
  useEffect(() => {
    if (desktop === undefined || shownViewId === undefined) return;
    runInBackground(desktop.showingView(shownViewId), () => undefined);
  }, [desktop, shownViewId]);

  useStationEvents(api, (event: StationEvent) => {
    cameras.onStationEvent(event);
    alerts.onStationEvent(event);
    views.onStationEvent(event);
    if (event.type === 'camera.removed') dispatch({ type: 'camera-removed', cameraId: event.camera_id });
    if (event.type === 'gateway.down') setNotice(`Gateway down${event.reason ? `: ${event.reason}` : ''}`);
    if (event.type === 'gateway.up') setNotice(null);
  });

  const placeTarget = placementLabel(shownTiles(state), state.focused);
  const place = (cameraId: string | null): void => {
    if (cameraId === null || !cameras.byId.has(cameraId)) {
      setNotice('Highlight a camera in the list first (click it, or use the arrows there)');
    } else if (placeTarget === null) {
      setNotice('Every tile shows a camera: select the tile to replace (click it, or use the arrows)');
    } else {
      setNotice(null);
      dispatch({ type: 'place', cameraId });
    }
  };
  const openMenu = useCallback((request: MenuRequest) => {
    menus.current += 1;
    setMenu({ request, key: menus.current });
  }, []);
  const closeMenu = useCallback(() => {
    setMenu(null);
  }, []);

  useShortcuts((shortcut: Shortcut) => {
    // A dialog is in front: its keys (Delete in a field, Enter on a button) never edit the wall behind it.
    const editsWall = shortcut.type === 'move' || shortcut.type === 'place' || shortcut.type === 'clear';
    if (overlay !== null && editsWall) return;
    switch (shortcut.type) {
      case 'move':
        dispatch({ type: 'move', direction: shortcut.direction });
        return;
      case 'place':
        place(highlighted);
        return;
      case 'clear':
        if (state.focused !== null) dispatch({ type: 'clear', tile: state.focused });
        return;
      case 'layout':
        dispatch({ type: 'layout', layout: shortcut.layout });
        return;
      case 'full':
        if (state.focused !== null) dispatch({ type: 'full', tile: state.focused });
        else dispatch({ type: 'exit-full' });
        return;
      case 'back':
        if (overlay) setOverlay(null);
        else dispatch({ type: 'exit-full' });
        return;
      case 'tour':
        dispatch({ type: 'tour-toggle' });
        return;
      case 'help':
        setOverlay(overlay?.type === 'help' ? null : { type: 'help' });
        return;
      default:
        if (overlay === null) replayKeys(shortcut);
    }
  });

  const act = (what: string, task: Promise<unknown>): void => {
    setNotice(null);
    runInBackground(
      task.then(() => {
        cameras.refresh();
      }),
      (error: unknown) => {
        setNotice(`${what}: ${errorText(error)}`);
      },
    );
  };

  return (
    <div className={`app${listShown ? '' : ' app-list-hidden'}`}>
      <div className="topbar">
        <button
          type="button"
          className="brand"
          title={listShown ? 'Hide the camera list' : 'Show the camera list'}
          onClick={() => {
            setListShown(!listShown);
          }}
        >
          {PRODUCT_NAME}
        </button>
        <ViewBar
          views={views}
          state={state}
          dispatch={dispatch}
          onEditTour={() => {
            setOverlay({ type: 'tour' });
          }}
          onHelp={() => {
            setOverlay({ type: 'help' });
          }}
        />
        {desk && (
          <button
            type="button"
            data-testid="replay-view-button"
            title="Instant replay of the view or the selected tile (G)"
            onClick={() => {
              openReplay(state.focused, 'view');
            }}
          >
            ⟲ Replay…
          </button>
        )}
        {desktop && <DesktopControls desktop={desktop} />}
        {notice && (
          <span
            className="problem"
            role="status"
            onClick={() => {
              setNotice(null);
            }}
          >
            {notice}
          </span>
        )}
      </div>
      <AlertBanner alerts={alerts.alerts} cameras={cameras.byId} onAcknowledge={alerts.acknowledge} />
      <div className="body">
        {listShown && (
          <CameraList
            cameras={cameras.cameras}
            error={cameras.error}
            highlighted={highlighted}
            onHighlight={setHighlighted}
            placeTarget={placeTarget}
            onPlace={(camera) => {
              place(camera.camera_id);
            }}
            openMenu={openMenu}
            onAdd={() => {
              setOverlay({ type: 'camera', camera: null });
            }}
            onEdit={(camera) => {
              setOverlay({ type: 'camera', camera });
            }}
            onRestart={(camera) => {
              act(`Restart ${camera.name}`, api.restartCamera(camera.camera_id));
            }}
            onDelete={(camera) => {
              act(`Delete ${camera.name}`, api.removeCamera(camera.camera_id));
            }}
          />
        )}
        <main className="wall-area">
          <div className="wall-frame">
            <Wall
              state={state}
              cameras={cameras.byId}
              player={player}
              dispatch={dispatch}
              commands={{
                openMenu,
                highlighted: highlighted === null ? undefined : cameras.byId.get(highlighted),
                restart: (cameraId) => {
                  act(`Restart ${cameras.byId.get(cameraId)?.name ?? cameraId}`, api.restartCamera(cameraId));
                },
                edit: (camera) => {
                  setOverlay({ type: 'camera', camera });
                },
              }}
              onPlayerStatus={alerts.onPlayerStatus}
              replay={
                desk && {
                  desk,
                  api,
                  pick: (tile) => {
                    openReplay(tile);
                  },
                }
              }
            />
          </div>
          {desk && syncGroup && (
            <ViewReplayBar
              api={api}
              group={syncGroup}
              cameraIds={tileKeys.map((key) => key.slice(key.indexOf(':') + 1))}
              onLive={() => {
                desk.liveAll();
              }}
            />
          )}
        </main>
      </div>
      {menu && <ContextMenu key={menu.key} request={menu.request} onClose={closeMenu} />}
      {overlay?.type === 'help' && (
        <HelpOverlay
          onClose={() => {
            setOverlay(null);
          }}
        />
      )}
      {overlay?.type === 'replay' && desk && (
        <ReplayPicker
          tileName={replayTileName(overlay.tile)}
          initialScope={overlay.scope}
          onPick={(fromMs, scope) => {
            setOverlay(null);
            const key =
              overlay.tile === null ? undefined : tileKeys.find((k) => k.startsWith(`${overlay.tile}:`));
            if (scope === 'view' || key === undefined) desk.replayView(tileKeys, fromMs);
            else desk.replayTile(key, fromMs);
          }}
          onClose={() => {
            setOverlay(null);
          }}
        />
      )}
      {overlay?.type === 'tour' && (
        <TourEditor
          cameras={cameras.cameras}
          tour={state.tour}
          onSave={(tour) => {
            dispatch({ type: 'set-tour', tour });
            setOverlay(null);
          }}
          onClose={() => {
            setOverlay(null);
          }}
        />
      )}
      {overlay?.type === 'camera' && (
        <CameraForm
          api={api}
          camera={overlay.camera}
          onSaved={() => {
            setOverlay(null);
            cameras.refresh();
          }}
          onClose={() => {
            setOverlay(null);
          }}
        />
      )}
    </div>
  );
}
