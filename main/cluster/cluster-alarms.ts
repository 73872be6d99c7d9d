// Cluster mode's alarm storage: every station mirrors the KV bucket `vigil_alarms` through a watch and answers
// reads from that mirror (the last known state, also while NATS is away). Writes go to NATS first, decided by
// revision: a raise creates its (source, external_id) index key and its alarm key with kv.create, so concurrent
// raises anywhere keep exactly one alarm; a change updates the alarm at the revision it was decided on, so of two
// desks acting at once one wins and the other decides again on the winner's state. Each write is also appended
// to the stream `VIGIL_ALARMS` (the audit trail). Changes other stations make are handed to the alarm book,
// which announces them here marked remote. While NATS is away writes answer VIGIL_ERR_CLUSTER_UNAVAILABLE; when
// it returns the watch starts over and the mirror catches up on what it missed.
import type { KV, KvEntry } from '@nats-io/kv';
import type { Logger } from 'pino';

import type { Alarm } from '../../common/alarms';
import { runInBackground } from '../../common/background';
import { ErrorCode, VigilError } from '../../common/errors';
import {
  externalKey,
  type AlarmStorage,
  type RemoteAlarmChange,
  type StoredChange,
  type StoredRaise,
} from '../store/alarm-storage';
import {
  ALARMS_BUCKET,
  ALARMS_STREAM,
  alarmSubject,
  auditMessageId,
  externalIndexKey,
  type ClusterAlarmRecord,
} from './cluster-alarm-records';
import { AlarmMirror } from './cluster-alarm-mirror';
import { startClusterEvents, type ClusterEventsOptions } from './cluster-events';
import { ensureStream, isRevisionConflict } from './cluster-streams';
import { clusterUnavailable, type ClusterConnection } from './connection';

/** What cluster alarms need. */
export interface ClusterAlarmsOptions {
  connection: ClusterConnection;
  /** This station's id (recorded with each change it makes). */
  stationId: string;
  logger: Logger;
  /** How long the first load of the bucket may take before the station starts with what it has. */
  loadTimeoutMs?: number;
}

/** The alarm storage of a station in a cluster (see the file's header). */
export class ClusterAlarmStorage implements AlarmStorage {
  readonly #kv: KV;
  readonly #options: ClusterAlarmsOptions;
  readonly #mirror: AlarmMirror;
  readonly #listeners = new Set<(change: RemoteAlarmChange) => void>();
  #offUp: (() => void) | undefined;

