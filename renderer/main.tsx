import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { App } from './App';
import { createStreamPlayer } from './player';
import { stationApiForPage, type DesktopBridge } from './station-api/ipc';
import './styles.css';

const page = window as DesktopBridge;
const api = stationApiForPage(page);
const createPlayer = () => createStreamPlayer({ streamInfo: (cameraId: string) => api.streamInfo(cameraId) });

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App api={api} createPlayer={createPlayer} desktop={page.vigilDesktop} />
    </StrictMode>,
  );
}
