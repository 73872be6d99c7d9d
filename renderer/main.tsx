import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { App } from './App';
import { createStreamPlayer } from './player';
import { createHttpStationApi } from './station-api/http';
import './styles.css';

const api = createHttpStationApi();
const createPlayer = () => createStreamPlayer({ streamInfo: (cameraId: string) => api.streamInfo(cameraId) });

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App api={api} createPlayer={createPlayer} />
    </StrictMode>,
  );
}
