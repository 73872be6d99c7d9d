// Waits until a freshly started Janus answers: GET /janus/info (with the Origin Janus enforces), the Admin
// API (with its secret), and a TCP connect to each WebSocket port. It must run where Janus's 127.0.0.1 is
// (the lab runs it inside its namespace through test/lab/janus-probe.ts). Shared by the product's native
// gateway and the media lab.
import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

import { JanusStartError } from './errors';

/** What to wait for: Janus's URLs, the Origin Janus accepts and, optionally, its Admin API. */
export interface JanusReadyTarget {
  /** Janus API over HTTP, e.g. `http://127.0.0.1:8088/janus`. */
  httpUrl: string;
  /** The Admin API over HTTP and its secret: Admin `info` must answer `server_info`. */
  admin?: { url: string; secret: string };
  /** WebSocket URLs whose TCP port must accept connections. */
  wsUrls?: readonly string[];
  origin: string;
  timeoutMs: number;
}

const POLL_MS = 25;
const ATTEMPT_TIMEOUT_MS = 1_000;

/** Resolves once every API in `target` answers; throws JanusStartError on timeout, AbortError on abort. */
export async function waitForJanus(target: JanusReadyTarget, signal?: AbortSignal): Promise<void> {
  const deadline = Date.now() + target.timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    signal?.throwIfAborted();
    try {
      await checkJanus(target);
      return;
    } catch (error) {
      lastError = error;
    }
    await sleep(POLL_MS, undefined, { signal });
  }
  throw new JanusStartError(`Janus did not answer at ${target.httpUrl} within ${target.timeoutMs} ms`, {
    cause: lastError,
  });
}

async function checkJanus(target: JanusReadyTarget): Promise<void> {
  const headers = { origin: target.origin, 'content-type': 'application/json' };
  const signal = AbortSignal.timeout(ATTEMPT_TIMEOUT_MS);
  const info = await fetch(`${target.httpUrl}/info`, { headers, signal });
  if (!info.ok) throw new Error(`GET ${target.httpUrl}/info answered ${info.status}`);
  if (target.admin !== undefined) {
    const { url, secret } = target.admin;
    const body = JSON.stringify({ janus: 'info', transaction: 'vigil-ready', admin_secret: secret });
    const admin = await fetch(url, { method: 'POST', headers, body, signal });
    const reply = (await admin.json()) as { janus?: string };
    if (reply.janus !== 'server_info') throw new Error(`Admin API info answered '${String(reply.janus)}'`);
  }
  await Promise.all((target.wsUrls ?? []).map(tcpConnect));
}

function tcpConnect(url: string): Promise<void> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port), timeout: ATTEMPT_TIMEOUT_MS });
    socket.once('connect', () => {
      socket.destroy();
      resolve();
    });
    socket.once('timeout', () => {
      socket.destroy();
      reject(new Error(`connecting to ${url} timed out`));
    });
    socket.once('error', reject);
  });
}
