// Alarms in cluster mode against a real nats-server (JetStream on): two stations, each an AlarmBook on its own
// ClusterConnection, share one alarm state — idempotent raises across stations, one winner of concurrent
// acknowledgements, remote changes announced (marked remote), snooze wake-ups once, 503 while NATS is down with
// reads from the last known state, convergence when it returns, and the audit trail in VIGIL_ALARMS.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { jetstreamManager } from '@nats-io/jetstream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Alarm, AlarmActor, AlarmInput } from '../../../common/alarms';
import { ErrorCode, VigilError } from '../../../common/errors';
import type { StationEvent } from '../../../common/events';
import { AlarmBook } from '../../../main/alarms/alarm-book';
import { ALARMS_BUCKET, isIndexKey } from '../../../main/cluster/cluster-alarm-records';
import { openClusterAlarms } from '../../../main/cluster/cluster-alarms';
import { ClusterConnection } from '../../../main/cluster/connection';
import { isRemoteEvent } from '../../../main/station/event-origin';
import { eventually } from '../wait';
import { NatsLink } from './nats-link';
import { startNatsServer, type NatsServer } from './nats-server';

const VAS: AlarmActor = { kind: 'key', name: 'vas-portal' };
const DESK: AlarmActor = { kind: 'desk', name: 'desk' };
const logger = pino({ level: 'silent' });

/** One station: its connection to NATS, its alarm book and what its event bus heard. */
interface TestStation {
  id: string;
  connection: ClusterConnection;
  book: AlarmBook;
  heard: StationEvent[];
  stopEvents: () => void;
}

let nats: NatsServer;
let folder: string;
let a: TestStation;
let b: TestStation;

async function openStation(id: string, url = nats.url): Promise<TestStation> {
  const connection = await ClusterConnection.connect({ servers: [url], name: id }, logger);
  const cluster = await openClusterAlarms({ connection, stationId: id, logger });
  const heard: StationEvent[] = [];
  const listeners = new Set<(event: StationEvent) => void>();
  const book = await AlarmBook.open({
    dataDir: join(folder, id),
    logger,
    hasCamera: () => true,
    publish: (event) => {
      heard.push(event);
      for (const listener of listeners) listener(event);
    },
    storage: cluster.storage,
  });
  const stopEvents = await cluster.appendEvents((listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  });
  return { id, connection, book, heard, stopEvents };
}

const input = (extra: Partial<AlarmInput> = {}): AlarmInput => ({
  camera_ids: ['gate'],
  severity: 'warning',
  title: 'Intrusion at gate',
  ...extra,
});

/** The error code a rejected promise carried. */
function codeOf(result: PromiseSettledResult<unknown>): string | undefined {
  return result.status === 'rejected' && result.reason instanceof VigilError ? result.reason.code : undefined;
}

/** Waits until `station` knows the alarm (by id). */
function known(station: TestStation, alarmId: string, timeoutMs = 5_000): Promise<Alarm> {
  return eventually(
    () => Promise.resolve(station.book.list({ limit: 1000 }).find((x) => x.alarm_id === alarmId)),
    timeoutMs,
    20,
  );
}

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'vigil-cluster-alarms-'));
  nats = await startNatsServer();
  a = await openStation('stationa1');
  b = await openStation('stationb2');
});

async function closeStation(station: TestStation): Promise<void> {
  station.stopEvents();
  await station.book.stop();
  await station.connection.close();
}

afterAll(async () => {
  for (const station of [a, b]) await closeStation(station);
  await nats.dispose();
  rmSync(folder, { recursive: true, force: true });
});

