// The alarm book on a storage other than the journal (what cluster mode plugs in): a change another writer stored
// first is decided again on its state, a remote change is announced marked remote, and a storage that keeps
// losing is answered with a clear 409.
import pino from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';

import type { Alarm, AlarmActor, AlarmInput } from '../../../common/alarms';
import { ErrorCode } from '../../../common/errors';
import type { StationEvent } from '../../../common/events';
import { AlarmBook } from '../../../main/alarms/alarm-book';
import { acknowledged, snoozed } from '../../../main/alarms/alarm-rules';
import { isRemoteEvent } from '../../../main/station/event-origin';
import {
  externalKey,
  type AlarmStorage,
  type RemoteAlarmChange,
  type StoredChange,
  type StoredRaise,
} from '../../../main/store/alarm-storage';

const VAS: AlarmActor = { kind: 'key', name: 'vas-portal' };
const DESK: AlarmActor = { kind: 'desk', name: 'desk' };
const input: AlarmInput = { camera_ids: ['gate'], severity: 'warning', title: 'Intrusion at gate' };

/** A stand-in storage in memory whose next replaces can be made to lose to "another station". */
class SharedStandIn implements AlarmStorage {
  readonly alarms = new Map<string, Alarm>();
  readonly listeners = new Set<(change: RemoteAlarmChange) => void>();
  /** Run before each replace is decided: lets a test store another station's change first. */
  beforeReplace: ((alarm: Alarm) => void) | undefined;

  get(alarmId: string): Alarm | undefined {
    return this.alarms.get(alarmId);
  }
  byExternal(source: string, externalId: string): Alarm | undefined {
    return [...this.alarms.values()].find(
      (alarm) =>
        alarm.external_id !== undefined &&
        externalKey(alarm.source, alarm.external_id) === externalKey(source, externalId),
    );
  }
  all(): Iterable<Alarm> {
    return this.alarms.values();
  }
  create(alarm: Alarm): Promise<StoredRaise> {
    this.alarms.set(alarm.alarm_id, alarm);
    return Promise.resolve({ alarm, created: true });
  }
  replace(previous: Alarm, next: Alarm): Promise<StoredChange> {
    this.beforeReplace?.(previous);
    const latest = this.alarms.get(previous.alarm_id);
    if (latest !== undefined && latest !== previous) return Promise.resolve({ stored: false, latest });
    this.alarms.set(next.alarm_id, next);
    return Promise.resolve({ stored: true });
  }
  drop(alarms: readonly Alarm[]): Promise<void> {
    for (const alarm of alarms) this.alarms.delete(alarm.alarm_id);
    return Promise.resolve();
  }
  onRemoteChange(listener: (change: RemoteAlarmChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  stop(): Promise<void> {
    return Promise.resolve();
  }
  /** Another station's change arriving. */
  remote(change: RemoteAlarmChange): void {
    this.alarms.set(change.alarm.alarm_id, change.alarm);
    for (const listener of this.listeners) listener(change);
  }
}

const books: AlarmBook[] = [];
afterEach(async () => {
  for (const book of books.splice(0)) await book.stop();
});

async function open(storage: AlarmStorage, heard: StationEvent[]): Promise<AlarmBook> {
  const book = await AlarmBook.open({
    dataDir: '/nonexistent-not-used',
    logger: pino({ level: 'silent' }),
    hasCamera: () => true,
    publish: (event) => heard.push(event),
    storage,
  });
  books.push(book);
  return book;
}

describe('AlarmBook on a shared storage', () => {
  it('decides a change again on the state another station stored first: the later acknowledgement is a 409 naming who', async () => {
    const storage = new SharedStandIn();
    const heard: StationEvent[] = [];
    const book = await open(storage, heard);
    const raised = await book.raise(input, VAS);
    storage.beforeReplace = (alarm) => {
      storage.beforeReplace = undefined;
      storage.alarms.set(alarm.alarm_id, acknowledged(alarm, 'Ann', undefined, new Date()));
    };
    await expect(book.acknowledge(raised.alarm_id, { operator: 'Bob' }, DESK)).rejects.toMatchObject({
      code: ErrorCode.AlarmState,
      message: expect.stringContaining('is acknowledged (by Ann') as string,
    });
    expect(heard.map((event) => event.type)).toEqual(['alarm.raised']);
  });

  it('a close losing to another station still closes, on top of the winner’s acknowledgement', async () => {
    const storage = new SharedStandIn();
    const book = await open(storage, []);
    const raised = await book.raise(input, VAS);
    storage.beforeReplace = (alarm) => {
      storage.beforeReplace = undefined;
      storage.alarms.set(alarm.alarm_id, acknowledged(alarm, 'Ann', 'seen', new Date()));
    };
    const closed = await book.close(raised.alarm_id, {}, DESK);
    expect(closed.history.map((entry) => `${entry.action}:${entry.by}`)).toEqual([
      'raised:vas-portal',
      'acknowledged:Ann',
      'closed:desk',
    ]);
  });

  it('answers 409 VIGIL_ERR_CONFLICT when other stations keep winning', async () => {
    const storage = new SharedStandIn();
    const book = await open(storage, []);
    const raised = await book.raise(input, VAS);
    storage.beforeReplace = (alarm) => {
      storage.alarms.set(alarm.alarm_id, { ...alarm, updated_at: new Date().toISOString() });
    };
    await expect(book.snooze(raised.alarm_id, { minutes: 5 }, DESK)).rejects.toMatchObject({
      code: ErrorCode.Conflict,
      field: 'alarm_id',
    });
  });

  it('announces changes made on other stations, marked remote, and follows their snoozes', async () => {
    const storage = new SharedStandIn();
    const heard: StationEvent[] = [];
    const book = await open(storage, heard);
    const local = await book.raise(input, VAS);
    const elsewhere = { ...local, alarm_id: 'alm_0000000000010000000a', title: 'From B' };
    storage.remote({ change: 'raised', alarm: elsewhere });
    const seen = acknowledged(elsewhere, 'Bob', undefined, new Date());
    storage.remote({ change: 'updated', alarm: seen });
    expect(heard.map((event) => [event.type, isRemoteEvent(event)])).toEqual([
      ['alarm.raised', false],
      ['alarm.raised', true],
      ['alarm.updated', true],
    ]);
    expect(book.get(elsewhere.alarm_id).state).toBe('acknowledged');
    // Snoozed on B two minutes ago for one minute: this station ends the snooze too (its own change, not remote).
    storage.remote({
      change: 'updated',
      alarm: snoozed(seen, 'Bob', 1, undefined, new Date(Date.now() - 120_000)),
    });
    await vi.waitFor(() => {
      expect(book.get(elsewhere.alarm_id).state).toBe('acknowledged');
      expect(book.get(elsewhere.alarm_id).history.at(-1)?.action).toBe('unsnoozed');
    });
    const last = heard.at(-1);
    expect(
      last?.type === 'alarm.updated' && !isRemoteEvent(last) ? last.alarm.history.at(-1)?.action : '',
    ).toBe('unsnoozed');
  });
});
