// The product's gateways against real Janus, inside a lab namespace (npm run test:integration): the native
// gateway starts, supervises and stops Debian's janus on free ports in a temp data dir; the remote gateway
// checks a lab Janus and names the secret it refuses.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';

import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import type { GatewayEvent } from '../../../main/gateway/gateway';
import {
  createNativeGateway,
  type NativeGateway,
  type NativeGatewayOptions,
} from '../../../main/gateway/native-janus';
import { createRemoteGateway } from '../../../main/gateway/remote-janus';
import { JanusConnection } from '../../../main/janus';
import { LAB_ICE_ADDRESS, LAB_ICE_INTERFACE } from '../../lab/netns';
import { freePorts } from '../../lab/ports';
import { useLab } from '../../lab/vitest';

const ORIGIN = 'http://127.0.0.1:3000';
const logLines: Record<string, unknown>[] = [];
const logger = pino(
  { level: 'info' },
  new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  }),
);

let dataDir: string;
const gateways: NativeGateway[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'vigil-native-janus-'));
});

afterEach(async () => {
  await Promise.all(gateways.splice(0).map((gateway) => gateway.stop()));
});

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

/** A native gateway on free ports in its own folder of the temp data dir. */
async function nativeGateway(options: Partial<NativeGatewayOptions> = {}): Promise<NativeGateway> {
  const ports = await freePorts(['http', 'ws', 'adminHttp'] as const);
  const gateway = createNativeGateway({
    dataDir: await mkdtemp(join(dataDir, 'station-')),
    origin: ORIGIN,
    logger,
    ports,
    iceInterface: LAB_ICE_ADDRESS,
    iceEnforceList: LAB_ICE_INTERFACE,
    mediaRtpPortRange: { min: 30000, max: 30999 },
    streamingRtpPortRange: { min: 31000, max: 31999 },
    ...options,
  });
  gateways.push(gateway);
  return gateway;
}

/** Creates and destroys a Janus session over WebSocket with the gateway's secret and origin. */
async function createSession(gateway: NativeGateway): Promise<void> {
  const { urls, secrets, origin } = gateway.endpoints;
  const connection = await JanusConnection.connect({
    url: urls.ws,
    apiSecret: secrets.apiSecret,
    origin,
    requestTimeoutMs: 5_000,
  });
  try {
    const session = await connection.createSession();
    await session.destroy();
  } finally {
    await connection.close();
  }
}

/** Resolves with the next events of a gateway until `until` matches one. */
function nextEvents(gateway: NativeGateway, until: GatewayEvent['type']): Promise<GatewayEvent[]> {
  const events: GatewayEvent[] = [];
  return new Promise((resolve) => {
    const off = gateway.onEvent((event) => {
      events.push(event);
      if (event.type === until) {
        off();
        resolve(events);
      }
    });
  });
}