describe('cluster alarms', () => {
  it('100 distinct raises, 20 of them sent to both stations at once: exactly 100 stored, both list all within 1 s', async () => {
    const started = Date.now();
    const raises = Array.from({ length: 100 }, (_, n) =>
      (n % 2 === 0 ? a : b).book.raise(input({ external_id: `bulk-${n}` }), VAS),
    );
    const duplicates = Array.from({ length: 20 }, (_, n) =>
      (n % 2 === 0 ? b : a).book.raise(input({ external_id: `bulk-${n}` }), VAS),
    );
    const answered = await Promise.all([...raises, ...duplicates]);
    const answeredAt = Date.now();
    const ids = new Set(answered.map((alarm) => alarm.alarm_id));
    expect(ids.size).toBe(100);
    for (let n = 0; n < 20; n += 1) expect(answered[100 + n]?.alarm_id).toBe(answered[n]?.alarm_id);
    const bulk = (station: TestStation): number =>
      station.book.list({ limit: 1000 }).filter((alarm) => alarm.external_id?.startsWith('bulk-')).length;
    await eventually(() => Promise.resolve(bulk(a) === 100 && bulk(b) === 100 ? true : undefined), 1_000, 10);
    console.info(
      `120 raises answered in ${answeredAt - started} ms; both stations listed all 100 ${Date.now() - answeredAt} ms later`,
    );
    expect(Date.now() - started).toBeLessThan(5_000);
    const kv = await a.connection.bucket(ALARMS_BUCKET);
    const keys: string[] = [];
    for await (const key of await kv.keys()) keys.push(key);
    expect(keys.filter((key) => !isIndexKey(key))).toHaveLength(100);
    expect(keys.filter(isIndexKey)).toHaveLength(100);
  });

  it('an alarm raised on A is announced on B, marked remote (webhooks leave it to A)', async () => {
    const raised = await a.book.raise(input({ title: 'Announced across' }), VAS);
    const onB = await eventually(
      () =>
        Promise.resolve(
          b.heard.find((event) => event.type === 'alarm.raised' && event.alarm.alarm_id === raised.alarm_id),
        ),
      2_000,
      10,
    );
    expect(isRemoteEvent(onB)).toBe(true);
    const onA = a.heard.find(
      (event) => event.type === 'alarm.raised' && event.alarm.alarm_id === raised.alarm_id,
    );
    expect(onA).toBeDefined();
    expect(onA === undefined ? undefined : isRemoteEvent(onA)).toBe(false);
    expect(
      a.heard.filter((event) => event.type === 'alarm.raised' && event.alarm.alarm_id === raised.alarm_id),
    ).toHaveLength(1);
  });

  it('two desks acknowledging at once on two stations: exactly one succeeds, the other gets 409 naming the state', async () => {
    for (let round = 0; round < 5; round += 1) {
      const raised = await a.book.raise(input({ title: `Contested ${round}` }), VAS);
      await known(b, raised.alarm_id);
      const results = await Promise.allSettled([
        a.book.acknowledge(raised.alarm_id, { operator: 'Ann' }, DESK),
        b.book.acknowledge(raised.alarm_id, { operator: 'Bob' }, DESK),
      ]);
      expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
      expect(results.map(codeOf).filter((code) => code !== undefined)).toEqual([ErrorCode.AlarmState]);
      const settled = await eventually(
        async () => {
          const [onA, onB] = [a.book.get(raised.alarm_id), b.book.get(raised.alarm_id)];
          return Promise.resolve(
            onA.updated_at === onB.updated_at && onA.state === 'acknowledged' ? onA : undefined,
          );
        },
        2_000,
        20,
      );
      expect(settled.history.filter((entry) => entry.action === 'acknowledged')).toHaveLength(1);
    }
  });

  it('keeps every change of an alarm in the VIGIL_ALARMS audit trail (90 days)', async () => {
    const raised = await b.book.raise(input({ title: 'Audited' }), VAS);
    await b.book.acknowledge(raised.alarm_id, { note: 'seen' }, DESK);
    await known(a, raised.alarm_id);
    await a.book.close(raised.alarm_id, { note: 'done' }, DESK);
    const manager = await jetstreamManager(a.connection.nats);
    const subject = `vigil.alarms.${raised.alarm_id}`;
    const info = await eventually(async () => {
      const stream = await manager.streams.info('VIGIL_ALARMS', { subjects_filter: subject });
      return stream.state.subjects?.[subject] === 3 ? stream : undefined;
    }, 3_000);
    expect(info.config.max_age).toBe(90 * 86_400 * 1e9);
    const stored = await manager.streams.getMessage('VIGIL_ALARMS', { last_by_subj: subject });
    const last = stored?.json<{ station: string; change: string; alarm: Alarm }>();
    expect(last?.station).toBe(a.id);
    expect(last?.alarm.state).toBe('closed');
    expect(last?.alarm.history.map((entry) => entry.action)).toEqual(['raised', 'acknowledged', 'closed']);
  });

  it("appends each station's own events to VIGIL_EVENTS (7 days), never the ones learned from others", async () => {
    const raised = await a.book.raise(input({ title: 'Streamed' }), VAS);
    await known(b, raised.alarm_id);
    const manager = await jetstreamManager(a.connection.nats);
    const mine = `vigil.events.${a.id}.alarm.raised`;
    const createdOn = (station: TestStation): number =>
      station.heard.filter((event) => event.type === 'alarm.raised' && !isRemoteEvent(event)).length;
    // Each raise is in the stream once, on the subject of the station that made it (none from B's mirror of A).
    const info = await eventually(async () => {
      const stream = await manager.streams.info('VIGIL_EVENTS', { subjects_filter: 'vigil.events.>' });
      const subjects = stream.state.subjects ?? {};
      const onA = subjects[mine] ?? 0;
      const onB = subjects[`vigil.events.${b.id}.alarm.raised`] ?? 0;
      return onA === createdOn(a) && onB === createdOn(b) ? stream : undefined;
    }, 3_000);
    expect(info.config.max_age).toBe(7 * 86_400 * 1e9);
    const last = await manager.streams.getMessage('VIGIL_EVENTS', { last_by_subj: mine });
    expect(last?.json<StationEvent>()).toMatchObject({
      type: 'alarm.raised',
      alarm: { alarm_id: raised.alarm_id },
    });
  });

  it(
    'a snooze ends once across the cluster though both stations wait for it',
    { timeout: 90_000 },
    async () => {
      const raised = await a.book.raise(input({ title: 'Snoozed' }), VAS);
      await a.book.snooze(raised.alarm_id, { minutes: 1 }, DESK);
      await eventually(
        () => Promise.resolve(b.book.get(raised.alarm_id).state === 'snoozed' ? true : undefined),
        2_000,
        20,
      );
      const back = await eventually(
        async () => {
          const [onA, onB] = [a.book.get(raised.alarm_id), b.book.get(raised.alarm_id)];
          return Promise.resolve(onA.state === 'new' && onB.state === 'new' ? onB : undefined);
        },
        75_000,
        200,
      );
      expect(back.history.map((entry) => entry.action)).toEqual(['raised', 'snoozed', 'unsnoozed']);
      const manager = await jetstreamManager(a.connection.nats);
      const subject = `vigil.alarms.${raised.alarm_id}`;
      const stream = await manager.streams.info('VIGIL_ALARMS', { subjects_filter: subject });
      expect(stream.state.subjects?.[subject]).toBe(3);
    },
  );

  it(
    'NATS down: raises and acknowledgements answer 503, reads answer the last known state; back: both converge',
    { timeout: 60_000 },
    async () => {
      const before = await a.book.raise(input({ title: 'Before the outage' }), VAS);
      await known(b, before.alarm_id);
      const listedBefore = b.book.list({ limit: 1000 }).length;
      await nats.stop();
      await eventually(
        () => Promise.resolve(!a.connection.isUp && !b.connection.isUp ? true : undefined),
        10_000,
        50,
      );
      const refused = await Promise.allSettled([
        a.book.raise(input({ title: 'During the outage' }), VAS),
        b.book.acknowledge(before.alarm_id, {}, DESK),
      ]);
      expect(refused.map(codeOf)).toEqual([ErrorCode.ClusterUnavailable, ErrorCode.ClusterUnavailable]);
      const [raise] = refused;
      expect(raise.status === 'rejected' ? (raise.reason as Error).message : '').toMatch(
        /NATS\) cannot be reached/,
      );
      expect(b.book.list({ limit: 1000 })).toHaveLength(listedBefore);
      expect(a.book.get(before.alarm_id).state).toBe('new');

      await nats.start();
      await eventually(
        () => Promise.resolve(a.connection.isUp && b.connection.isUp ? true : undefined),
        20_000,
        100,
      );
      const after = await eventually(
        () =>
          a.book
            .raise(input({ title: 'After the outage', external_id: 'after-outage' }), VAS)
            .catch(() => undefined),
        10_000,
        200,
      );
      const acknowledged = await eventually(
        () => b.book.acknowledge(before.alarm_id, {}, DESK).catch(() => undefined),
        10_000,
        200,
      );
      expect(acknowledged.state).toBe('acknowledged');
      await known(b, after.alarm_id, 10_000);
      await eventually(
        () => Promise.resolve(a.book.get(before.alarm_id).state === 'acknowledged' ? true : undefined),
        10_000,
        50,
      );
      const summary = (station: TestStation): string[] =>
        station.book
          .list({ limit: 1000 })
          .map((alarm) => `${alarm.alarm_id}:${alarm.state}:${alarm.history.length}`);
      expect(summary(a)).toEqual(summary(b));
      expect(summary(a)).toHaveLength(listedBefore + 1);
    },
  );

  it(
    'a station cut off from NATS while others go on: 503 and its last known state, then it catches up and announces what it missed',
    { timeout: 60_000 },
    async () => {
      const link = await NatsLink.open(nats);
      const c = await openStation('stationc3', link.url);
      try {
        const pending = await a.book.raise(input({ title: 'Seen before the cut' }), VAS);
        await known(c, pending.alarm_id);
        await link.cut();
        await eventually(() => Promise.resolve(c.connection.isUp ? undefined : true), 10_000, 50);
        const missed = await a.book.raise(input({ title: 'Raised while C was away' }), VAS);
        await a.book.acknowledge(pending.alarm_id, { operator: 'Ann' }, DESK);
        const refused = await Promise.allSettled([c.book.raise(input(), VAS)]);
        expect(refused.map(codeOf)).toEqual([ErrorCode.ClusterUnavailable]);
        expect(c.book.get(pending.alarm_id).state).toBe('new');
        expect(() => c.book.get(missed.alarm_id)).toThrow(/No alarm/);

        await link.restore();
        await known(c, missed.alarm_id, 15_000);
        await eventually(
          () => Promise.resolve(c.book.get(pending.alarm_id).state === 'acknowledged' ? true : undefined),
          5_000,
          50,
        );
        const announced = c.heard.flatMap((event) =>
          (event.type === 'alarm.raised' || event.type === 'alarm.updated') &&
          [missed.alarm_id, pending.alarm_id].includes(event.alarm.alarm_id)
            ? [`${event.type}:${event.alarm.title}:${isRemoteEvent(event)}`]
            : [],
        );
        expect(announced).toEqual([
          'alarm.raised:Seen before the cut:true',
          expect.stringMatching(
            /^alarm\.(raised:Raised while C was away|updated:Seen before the cut):true$/,
          ) as string,
          expect.stringMatching(
            /^alarm\.(raised:Raised while C was away|updated:Seen before the cut):true$/,
          ) as string,
        ]);
        expect(new Set(announced).size).toBe(3);
      } finally {
        await closeStation(c);
        await link.cut();
      }
    },
  );
});
