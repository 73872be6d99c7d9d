// The webhooks' two files in the data folder: webhooks.jsonl (the hooks, one per line, secrets sealed with the
// station's cipher, rewritten whole on each change) and webhook-deliveries.jsonl (each delivery's latest
// snapshot appended on every change; the last per id wins; compacted at start).
import { join } from 'node:path';

import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';

import type { Logger } from 'pino';

import { Webhook, WebhookDelivery } from '../../common/webhooks';
import { readJournal } from '../store/journal';
import { schemaProblem } from '../store/record-checks';

/** The hooks file inside the data folder. */
export const WEBHOOKS_FILE = 'webhooks.jsonl';
/** The delivery log inside the data folder. */
export const DELIVERIES_FILE = 'webhook-deliveries.jsonl';

/** Both files' paths for a data folder. */
export function hookFiles(dataDir: string): { hooks: string; deliveries: string } {
  return { hooks: join(dataDir, WEBHOOKS_FILE), deliveries: join(dataDir, DELIVERIES_FILE) };
}

/** A hook as stored: what GET /webhooks shows (without the live `pending` count) and its sealed secret. */
export const StoredHook = Type.Object({
  v: Type.Literal(1),
  hook: Type.Omit(Webhook, ['pending']),
  sealed_secret: Type.String({ minLength: 1 }),
});

/** A stored hook. */
export type StoredHook = Static<typeof StoredHook>;

/** A delivery as stored: what the delivery log shows, and the exact body every attempt sends. */
export const StoredDelivery = Type.Object({
  v: Type.Literal(1),
  delivery: WebhookDelivery,
  body: Type.String(),
});

/** A stored delivery. */
export type StoredDelivery = Static<typeof StoredDelivery>;

/** Checks one line of webhooks.jsonl. */
export function checkStoredHook(value: unknown): StoredHook | string {
  return Value.Check(StoredHook, value)
    ? value
    : `webhook ${schemaProblem(StoredHook, value)?.text ?? 'is invalid'}`;
}

/** Checks one line of webhook-deliveries.jsonl. */
export function checkStoredDelivery(value: unknown): StoredDelivery | string {
  return Value.Check(StoredDelivery, value)
    ? value
    : `delivery ${schemaProblem(StoredDelivery, value)?.text ?? 'is invalid'}`;
}

/** What both files hold: the hooks, the latest snapshot of each delivery (oldest first), and the log's lines. */
export interface HookFileContents {
  hooks: StoredHook[];
  deliveries: StoredDelivery[];
  lines: number;
}

/** Reads both files; damaged lines are logged and left out, never fatal. */
export function readHookFiles(dataDir: string, logger: Logger): HookFileContents {
  const files = hookFiles(dataDir);
  const hooks = readJournal(files.hooks, checkStoredHook);
  const deliveries = readJournal(files.deliveries, checkStoredDelivery);
  for (const [file, damage] of [
    [files.hooks, hooks.damage],
    [files.deliveries, deliveries.damage],
  ] as const) {
    for (const { line, problem } of damage)
      logger.warn({ file, line, problem }, 'webhooks: a line was left out');
  }
  const latest = new Map<string, StoredDelivery>();
  for (const record of deliveries.records) latest.set(record.delivery.delivery_id, record);
  return { hooks: hooks.records, deliveries: [...latest.values()], lines: deliveries.records.length };
}
