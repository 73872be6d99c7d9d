import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';

import { JanusConnection } from '../../main/janus';
import {
  freshDataDir,
  labGateway,
  removeDataDir,
  startStation,
  type RunningStation,
} from '../integration/station/harness';
import type { Lab } from '../lab';
import { formatRates, measureRate, quantile } from './measure';

const CAMERAS = 200;
const REQUESTS = 3_000;
const CONCURRENCY = 16;
const MEDIA_SAMPLES = 20;

/** A bare node:http server answering every request with `body`: the floor for GET /cameras. */
async function bareServer(body: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/cameras`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => {
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}

async function getRates(running: RunningStation) {
  const headers = { authorization: `Bearer ${running.viewKey}` };
  const body = await (await running.call('/cameras')).text();
  const bare = await bareServer(body);
  const get = (url: string) => async () => {
    const response = await fetch(url, { headers });
    if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}`);
    await response.arrayBuffer();
  };
  const options = { operations: REQUESTS, concurrency: CONCURRENCY, warmup: 200 };
  const rates = [
    await measureRate(`node:http, same JSON`, get(bare.url), options),
    await measureRate(`vigil GET /cameras`, get(`${running.baseUrl}/cameras`), options),
  ];
  await bare.close();
  return { rates, bytes: body.length };
}

/** Time from `POST /cameras` to Janus receiving the camera's video (age_ms under 100 ms). */
async function postToMedia(lab: Lab, running: RunningStation): Promise<number[]> {
  const connection = await JanusConnection.connect({
    url: lab.janus.ws_url,
    apiSecret: lab.janus.api_secret,
    origin: lab.janus.allow_origin,
  });
  const session = await connection.createSession();
  const streaming = await session.attachStreaming({ adminKey: lab.janus.streaming_admin_key });
  const camera = lab.cameras[0];
  if (!camera) throw new Error('the bench lab has no camera');
  const samples: number[] = [];
  for (let i = 0; i < MEDIA_SAMPLES; i++) {
    const t0 = performance.now();
    const response = await running.call('/cameras', {
      method: 'POST',
      body: {
        camera_id: `media-${i}`,
        name: 'Media',
        rtsp_url: camera.url,
        username: camera.username,
        password: camera.password,
      },
    });
    const { stream_id: id } = (await response.json()) as { stream_id: number };
    for (let polls = 0; polls < 1_000; polls++) {
      const mountpoint = (await streaming.list()).find((m) => m.id === id);
      const age = mountpoint?.media?.[0]?.age_ms;
      if (age !== undefined && age < 100) break;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    samples.push(performance.now() - t0);
    await running.call(`/cameras/media-${i}`, { method: 'DELETE' });
  }
  await connection.close();
  return samples.sort((a, b) => a - b);
}

/** Prints GET /cameras throughput with 200 cameras beside bare node:http, and POST → media latency. */
export async function benchApi(lab: Lab): Promise<void> {
  const dataDir = await freshDataDir();
  const running = await startStation(labGateway(lab), dataDir);
  try {
    const camera = lab.cameras[0];
    if (!camera) throw new Error('the bench lab has no camera');
    for (let i = 0; i < CAMERAS; i++) {
      // Disabled: the list's cost is the station's, not Janus's or the camera's.
      await running.call('/cameras', {
        method: 'POST',
        body: {
          camera_id: `cam-${i}`,
          name: `Camera ${i}`,
          rtsp_url: camera.url,
          enabled: false,
          skip_probe: true,
          tags: ['bench'],
        },
      });
    }
    const { rates, bytes } = await getRates(running);
    const floor = rates[0];
    console.log(
      `GET /cameras with ${CAMERAS} cameras (${bytes} bytes), ${REQUESTS} requests, ${CONCURRENCY} in flight`,
    );
    console.log('ratio = this ÷ bare node:http serving the same JSON');
    console.log(formatRates(rates, () => floor));

    const media = await postToMedia(lab, running);
    console.log(
      `POST /cameras → Janus receiving the camera's video (probe + store + mountpoint + first packets), ${MEDIA_SAMPLES} cameras:`,
    );
    console.log(`median ${quantile(media, 0.5).toFixed(0)} ms, p95 ${quantile(media, 0.95).toFixed(0)} ms`);
  } finally {
    await running.stop({ removeMountpoints: true });
    await removeDataDir(dataDir);
  }
}