  private constructor(kv: KV, options: ClusterAlarmsOptions) {
    this.#kv = kv;
    this.#options = options;
    this.#mirror = new AlarmMirror(kv, {
      stationId: options.stationId,
      logger: options.logger,
      onRemoteChange: (change) => {
        for (const listener of this.#listeners) listener(change);
      },
    });
  }

  /** Opens the bucket and the audit stream (creating them when missing) and loads the mirror. */
  static async open(options: ClusterAlarmsOptions): Promise<ClusterAlarmStorage> {
    const kv = await options.connection.bucket(ALARMS_BUCKET, { history: 1 });
    await ensureStream(options.connection, ALARMS_STREAM);
    const storage = new ClusterAlarmStorage(kv, options);
    await storage.#mirror.start(options.loadTimeoutMs ?? 10_000);
    storage.#offUp = options.connection.on('up', () => {
      storage.#mirror.restart();
    });
    return storage;
  }

  get(alarmId: string): Alarm | undefined {
    return this.#mirror.get(alarmId);
  }

  byExternal(source: string, externalId: string): Alarm | undefined {
    return this.#mirror.byExternal(externalKey(source, externalId));
  }

  all(): Iterable<Alarm> {
    return this.#mirror.all();
  }

  async create(alarm: Alarm): Promise<StoredRaise> {
    this.#options.connection.assertUp();
    const alarmId = await this.#claimId(alarm);
    const candidate = alarmId === alarm.alarm_id ? alarm : { ...alarm, alarm_id: alarmId };
    return await this.#mirror.writing(alarmId, async () => {
      try {
        const revision = await this.#kv.create(alarmId, this.#encode(candidate, 'raised'));
        this.#wrote(candidate, revision, 'raised');
        return { alarm: candidate, created: true };
      } catch (error) {
        if (!isRevisionConflict(error)) throw unavailableFrom(error);
        return { alarm: await this.#latest(alarmId), created: false };
      }
    });
  }

  async replace(previous: Alarm, next: Alarm): Promise<StoredChange> {
    this.#options.connection.assertUp();
    const revision = this.#mirror.revisionOf(previous);
    return await this.#mirror.writing(next.alarm_id, async () => {
      try {
        const stored = await this.#kv.update(next.alarm_id, this.#encode(next, 'updated'), revision);
        this.#wrote(next, stored, 'updated');
        return { stored: true };
      } catch (error) {
        if (!isRevisionConflict(error)) throw unavailableFrom(error);
        return { stored: false, latest: await this.#latest(next.alarm_id) };
      }
    });
  }

  /** Purges closed alarms past retention and their index keys (any station may; purging twice is harmless). */
  async drop(alarms: readonly Alarm[]): Promise<void> {
    if (!this.#options.connection.isUp) return;
    for (const alarm of alarms) {
      await this.#kv.purge(alarm.alarm_id);
      if (alarm.external_id !== undefined) {
        await this.#kv.purge(externalIndexKey(alarm.source, alarm.external_id));
      }
      this.#mirror.forget(alarm.alarm_id);
    }
    this.#options.logger.info({ dropped: alarms.length }, 'closed alarms past retention purged');
  }

  onRemoteChange(listener: (change: RemoteAlarmChange) => void): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  stop(): Promise<void> {
    this.#offUp?.();
    this.#mirror.stop();
    return Promise.resolve();
  }

  /**
   * The id a raise is stored under: its own, or — when its (source, external_id) index key exists already — the
   * id that key names (the alarm raised first, perhaps on another station and perhaps not stored yet).
   */
  async #claimId(alarm: Alarm): Promise<string> {
    if (alarm.external_id === undefined) return alarm.alarm_id;
    const key = externalIndexKey(alarm.source, alarm.external_id);
    try {
      await this.#kv.create(key, alarm.alarm_id);
      return alarm.alarm_id;
    } catch (error) {
      if (!isRevisionConflict(error)) throw unavailableFrom(error);
    }
    const entry = await this.#kv.get(key).catch((error: unknown) => {
      throw unavailableFrom(error);
    });
    if (entry === null || entry.operation !== 'PUT') {
      throw new VigilError(
        ErrorCode.Conflict,
        'An alarm with this source and external_id is being removed right now: raise it again',
        'external_id',
      );
    }
    return entry.string();
  }

  /** The alarm's latest state in NATS (after a write lost to another), learned by the mirror. */
  async #latest(alarmId: string): Promise<Alarm> {
    const entry: KvEntry | null = await this.#kv.get(alarmId).catch((error: unknown) => {
      throw unavailableFrom(error);
    });
    const alarm = entry === null ? undefined : this.#mirror.learn(entry);
    if (alarm === undefined) {
      throw new VigilError(ErrorCode.AlarmNotFound, `No alarm "${alarmId}" (it was removed)`, 'alarm_id');
    }
    return alarm;
  }

  #encode(alarm: Alarm, change: ClusterAlarmRecord['change']): string {
    const record: ClusterAlarmRecord = { v: 1, station: this.#options.stationId, change, alarm };
    return JSON.stringify(record);
  }

  /** Keeps a write of this station in the mirror and appends it to the audit trail (in the background). */
  #wrote(alarm: Alarm, revision: number, change: ClusterAlarmRecord['change']): void {
    this.#mirror.keep(alarm, revision);
    const published = this.#options.connection.jetstream.publish(
      alarmSubject(alarm.alarm_id),
      this.#encode(alarm, change),
      { msgID: auditMessageId(alarm.alarm_id, revision) },
    );
    runInBackground(published, (error: unknown) => {
      this.#options.logger.warn(
        { err: error, alarm: alarm.alarm_id, revision },
        'alarm change not appended to the audit trail (VIGIL_ALARMS)',
      );
    });
  }
}

/** A failed NATS call as the caller sees it: 503 (a VigilError passes through). */
function unavailableFrom(error: unknown): VigilError {
  if (error instanceof VigilError) return error;
  return new VigilError(ErrorCode.ClusterUnavailable, clusterUnavailable().message, undefined, {
    cause: error,
  });
}

/** What the runtime builds the alarm book on in cluster mode. */
export interface ClusterAlarms {
  /** The alarm book's storage (AlarmBookOptions.storage); the book stops it. */
  storage: AlarmStorage;
  /** Appends this station's own events to VIGIL_EVENTS until the returned stop. */
  appendEvents: (subscribe: ClusterEventsOptions['subscribe']) => Promise<() => void>;
}

/**
 * Opens the cluster's alarms for this station and the events stream it appends to.
 * @example
 * const cluster = await openClusterAlarms({ connection, stationId, logger });
 * const alarms = await AlarmBook.open({ dataDir, logger, hasCamera, publish, storage: cluster.storage });
 * const stopEvents = await cluster.appendEvents((listener) => station.onEvent(listener));
 */
export async function openClusterAlarms(options: ClusterAlarmsOptions): Promise<ClusterAlarms> {
  const storage = await ClusterAlarmStorage.open(options);
  return {
    storage,
    appendEvents: (subscribe) => startClusterEvents({ ...options, subscribe }),
  };
}
