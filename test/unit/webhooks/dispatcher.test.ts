import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import type { StationEvent } from '../../../common/events';
import type { SecretCipher } from '../../../main/store/secret-cipher';
import { remoteEvent } from '../../../main/station/event-origin';
import { WebhookDispatcher } from '../../../main/webhooks/dispatcher';
import { hookFiles } from '../../../main/webhooks/hook-files';
import type { PostFetch } from '../../../main/webhooks/post';
import { verifySignature } from '../../../main/webhooks/signature';

const SECRET = 'a-long-shared-secret';
/** A stand-in cipher: reversible, and never the plain secret on disk. */
const cipher: SecretCipher = {
  kind: 'keyfile',
  encrypt: (plain) => Promise.resolve(Buffer.from(plain).toString('base64')),
  decrypt: (sealed) => Promise.resolve(Buffer.from(sealed, 'base64').toString()),
};

interface Received {
  body: string;
  headers: Record<string, string>;
}

let dataDir: string;
let listeners: ((event: StationEvent) => void)[];
let received: Received[];
let receiverUp: boolean;
const fetch: PostFetch = (_url, init) => {
  if (!receiverUp) return Promise.reject(new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } }));
  received.push({ body: init.body as string, headers: init.headers as Record<string, string> });
  return Promise.resolve(new Response(null, { status: 204 }));
};
const dispatchers: WebhookDispatcher[] = [];

async function open(): Promise<WebhookDispatcher> {
  const dispatcher = await WebhookDispatcher.open({
    dataDir,
    logger: pino({ level: 'silent' }),
    cipher,
    subscribe: (listener) => {
      listeners.push(listener);
      return () => listeners.splice(listeners.indexOf(listener), 1);
    },
    ownPort: 3000,
    userAgent: 'Vigil/test',
    retry: { initialDelayMs: 20, maxDelayMs: 50, windowMs: 60_000 },
    fetch,
  });
  dispatchers.push(dispatcher);
  return dispatcher;
}

function publish(n: number, from: 'here' | 'elsewhere' = 'here'): void {
  const event: StationEvent = {
    type: 'gateway.down',
    reason: `event ${n}`,
    at: new Date(Date.UTC(2026, 11, 2, 10, 0, n)).toISOString(),
  };
  for (const listener of [...listeners]) listener(from === 'here' ? event : remoteEvent(event));
}

const reasons = () => received.map((r) => (JSON.parse(r.body) as { event: { reason: string } }).event.reason);

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'vigil-hooks-'));
  listeners = [];
  received = [];
  receiverUp = true;
});
afterEach(async () => {
  for (const dispatcher of dispatchers.splice(0)) await dispatcher.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('WebhookDispatcher', () => {
  it('delivers each event a hook asked for once, in order, signed; never shows or stores the secret plainly', async () => {
    const hooks = await open();
    const hook = await hooks.create({
      url: 'http://127.0.0.1:9/in',
      events: ['gateway.down'],
      secret: SECRET,
    });
    expect(hook).toEqual({
      webhook_id: expect.stringMatching(/^whk_[0-9a-f]{16}$/) as string,
      url: 'http://127.0.0.1:9/in',
      events: ['gateway.down'],
      created_at: expect.any(String) as string,
      pending: 0,
    });
    for (let n = 0; n < 5; n++) publish(n);
    await vi.waitFor(() => {
      expect(received).toHaveLength(5);
    });
    expect(reasons()).toEqual(['event 0', 'event 1', 'event 2', 'event 3', 'event 4']);
    for (const { body, headers } of received) {
      expect(verifySignature(SECRET, body, headers['x-vigil-signature'])).toBe(true);
      expect(headers['x-vigil-delivery']).toBe((JSON.parse(body) as { delivery_id: string }).delivery_id);
    }
    await vi.waitFor(() => {
      expect(hooks.deliveries(hook.webhook_id).map((d) => d.state)).toEqual(Array(5).fill('delivered'));
    });
    for (const file of Object.values(hookFiles(dataDir)))
      expect(readFileSync(file, 'utf8')).not.toContain(SECRET);
    expect(JSON.stringify(hooks.list())).not.toContain(SECRET);
  });

  it('holds deliveries while the receiver is down and delivers them all, in order, once it is back', async () => {
    const hooks = await open();
    const { webhook_id: id } = await hooks.create({
      url: 'http://127.0.0.1:9/in',
      events: ['gateway.down'],
      secret: SECRET,
    });
    receiverUp = false;
    for (let n = 0; n < 3; n++) publish(n);
    await vi.waitFor(() => {
      expect(hooks.deliveries(id)[2]?.attempts).toBeGreaterThanOrEqual(2);
    });
    expect(hooks.list()[0]?.pending).toBe(3);
    expect(hooks.deliveries(id)[2]).toMatchObject({
      state: 'pending',
      error: 'connection failed (ECONNREFUSED)',
    });
    receiverUp = true;
    await vi.waitFor(() => {
      expect(reasons()).toEqual(['event 0', 'event 1', 'event 2']);
    });
  });

  it('resumes pending deliveries after a restart, and forgets nothing it was told about', async () => {
    const first = await open();
    const { webhook_id: id } = await first.create({
      url: 'http://127.0.0.1:9/in',
      events: ['gateway.down'],
      secret: SECRET,
    });
    receiverUp = false;
    publish(1);
    publish(2);
    await vi.waitFor(() => {
      // Newest first: the oldest (tried first, holding the other back) is last.
      expect(first.deliveries(id)[1]?.attempts).toBeGreaterThanOrEqual(1);
    });
    await first.stop();
    receiverUp = true;
    const second = await open();
    await vi.waitFor(() => {
      expect(reasons()).toEqual(['event 1', 'event 2']);
    });
    expect(second.list().map((h) => h.webhook_id)).toEqual([id]);
  });

  it('ignores events a hook did not ask for; deleting a hook stops its deliveries; unknown ids are 404', async () => {
    const hooks = await open();
    const { webhook_id: id } = await hooks.create({
      url: 'http://127.0.0.1:9/in',
      events: ['alarm.raised'],
      secret: SECRET,
    });
    publish(1);
    await hooks.remove(id);
    expect(received).toEqual([]);
    expect(hooks.list()).toEqual([]);
    expect(() => hooks.deliveries(id)).toThrow(
      expect.objectContaining({ code: 'VIGIL_ERR_WEBHOOK_NOT_FOUND' }),
    );
    await expect(hooks.remove(id)).rejects.toMatchObject({ field: 'webhook_id' });
    await expect(
      hooks.create({ url: 'http://127.0.0.1:3000/x', events: ['alarm.raised'], secret: SECRET }),
    ).rejects.toMatchObject({ field: 'url' });
  });

  it('leaves events learned from another station (cluster mode) to that station: only changes made here are delivered', async () => {
    const hooks = await open();
    const { webhook_id: id } = await hooks.create({
      url: 'http://127.0.0.1:9/in',
      events: ['gateway.down'],
      secret: SECRET,
    });
    publish(0);
    publish(1, 'elsewhere');
    publish(2);
    await vi.waitFor(() => {
      expect(reasons()).toEqual(['event 0', 'event 2']);
    });
    expect(hooks.deliveries(id)).toHaveLength(2);
  });
});
