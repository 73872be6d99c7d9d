// The single station's alarm storage: alarms in memory, every change journaled (alarms.jsonl, fsync) before it
// is answered, so what a caller was told survives a restart. Superseded lines are compacted away in the
// background; alarms past retention are dropped by a rewrite.
import type { Logger } from 'pino';

import type { Alarm } from '../../common/alarms';
import { runInBackground } from '../../common/background';
import { JournalWriter } from '../store/journal';
import { alarmJournalPath, loadAlarms, worthCompacting, type AlarmRecord } from './alarm-journal';
import { externalKey, type AlarmStorage, type StoredChange, type StoredRaise } from '../store/alarm-storage';

/** Alarms kept in the data folder's journal (the default storage). */
export class JournalAlarmStorage implements AlarmStorage {
  readonly #alarms: Map<string, Alarm>;
  readonly #byExternal = new Map<string, string>();
  readonly #writer: JournalWriter<AlarmRecord>;
  readonly #logger: Logger;
  #lines: number;
  #compacting = false;

  private constructor(
    dataDir: string,
    logger: Logger,
    loaded: { alarms: Map<string, Alarm>; lines: number },
  ) {
    this.#alarms = loaded.alarms;
    this.#lines = loaded.lines;
    this.#logger = logger;
    this.#writer = new JournalWriter(alarmJournalPath(dataDir));
    for (const alarm of this.#alarms.values()) this.#index(alarm);
  }

  /** Reads the journal (damaged lines are logged, not fatal) and compacts it when it is worth it. */
  static async open(dataDir: string, logger: Logger): Promise<JournalAlarmStorage> {
    const path = alarmJournalPath(dataDir);
    const loaded = loadAlarms(path);
    for (const { line, problem } of loaded.damage) {
      logger.warn({ file: path, line, problem }, 'alarm journal: a line was left out');
    }
    const storage = new JournalAlarmStorage(dataDir, logger, loaded);
    if (worthCompacting(storage.#lines, storage.#alarms.size)) await storage.drop([]);
    return storage;
  }

  get(alarmId: string): Alarm | undefined {
    return this.#alarms.get(alarmId);
  }

  byExternal(source: string, externalId: string): Alarm | undefined {
    const id = this.#byExternal.get(externalKey(source, externalId));
    return id === undefined ? undefined : this.#alarms.get(id);
  }

  all(): Iterable<Alarm> {
    return this.#alarms.values();
  }

  async create(alarm: Alarm): Promise<StoredRaise> {
    const kept =
      alarm.external_id === undefined ? undefined : this.byExternal(alarm.source, alarm.external_id);
    if (kept !== undefined) return { alarm: kept, created: false };
    await this.#write(alarm);
    return { alarm, created: true };
  }

  async replace(previous: Alarm, next: Alarm): Promise<StoredChange> {
    const latest = this.#alarms.get(previous.alarm_id);
    if (latest !== undefined && latest !== previous) return { stored: false, latest };
    await this.#write(next);
    return { stored: true };
  }

  /** Rewrites the journal without `alarms` (and without superseded lines). */
  async drop(alarms: readonly Alarm[]): Promise<void> {
    if (this.#compacting) return;
    this.#compacting = true;
    const dropped = new Set(alarms.map((alarm) => alarm.alarm_id));
    try {
      // Chosen once the appends under way are on disk (and in memory), so none is lost by the rewrite.
      await this.#writer.rewrite(() => {
        const kept = [...this.#alarms.values()].filter((alarm) => !dropped.has(alarm.alarm_id));
        this.#lines = kept.length;
        return kept.map((alarm) => ({ v: 1, alarm }));
      });
    } finally {
      this.#compacting = false;
    }
    for (const id of dropped) {
      const alarm = this.#alarms.get(id);
      this.#alarms.delete(id);
      if (alarm?.external_id !== undefined)
        this.#byExternal.delete(externalKey(alarm.source, alarm.external_id));
    }
    this.#logger.info({ dropped: dropped.size, kept: this.#alarms.size }, 'alarm journal compacted');
  }

  /** One station hears no changes from elsewhere. */
  onRemoteChange(): () => void {
    return () => undefined;
  }

  async stop(): Promise<void> {
    await this.#writer.close();
  }

  /** Journals a snapshot, then (once on disk) makes it the alarm's current one. */
  async #write(alarm: Alarm): Promise<void> {
    await this.#writer.append({ v: 1, alarm });
    this.#lines += 1;
    this.#alarms.set(alarm.alarm_id, alarm);
    this.#index(alarm);
    if (worthCompacting(this.#lines, this.#alarms.size) && !this.#compacting) {
      runInBackground(this.drop([]), (error: unknown) => {
        this.#logger.warn({ err: error }, 'alarm journal: compaction did not run');
      });
    }
  }

  #index(alarm: Alarm): void {
    if (alarm.external_id !== undefined) {
      this.#byExternal.set(externalKey(alarm.source, alarm.external_id), alarm.alarm_id);
    }
  }
}
