// Waits until a freshly started Janus answers on all four APIs. It must run where Janus's 127.0.0.1 is:
// in the lab's namespace (directly, or via test/lab/janus-probe.ts started with the namespace prefix).
import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/** What to wait for: Janus's URLs, the admin secret and the Origin Janus accepts. */
export interface JanusReadyTarget {
  httpUrl: string;
  adminUrl: string;
  wsUrl: string;
  adminWsUrl: string;
  adminSecret: string;
  origin: string;
  timeoutMs: number;
}

const POLL_MS = 25;

/** Resolves once GET /janus/info, Admin API info and both WebSocket ports answer; throws on timeout. */
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
    await sleep(POLL_MS);
  }
  throw new Error(`Janus did not answer at ${target.httpUrl} within ${target.timeoutMs} ms`, {
    cause: lastError,
  });
}

async function checkJanus(target: JanusReadyTarget): Promise<void> {
  const headers = { origin: target.origin, 'content-type': 'application/json' };
  const signal = AbortSignal.timeout(1_000);
  const info = await fetch(`${target.httpUrl}/info`, { headers, signal });
  if (!info.ok) throw new Error(`GET ${target.httpUrl}/info answered ${info.status}`);
  const body = JSON.stringify({ janus: 'info', transaction: 'lab-ready', admin_secret: target.adminSecret });
  const admin = await fetch(target.adminUrl, { method: 'POST', headers, body, signal });
  const reply = (await admin.json()) as { janus?: string };
  if (reply.janus !== 'server_info') throw new Error(`Admin API info answered ${JSON.stringify(reply)}`);
  await Promise.all([target.wsUrl, target.adminWsUrl].map(tcpConnect));
}

function tcpConnect(url: string): Promise<void> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port), timeout: 1_000 });
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
