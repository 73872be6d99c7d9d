import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { childPids, cleanEnv, startVigil, type VigilProcess } from '../integration/cli/vigil-process';
import type { LabJanusJson } from '../lab';
import { LAB_ICE_ADDRESS, LAB_ICE_INTERFACE } from '../lab/netns';
import { freePorts } from '../lab/ports';

/** `vigil serve` as a user runs it (bundled Janus), ready for a browser in the lab namespace. */
export interface E2EStation {
  process: VigilProcess;
  dataDir: string;
  baseUrl: string;
  signInLink: string;
  manageKey: string;
  /** Calls the REST API with the manage key. */
  call(path: string, init?: { method?: string; body?: unknown }): Promise<Response>;
  /** Adds a lab camera (`POST /cameras`, probed) under an id and name. */
  addCamera(
    cameraId: string,
    name: string,
    camera: { url: string; username: string; password: string },
  ): Promise<Response>;
  /** The bundled Janus's PID. */
  janusPid(): number | undefined;
  /** SIGTERM; resolves with the exit code. */
  stop(): Promise<number | null>;
}

/** The station's ports, kept across restarts so pages and views stay valid. */
export type StationPorts = Record<'api' | 'http' | 'ws' | 'admin', number>;

/** Picks free ports for a station. */
export function stationPorts(): Promise<StationPorts> {
  return freePorts(['api', 'http', 'ws', 'admin'] as const);
}

/**
 * Starts `vigil serve` on `dataDir` and `ports` (plus `extra` flags), its bundled Janus doing ICE on the lab
 * interface — or, given `janus`, on that Janus of the lab as a remote Janus (a test can then reach it directly).
 */
export async function startStation(
  dataDir: string,
  ports: StationPorts,
  extra: string[] = [],
  janus?: LabJanusJson,
): Promise<E2EStation> {
  const base = ['serve', '--data-dir', dataDir, '--port', String(ports.api)];
  const vigil =
    janus === undefined
      ? startVigil([
          ...base,
          ...['--janus-http-port', String(ports.http), '--janus-ws-port', String(ports.ws)],
          ...['--janus-admin-port', String(ports.admin)],
          ...['--janus-ice-interface', LAB_ICE_ADDRESS, '--janus-ice-enforce-list', LAB_ICE_INTERFACE],
          ...extra,
        ])
      : startVigil(
          [...base, ...extra],
          cleanEnv({
            JANUS_HTTP_URL: janus.http_url,
            JANUS_WS_URL: janus.ws_url,
            JANUS_ADMIN_URL: janus.admin_url,
            JANUS_API_SECRET: janus.api_secret,
            JANUS_ADMIN_SECRET: janus.admin_secret,
            JANUS_STREAMING_ADMIN_KEY: janus.streaming_admin_key,
            JANUS_ORIGIN: janus.allow_origin,
          }),
        );
  const [, link] = await vigil.waitFor(/^ {2}(http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]+)$/m, 60_000);
  const manageKey = (await readFile(join(dataDir, 'manage.key'), 'utf8')).trim();
  const baseUrl = `http://127.0.0.1:${ports.api}`;
  const call: E2EStation['call'] = (path, init = {}) =>
    fetch(`${baseUrl}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        authorization: `Bearer ${manageKey}`,
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
  return {
    process: vigil,
    dataDir,
    baseUrl,
    signInLink: link ?? '',
    manageKey,
    call,
    addCamera: (cameraId, name, camera) =>
      call('/cameras', {
        method: 'POST',
        body: {
          camera_id: cameraId,
          name,
          rtsp_url: camera.url,
          username: camera.username,
          password: camera.password,
        },
      }),
    janusPid: () => childPids(vigil.pid, 'janus')[0],
    stop: async () => {
      process.kill(vigil.pid, 'SIGTERM');
      return vigil.exited;
    },
  };
}
