import { useCallback, useEffect, useReducer, useRef, useState } from 'react';

import type { DesktopApi } from '../common/desktop';
import type { StationEvent } from '../common/events';
import type { StationApi } from '../common/station-api';
import type { View } from '../common/views';
import { errorText, runInBackground } from '../common/background';
import { openAlarms } from './alarms/alarmList';
import { AlarmPanel } from './alarms/AlarmPanel';
import { AlarmReplay } from './alarms/AlarmReplay';
import { useAlarmDesk } from './alarms/useAlarmDesk';
import { AppOverlays, type Overlay } from './AppOverlays';
import { TopBar } from './TopBar';
import { CameraList } from './cameras/CameraList';
import { useCameras } from './cameras/useCameras';
import { ContextMenu } from './menu/ContextMenu';
import type { MenuRequest } from './menu/menu';
import type { PlaybackSource } from './playback';
import type { StreamPlayer } from './player/types';
import type { ReplayScope } from './replay/ReplayPicker';
import { useWallReplay } from './replay/useWallReplay';
import { ViewReplayBar } from './replay/ViewReplayBar';
import { useStationEvents } from './useStationEvents';
import { useTour } from './views/useTour';
import { useViews } from './views/useViews';
import { emptyWall, shownTiles, wallReducer } from './views/viewState';
import { AlertBanner } from './wall/AlertBanner';
import { placementLabel } from './wall/placement';
import type { Shortcut } from './wall/shortcuts';
import { useAlerts } from './wall/useAlerts';
import { useShortcuts } from './wall/useShortcuts';
import { Wall } from './wall/Wall';
import { pushFor } from './wall/wallPush';
import { useWallName } from './wall/useWallName';

/** What the app runs on: the station and the window's one stream player. */
export interface AppProps {
  api: StationApi;
  /** Made once per window by its bootstrap (`main.tsx`), which destroys it when the window unloads. */
  player: StreamPlayer;
  /** The desktop app's settings and kiosk (absent in browser mode). */
  desktop?: DesktopApi | undefined;
  /** Recorded playback streams (the page's own origin: the station, or the desktop app's vigil://wall); none, no replay. */
  playback?: PlaybackSource | undefined;
  /** This wall's name (`?wall=NAME`, or the desktop window's setting): pushes to it and the alarm wall use it. */
  wallName?: string | null;
  /** The key this window keeps its own things under (its `?wall=`), null for a plain page. */
  windowKey?: string | null;
}

/** The camera wall: toolbar, desk alerts, camera list, the wall itself and the alarm panel. */
export function App(props: AppProps) {
  const { api, player, desktop, playback, windowKey = null } = props;
  const { name: wallName, rename: renameWall } = useWallName(desktop, props.wallName ?? null, windowKey);
  const [state, dispatch] = useReducer(wallReducer, emptyWall);
  const [overlay, setOverlay] = useState<Overlay>(null);
  const [listShown, setListShown] = useState(true);
  // The alarm panel: null follows the alarms (shown while any is open), a boolean is the operator's choice.
  const [alarmsShown, setAlarmsShown] = useState<boolean | null>(null);
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
  const wall = { dispatch, player, cameras: cameras.byId, ready: views.loaded };
  const alarmDesk = useAlarmDesk({ api, wallName, windowKey, wall });
  const panelShown = alarmDesk.stage !== null || (alarmsShown ?? openAlarms(alarmDesk.alarms) > 0);
  const openReplay = useCallback((tile: number | null, scope: ReplayScope = 'tile') => {
    setOverlay({ type: 'replay', tile, scope });
  }, []);
  const replay = useWallReplay(playback, state, cameras.byId, openReplay, setNotice);
  const replayDesk = replay.desk;
  const syncGroup = replayDesk?.syncGroup();
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
    alarmDesk.onStationEvent(event);
    const push = pushFor(event, wallName);
    if (push?.kind === 'camera') dispatch({ type: 'hotspot', cameraIds: [push.cameraId] });
    if (push?.kind === 'view') views.show(push.viewId);
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
        if (overlay === null) replay.onKey(shortcut);
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
      <TopBar
        listShown={listShown}
        onToggleList={() => {
          setListShown(!listShown);
        }}
        views={views}
        state={state}
        dispatch={dispatch}
        openOverlay={setOverlay}
        onReplay={
          replayDesk &&
          (() => {
            openReplay(state.focused, 'view');
          })
        }
        desktop={desktop}
        restoreLabel={
          state.restore !== null && alarmDesk.stage === null
            ? `Back to ${views.current?.name ?? 'the wall'}`
            : null
        }
        notice={notice}
        onClearNotice={() => {
          setNotice(null);
        }}
        alarms={alarmDesk.alarms}
        alarmsShown={panelShown}
        onToggleAlarms={() => {
          setAlarmsShown(!panelShown);
        }}
      />
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
              replay={replayDesk && { desk: replayDesk, api, pick: openReplay }}
              alarm={alarmDesk.stage}
            />
          </div>
          {replayDesk && syncGroup && (
            <ViewReplayBar
              api={api}
              group={syncGroup}
              cameraIds={replay.tileKeys.map((key) => key.slice(key.indexOf(':') + 1))}
              onLive={() => {
                replayDesk.liveAll();
              }}
            />
          )}
        </main>
        {panelShown && (
          <AlarmPanel
            desk={alarmDesk}
            wallName={wallName}
            onRenameWall={renameWall}
            desktop={desktop}
            cameraName={(cameraId) => cameras.byId.get(cameraId)?.name}
            replay={(alarm) => (
              <AlarmReplay key={alarm.alarm_id} alarm={alarm} cameras={cameras.byId} playback={playback} />
            )}
            onShow={(alarm) => {
              dispatch({ type: 'hotspot', cameraIds: alarm.camera_ids });
            }}
            onHide={() => {
              setAlarmsShown(false);
            }}
          />
        )}
      </div>
      {menu && <ContextMenu key={menu.key} request={menu.request} onClose={closeMenu} />}
      <AppOverlays
        overlay={overlay}
        api={api}
        cameras={cameras}
        tour={state.tour}
        onTour={(tour) => {
          dispatch({ type: 'set-tour', tour });
        }}
        replay={replay}
        onClose={() => {
          setOverlay(null);
        }}
      />
    </div>
  );
}
