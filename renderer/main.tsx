import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { runInBackground } from '../common/background';
import { App } from './App';
import { httpPlaybackSource } from './playback';
import { createStreamPlayer } from './player';
import { SessionGate } from './session/SessionGate';
import { watchSession } from './session/sessionWatch';
import { stationApiForPage, type DesktopBridge } from './station-api/ipc';
import { readWallName } from './alarms/deskSettings';
import { wallNameOf, wallParam } from './wall/wallName';
// The styles, in cascade order.
import './styles.css';
import './cameras/cameras.css';
import './wall/wall.css';
import './replay/replay.css';
import './panels.css';
import './alarms/alarms.css';

const page = window as DesktopBridge;
// A wall opened with ?wall=NAME is that named wall (POST /walls/{name}/show reaches it). A desktop window's
// `?wall=` is its display's key; a name given in its alarm settings (kept under that key) comes first.
const windowKey = wallParam(location.search);
const ownName = page.vigilDesktop === undefined ? '' : readWallName(windowKey);
const wallName = ownName === '' ? wallNameOf(location.search) : ownName;
// A browser wall's session can end; the gate shows one page that says so instead of failing tiles.
const { api, session } = watchSession(stationApiForPage(page, wallName));
// The window's one stream player (one Janus session per window), for as long as the page is shown.
const player = createStreamPlayer({ streamInfo: (cameraId: string) => api.streamInfo(cameraId) });
window.addEventListener(
  'pagehide',
  () => {
    // The page is going away: nobody is left to show a failure to close the Janus session.
    runInBackground(player.destroy(), () => undefined);
  },
  { once: true },
);

// Recorded playback is fetched from the page's own origin: the station's REST API with the session cookie in a
// browser, the app's vigil://wall protocol (main/app/app-playback.ts) in the desktop app.
const playback = httpPlaybackSource();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <SessionGate session={session} api={api}>
        <App
          api={api}
          player={player}
          desktop={page.vigilDesktop}
          playback={playback}
          wallName={wallName ?? null}
          windowKey={windowKey}
        />
      </SessionGate>
    </StrictMode>,
  );
}