/** The error `start()` rejects with (fails the test if it resolves). */
async function startError(gateway: { start(): Promise<void> }): Promise<Error & { code?: string }> {
  try {
    await gateway.start();
  } catch (error) {
    if (error instanceof Error) return error;
    throw error;
  }
  throw new Error('start() resolved');
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('the native gateway', () => {
  it('starts Janus with CORS enforced, serves sessions, restarts it after a SIGKILL and stops it', async () => {
    const stationDir = await mkdtemp(join(dataDir, 'station-'));
    const gateway = await nativeGateway({ dataDir: stationDir });
    let began = performance.now();
    await gateway.start();
    const startMs = performance.now() - began;
    const { pid } = gateway.status();
    if (pid === undefined) throw new Error('no Janus pid after start()');
    expect(gateway.status().state).toBe('running');
    expect((await readdir(join(stationDir, 'janus'))).sort()).toContain('janus.jcfg');
    await createSession(gateway);
    expect((await fetch(`${gateway.endpoints.urls.http}/info`)).status).toBe(403);

    const events = nextEvents(gateway, 'restarted');
    began = performance.now();
    process.kill(pid, 'SIGKILL');
    const [exited, restarted] = await events;
    const restartMs = performance.now() - began;
    expect(exited).toEqual({ type: 'exited', code: null, signal: 'SIGKILL', restartInMs: 250 });
    const newPid = gateway.status().pid;
    expect(restarted).toEqual({ type: 'restarted', pid: newPid });
    expect(newPid).not.toBe(pid);
    await createSession(gateway);

    began = performance.now();
    await gateway.stop();
    const stopMs = performance.now() - began;
    // A measurement, not a pass/fail: printed for the record.
    console.info(
      `native Janus: start ${Math.round(startMs)} ms, SIGKILL → answering ${Math.round(restartMs)} ms ` +
        `(500 ms of it backoff), stop ${Math.round(stopMs)} ms`,
    );
    expect(gateway.status()).toEqual({ state: 'stopped', pid: undefined });
    expect(isAlive(newPid ?? 0)).toBe(false);
    await gateway.stop();
  });

  it('logs Janus lines through gateway/janus without secrets', async () => {
    const gateway = await nativeGateway({ debugLevel: 5 });
    await gateway.start();
    const { secrets } = gateway.endpoints;
    await gateway.stop();
    const janusLines = logLines.filter((line) => line.name === 'gateway/janus');
    expect(janusLines.some((line) => String(line.msg).includes('HTTP webserver started'))).toBe(true);
    // Debug level 5 makes Janus print its whole configuration, secrets included: all redacted.
    expect(janusLines.some((line) => String(line.msg).includes('admin_secret: [redacted]'))).toBe(true);
    const text = JSON.stringify(logLines);
    for (const secret of Object.values(secrets)) expect(text).not.toContain(secret);
  });

  it('gives up on a crash loop with a reason', async () => {
    const gateway = await nativeGateway({ restartPolicy: { maxFastFailures: 1 } });
    await gateway.start();
    const events = nextEvents(gateway, 'gave-up');
    process.kill(gateway.status().pid ?? 0, 'SIGKILL');
    const [gaveUp] = await events;
    expect(gaveUp).toMatchObject({ type: 'gave-up' });
    expect(gaveUp?.type === 'gave-up' && gaveUp.reason).toMatch(
      /^Janus failed 1 times in a row, each within 30 s of starting: giving up; last: exited \(signal SIGKILL\)/,
    );
    expect(gateway.status()).toEqual({ state: 'gave-up', pid: undefined });
  });

  it('names a taken port and the flag that moves it', async () => {
    const first = await nativeGateway();
    await first.start();
    const { http } = first.endpoints.urls;
    const port = Number(new URL(http).port);
    const second = await nativeGateway({ ports: { http: port } });
    const error = await startError(second);
    expect(error.code).toBe('VIGIL_ERR_JANUS_PORT_IN_USE');
    expect(error.message).toContain(`port ${port} on 127.0.0.1 (Janus HTTP API) is already in use`);
    expect(error.message).toContain('--janus-http-port');
    expect(second.status().pid).toBeUndefined();
  });

  it('says how to get Janus when the binary is missing', async () => {
    const gateway = await nativeGateway({ binary: join(dataDir, 'no-such-janus') });
    const error = await startError(gateway);
    expect(error.code).toBe('VIGIL_ERR_JANUS_NOT_FOUND');
    expect(error.message).toContain('sudo apt-get install janus');
    const fromEnv = await nativeGateway({ env: { PATH: dataDir, VIGIL_JANUS_BIN: join(dataDir, 'gone') } });
    await expect(fromEnv.start()).rejects.toMatchObject({ code: 'VIGIL_ERR_JANUS_NOT_FOUND' });
    expect(() => gateway.endpoints).toThrow(/before start\(\) resolved/);
  });
});

describe('the remote gateway', () => {
  const lab = useLab();

  function remote(overrides: { adminSecret?: string; apiSecret?: string; origin?: string } = {}) {
    const { janus } = lab();
    return createRemoteGateway({
      urls: { http: janus.http_url, ws: janus.ws_url, adminHttp: janus.admin_url },
      secrets: {
        apiSecret: overrides.apiSecret ?? janus.api_secret,
        adminSecret: overrides.adminSecret ?? janus.admin_secret,
        streamingAdminKey: janus.streaming_admin_key,
      },
      origin: overrides.origin ?? janus.allow_origin,
    });
  }

  it('checks a running Janus and detects token_auth', async () => {
    const gateway = remote();
    await gateway.start();
    expect(gateway.mode).toBe('remote');
    expect(gateway.endpoints).toMatchObject({ origin: lab().janus.allow_origin });
    await gateway.stop();
    expect(lab().janus.isRunning()).toBe(true);
  });

  it('names the admin secret Janus refuses, without its value', async () => {
    const error = await startError(remote({ adminSecret: 'wrong-admin-secret-value' }));
    expect(error.code).toBe('VIGIL_ERR_JANUS_SECRET_REFUSED');
    expect(error.message).toMatch(
      /Admin API at http:\/\/127\.0\.0\.1:\d+\/admin refused the admin secret: check --janus-admin-secret/,
    );
    expect(error.message).not.toContain('wrong-admin-secret-value');
  });

  it('names the API secret Janus refuses', async () => {
    const error = await startError(remote({ apiSecret: 'wrong-api-secret' }));
    expect(error.code).toBe('VIGIL_ERR_JANUS_SECRET_REFUSED');
    expect(error.message).toContain('refused the API secret: check --janus-api-secret');
  });

  // Janus compares Origin by prefix: http://127.0.0.1:9 would pass its allow_origin http://127.0.0.1.
  it('hints at the origin when Janus refuses ours', async () => {
    const error = await startError(remote({ origin: 'http://localhost:3000' }));
    expect(error.code).toBe('VIGIL_ERR_JANUS_UNREACHABLE');
    expect(error.message).toMatch(/HTTP 403.*--janus-http-url.*--janus-origin/);
  });
});
