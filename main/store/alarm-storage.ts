// Where the alarm book keeps its alarms: the data folder's journal on one station (alarms/journal-storage.ts), the
// cluster's KV bucket in cluster mode (main/cluster/cluster-alarms.ts). The book decides every change (the
// workflow rules); a storage only keeps what it is given, answers reads from what it holds now (the last known
// state), settles concurrent writes and says when a change came from elsewhere.
import type { Alarm } from '../../common/alarms';

/** What storing a raise gave: the alarm kept, and whether this raise created it (false: one with its key was kept). */
export interface StoredRaise {
  alarm: Alarm;
  created: boolean;
}

/** What replacing an alarm gave: stored, or the later state another writer stored first (decide again on it). */
export type StoredChange = { stored: true } | { stored: false; latest: Alarm };

/** A change another station made, as this one learned it. */
export interface RemoteAlarmChange {
  change: 'raised' | 'updated';
  alarm: Alarm;
}

/** Keeps alarms for the alarm book. */
export interface AlarmStorage {
  /** The alarm as last known, or undefined. */
  get(alarmId: string): Alarm | undefined;
  /** The alarm raised with this source and external id, as last known. */
  byExternal(source: string, externalId: string): Alarm | undefined;
  /** Every alarm kept, as last known. */
  all(): Iterable<Alarm>;
  /** Stores a new alarm unless one with its source and external id is kept already (then answers that one). */
  create(alarm: Alarm): Promise<StoredRaise>;
  /** Stores `next` if `previous` is still the latest state of that alarm. */
  replace(previous: Alarm, next: Alarm): Promise<StoredChange>;
  /** Forgets these alarms (closed past retention). */
  drop(alarms: readonly Alarm[]): Promise<void>;
  /** Hears changes made elsewhere (cluster mode); returns the unsubscribe. */
  onRemoteChange(listener: (change: RemoteAlarmChange) => void): () => void;
  /** Stops once pending writes are settled. */
  stop(): Promise<void>;
}

/** The idempotency key of a raise: source and external id (JSON, so no separator can be forged). */
export function externalKey(source: string, externalId: string): string {
  return JSON.stringify([source, externalId]);
}
