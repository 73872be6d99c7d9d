// A station's copy of the `vigil_alarms` bucket, kept by a KV watch: each alarm at the newest revision seen, by
// id and by (source, external_id). It says which changes came from elsewhere: after the first load, a revision
// this station did not write itself (or is not writing right now) is handed on as a remote change. Restarted
// when NATS returns, the watch replays the last value of every key and the mirror takes what is newer.
import type { KV, KvEntry, KvWatchEntry } from '@nats-io/kv';
import type { QueuedIterator } from '@nats-io/transport-node';
import type { Logger } from 'pino';

import type { Alarm } from '../../common/alarms';
import { runInBackground } from '../../common/background';
import { externalKey, type RemoteAlarmChange } from '../store/alarm-storage';
import { isIndexKey, parseClusterAlarmRecord } from './cluster-alarm-records';

/** How long after a failed watch start it is tried again. */
const WATCH_RETRY_MS = 2_000;

/** What the mirror needs. */
export interface AlarmMirrorOptions {
  stationId: string;
  logger: Logger;
  /** Hears each change another station made, once learned. */
  onRemoteChange: (change: RemoteAlarmChange) => void;
}

/** The alarms of the bucket as this station last saw them. */
export class AlarmMirror {
  readonly #alarms = new Map<string, { alarm: Alarm; revision: number }>();
  readonly #byExternal = new Map<string, string>();
  readonly #revisions = new WeakMap<Alarm, number>();
  readonly #writing = new Map<string, number>();
  #loaded = false;
  #stopped = false;
  #opening = false;
  #watch: QueuedIterator<KvWatchEntry> | undefined;
  #onLoaded: (() => void) | undefined;

  constructor(
    private readonly kv: KV,
    private readonly options: AlarmMirrorOptions,
  ) {}

  /** Starts the watch and resolves once the bucket's current alarms are in (or `timeoutMs` passed, logged). */
  async start(timeoutMs: number): Promise<void> {
    const { values } = await this.kv.status();
    if (values === 0) this.#loaded = true;
    const loaded = new Promise<void>((resolve) => {
      this.#onLoaded = resolve;
    });
    await this.#open();
    if (this.#loaded) return;
    const timer = setTimeout(() => {
      this.options.logger.warn({ timeoutMs }, 'alarms: first load slow; starting with what arrived so far');
      this.#markLoaded();
    }, timeoutMs);
    await loaded;
    clearTimeout(timer);
  }

  /** Starts the watch over (after NATS returned): what changed meanwhile is learned, newer revisions only. */
  restart(): void {
    this.#watch?.stop();
    this.#watch = undefined;
    if (this.#stopped || this.#opening) return;
    this.#opening = true;
    const opened = this.#open().finally(() => {
      this.#opening = false;
    });
    runInBackground(opened, (error: unknown) => {
      this.options.logger.warn({ err: error }, 'alarms: watch not restarted; trying again');
      setTimeout(() => {
        if (this.#watch === undefined) this.restart();
      }, WATCH_RETRY_MS).unref();
    });
  }

  /** Stops the watch. */
  stop(): void {
    this.#stopped = true;
    this.#watch?.stop();
    this.#watch = undefined;
  }

  get(alarmId: string): Alarm | undefined {
    return this.#alarms.get(alarmId)?.alarm;
  }

  /** The alarm raised with this externalKey(source, external_id). */
  byExternal(key: string): Alarm | undefined {
    const id = this.#byExternal.get(key);
    return id === undefined ? undefined : this.get(id);
  }

  all(): Iterable<Alarm> {
    return [...this.#alarms.values()].map((kept) => kept.alarm);
  }

  /** The revision `alarm` was stored at (0: unknown, so a compare-and-swap on it fails). */
  revisionOf(alarm: Alarm): number {
    return this.#revisions.get(alarm) ?? this.#alarms.get(alarm.alarm_id)?.revision ?? 0;
  }

  /** Runs this station's write of `alarmId`; the watch meanwhile does not take it for another station's. */
  async writing<T>(alarmId: string, task: () => Promise<T>): Promise<T> {
    this.#writing.set(alarmId, (this.#writing.get(alarmId) ?? 0) + 1);
    try {
      return await task();
    } finally {
      const left = (this.#writing.get(alarmId) ?? 1) - 1;
      if (left === 0) this.#writing.delete(alarmId);
      else this.#writing.set(alarmId, left);
    }
  }

  /** Keeps what this station stored (the alarm book announces it). */
  keep(alarm: Alarm, revision: number): void {
    const current = this.#alarms.get(alarm.alarm_id);
    this.#revisions.set(alarm, revision);
    if (current === undefined || revision > current.revision) this.#set(alarm, revision);
  }

  /** Takes a bucket entry (from the watch or a read): the alarm as now known, undefined when it is gone. */
  learn(entry: KvEntry): Alarm | undefined {
    if (isIndexKey(entry.key)) return undefined;
    const current = this.#alarms.get(entry.key);
    if (current !== undefined && entry.revision <= current.revision) return current.alarm;
    if (entry.operation !== 'PUT') {
      this.forget(entry.key);
      return undefined;
    }
    const record = parseClusterAlarmRecord(entry.value);
    if (typeof record === 'string') {
      this.options.logger.warn({ key: entry.key, problem: record }, 'alarms: a record in NATS was left out');
      return current?.alarm;
    }
    const { alarm, station } = record;
    this.#set(alarm, entry.revision);
    const ours = station === this.options.stationId && this.#writing.has(alarm.alarm_id);
    if (this.#loaded && !ours) {
      this.options.onRemoteChange({ change: current === undefined ? 'raised' : 'updated', alarm });
    }
    return alarm;
  }

  /** Forgets an alarm (purged). */
  forget(alarmId: string): void {
    const alarm = this.#alarms.get(alarmId)?.alarm;
    this.#alarms.delete(alarmId);
    if (alarm?.external_id !== undefined)
      this.#byExternal.delete(externalKey(alarm.source, alarm.external_id));
  }

  #set(alarm: Alarm, revision: number): void {
    this.#alarms.set(alarm.alarm_id, { alarm, revision });
    this.#revisions.set(alarm, revision);
    if (alarm.external_id !== undefined) {
      this.#byExternal.set(externalKey(alarm.source, alarm.external_id), alarm.alarm_id);
    }
  }

  async #open(): Promise<void> {
    const watch = await this.kv.watch();
    if (this.#stopped) {
      watch.stop();
      return;
    }
    this.#watch?.stop();
    this.#watch = watch;
    runInBackground(this.#follow(watch), (error: unknown) => {
      this.options.logger.warn({ err: error }, 'alarms: watch ended');
    });
  }

  /** Learns each entry; a watch that ends by itself (not stopped or replaced) is started over shortly. */
  async #follow(watch: QueuedIterator<KvWatchEntry>): Promise<void> {
    for await (const entry of watch) {
      this.learn(entry);
      if (entry.isUpdate && !this.#loaded) this.#markLoaded();
    }
    if (this.#watch !== watch) return;
    this.options.logger.warn('alarms: the watch ended by itself; starting it over');
    this.#watch = undefined;
    setTimeout(() => {
      if (this.#watch === undefined) this.restart();
    }, WATCH_RETRY_MS).unref();
  }

  #markLoaded(): void {
    this.#loaded = true;
    this.#onLoaded?.();
  }
}
