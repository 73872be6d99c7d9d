// A VAS portal page without a build step: loads the station's SDK, lists its cameras, plays one.
/* global document, window */

const $ = (id) => document.getElementById(id);
const form = $('connect-form');
const stationInput = $('station');
const keyInput = $('key');
const connectButton = $('connect');
const cameraSelect = $('camera');
const playButton = $('play');
const stopButton = $('stop');
const video = $('video');
const statusLine = $('status');

/** The station's default address; `?station=http://127.0.0.1:3001` picks another one. */
stationInput.value = new URLSearchParams(window.location.search).get('station') ?? 'http://127.0.0.1:3000';

let client;
let playing;

function showStatus(text, state = '') {
  statusLine.textContent = text;
  statusLine.dataset.state = state;
}

function showError(error) {
  const code = typeof error?.code === 'string' ? `${error.code}: ` : '';
  showStatus(`${code}${error instanceof Error ? error.message : String(error)}`, 'error');
}

function setControls({ connected, streaming }) {
  cameraSelect.disabled = !connected;
  playButton.disabled = !connected || cameraSelect.options.length === 0;
  stopButton.disabled = !streaming;
}

/** The SDK comes from the station itself, so the page always speaks that station's version. */
async function loadSdk(station) {
  return import(new URL('/sdk/vas-client.js', station).href);
}

async function connect() {
  connectButton.disabled = true;
  showStatus('Connecting…');
  try {
    await client?.destroy();
    playing = undefined;
    setControls({ connected: false, streaming: false });
    const { VASJanusClient } = await loadSdk(stationInput.value);
    client = new VASJanusClient(stationInput.value, { apiKey: keyInput.value.trim() });
    const cameras = await client.getCameras();
    cameraSelect.replaceChildren(
      ...cameras.map((camera) => {
        const option = document.createElement('option');
        option.value = camera.camera_id;
        option.textContent = `${camera.name} (${camera.camera_id}) — ${camera.status}`;
        return option;
      }),
    );
    setControls({ connected: true, streaming: false });
    showStatus(
      cameras.length === 0
        ? 'Connected; the station has no cameras'
        : `Connected: ${cameras.length} camera(s)`,
    );
  } catch (error) {
    client = undefined;
    showError(error);
  } finally {
    connectButton.disabled = false;
  }
}

async function play() {
  const cameraId = cameraSelect.value;
  if (!client || !cameraId) return;
  playButton.disabled = true;
  try {
    if (playing && playing !== cameraId) await client.stopCameraStream(playing);
    playing = cameraId;
    showStatus(`${cameraId}: connecting`, 'connecting');
    await client.startCameraStream(cameraId, video, {
      muted: true,
      onStatus: (status) => {
        const reason = status.reason ? ` — ${status.reason}` : '';
        showStatus(`${cameraId}: ${status.state}${reason}`, status.state);
      },
    });
    setControls({ connected: true, streaming: true });
  } catch (error) {
    playing = undefined;
    setControls({ connected: true, streaming: false });
    showError(error);
  } finally {
    playButton.disabled = false;
  }
}

async function stop() {
  if (!client || !playing) return;
  const cameraId = playing;
  playing = undefined;
  try {
    await client.stopCameraStream(cameraId);
    showStatus(`${cameraId}: stopped`, 'stopped');
  } catch (error) {
    showError(error);
  } finally {
    setControls({ connected: true, streaming: false });
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  connect().catch(showError);
});
playButton.addEventListener('click', () => {
  play().catch(showError);
});
stopButton.addEventListener('click', () => {
  stop().catch(showError);
});
window.addEventListener('pagehide', () => {
  client?.destroy().catch(() => undefined);
});
