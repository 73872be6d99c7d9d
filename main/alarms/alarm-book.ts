// The station's alarms (AlarmService): held in memory, every change journaled (alarms.jsonl, fsync) before it is
// answered or announced, so what a caller was told survives a restart. Raises are idempotent on
// (source, external_id), also when retries arrive at once; snoozes return by themselves, after a restart too.
import type { Logger } from 'pino';

import type {
  Alarm,
  AlarmActionInput,
  AlarmActor,
  AlarmInput,
  AlarmQuery,
  AlarmSnoozeInput,
  AlarmState,
} from '../../common/alarms';
import { ErrorCode, VigilError } from '../../common/errors';
import type { StationEvent } from '../../common/events';
import { KeyedLock } from '../station/keyed-lock';
import { JournalWriter } from '../store/journal';
import { alarmJournalPath, expired, loadAlarms, worthCompacting, type AlarmRecord } from './alarm-journal';
import {
  acknowledged,
  byOf,
  closed,
  ended,
  newAlarmId,
  raisedAlarm,
  snoozed,
  unsnoozed,
} from './alarm-rules';
import type { AlarmService } from './service';

/** How far ahead of now an `occurred_at` may be (clocks differ a little between a VAS and the station). */
const FUTURE_SLACK_MS = 5 * 60_000;
/** Default list length. */
const DEFAULT_LIMIT = 100;
/** How often closed alarms past retention are dropped while the station runs. */
const RETENTION_EVERY_MS = 3_600_000;

/** What the alarm book needs. */
export interface AlarmBookOptions {
  dataDir: string;
  logger: Logger;
  /** Whether a camera id is known now (raises on unknown cameras are refused). */
  hasCamera: (cameraId: string) => boolean;
  /** Announces `alarm.raised` / `alarm.updated` (SSE, IPC, webhooks). */
  publish: (event: StationEvent) => void;
  /** Closed alarms are dropped this many days after they were closed (default 90). */
  retentionDays?: number;
  /** The time (tests pass a fake). */
  now?: () => Date;
}

/** The station's alarms, journaled in the data folder. */
export class AlarmBook implements AlarmService {
  readonly #alarms: Map<string, Alarm>;
  readonly #byExternal = new Map<string, string>();
  readonly #raising = new Map<string, Promise<Alarm>>();
  readonly #timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Changes to one alarm run one at a time, each on the state the one before left. */
  readonly #lock = new KeyedLock();
  readonly #writer: JournalWriter<AlarmRecord>;
  readonly #now: () => Date;
  readonly #retentionDays: number;
  #lines: number;
  #compacting = false;
  #retention: ReturnType<typeof setInterval> | undefined;

  private constructor(
    private readonly options: AlarmBookOptions,
    loaded: { alarms: Map<string, Alarm>; lines: number },
  ) {
    this.#alarms = loaded.alarms;
    this.#lines = loaded.lines;
    this.#writer = new JournalWriter(alarmJournalPath(options.dataDir));
    this.#now = options.now ?? (() => new Date());
    this.#retentionDays = options.retentionDays ?? 90;
    for (const alarm of this.#alarms.values()) this.#index(alarm);
  }

  /** Opens the journal (damaged lines are logged, not fatal), applies retention and re-arms pending snoozes. */
  static async open(options: AlarmBookOptions): Promise<AlarmBook> {
    const path = alarmJournalPath(options.dataDir);
    const loaded = loadAlarms(path);
    for (const { line, problem } of loaded.damage) {
      options.logger.warn({ file: path, line, problem }, 'alarm journal: a line was left out');
    }
    const book = new AlarmBook(options, loaded);
    await book.applyRetention();
    for (const alarm of book.#alarms.values()) book.#armSnooze(alarm);
    book.#retention = setInterval(() => {
      book.#retain();
    }, RETENTION_EVERY_MS);
    book.#retention.unref();
    return book;
  }

  async raise(input: AlarmInput, actor: AlarmActor): Promise<Alarm> {
    const now = this.#now();
    const unknown = input.camera_ids.filter((id) => !this.options.hasCamera(id));
    if (unknown.length > 0) {
      throw new VigilError(
        ErrorCode.CameraNotFound,
        `camera_ids: no camera ${unknown.map((id) => `"${id}"`).join(', ')}; add it first or check the id`,
        'camera_ids',
      );
    }
    if (input.occurred_at !== undefined && Date.parse(input.occurred_at) > now.getTime() + FUTURE_SLACK_MS) {
      throw new VigilError(
        ErrorCode.Validation,
        'occurred_at is more than 5 minutes in the future: send when it happened, in UTC or with an offset',
        'occurred_at',
      );
    }
    const source = input.source ?? byOf(actor, input.operator);
    if (input.external_id === undefined) return this.#create(input, actor, now);
    const key = externalKey(source, input.external_id);
    const existing = this.#byExternal.get(key);
    if (existing !== undefined) return this.get(existing);
    // A retry arriving while the first raise is being written waits for it and answers the same alarm.
    const pending = this.#raising.get(key);
    if (pending !== undefined) return pending;
    const raising = this.#create({ ...input, source }, actor, now).finally(() => this.#raising.delete(key));
    this.#raising.set(key, raising);
    return raising;
  }

  list(query: AlarmQuery): Alarm[] {
    const from = query.from === undefined ? -Infinity : Date.parse(query.from);
    const to = query.to === undefined ? Infinity : Date.parse(query.to);
    const matches = [...this.#alarms.values()].filter((alarm) => {
      const at = Date.parse(alarm.occurred_at);
      return (
        (query.state === undefined || alarm.state === query.state) &&
        (query.severity === undefined || alarm.severity === query.severity) &&
        (query.camera_id === undefined || alarm.camera_ids.includes(query.camera_id)) &&
        at >= from &&
        at <= to
      );
    });
    // Ids start with the raise time in ms, so they sort newest first with ties broken the same way everywhere.
    matches.sort((a, b) => (a.alarm_id < b.alarm_id ? 1 : -1));
    return matches.slice(0, query.limit ?? DEFAULT_LIMIT);
  }

  /** Every kept alarm's state (for the metrics gauge). */
  states(): AlarmState[] {
    return [...this.#alarms.values()].map((alarm) => alarm.state);
  }

  get(alarmId: string): Alarm {
    const alarm = this.#alarms.get(alarmId);
    if (alarm === undefined) {
      throw new VigilError(ErrorCode.AlarmNotFound, `No alarm "${alarmId}"`, 'alarm_id');
    }
    return alarm;
  }

  acknowledge(alarmId: string, input: AlarmActionInput, actor: AlarmActor): Promise<Alarm> {
    const by = byOf(actor, input.operator);
    return this.#update(alarmId, (alarm, now) => acknowledged(alarm, by, input.note, now));
  }

  close(alarmId: string, input: AlarmActionInput, actor: AlarmActor): Promise<Alarm> {
    const by = byOf(actor, input.operator);
    return this.#update(alarmId, (alarm, now) => closed(alarm, by, input.note, now));
  }

  snooze(alarmId: string, input: AlarmSnoozeInput, actor: AlarmActor): Promise<Alarm> {
    const by = byOf(actor, input.operator);
    return this.#update(alarmId, (alarm, now) => snoozed(alarm, by, input.minutes, input.note, now));
  }

  end(alarmId: string, actor: AlarmActor, note?: string): Promise<Alarm> {
    return this.#update(alarmId, (alarm, now) => ended(alarm, actor.name, note, now));
  }

  /** Drops closed alarms past retention and compacts the journal when it holds many superseded lines. */
  async applyRetention(): Promise<void> {
    const now = this.#now();
    const due = [...this.#alarms.values()].some((alarm) => expired(alarm, now, this.#retentionDays));
    if ((!due && !worthCompacting(this.#lines, this.#alarms.size)) || this.#compacting) return;
    this.#compacting = true;
    let dropped: Alarm[] = [];
    try {
      // Chosen once the appends under way are on disk (and in memory), so none is lost by the rewrite.
      await this.#writer.rewrite(() => {
        dropped = [...this.#alarms.values()].filter((alarm) => expired(alarm, now, this.#retentionDays));
        const kept = [...this.#alarms.values()].filter((alarm) => !dropped.includes(alarm));
        this.#lines = kept.length;
        return kept.map((alarm) => ({ v: 1, alarm }));
      });
    } finally {
      this.#compacting = false;
    }
    for (const alarm of dropped) {
      this.#alarms.delete(alarm.alarm_id);
      if (alarm.external_id !== undefined)
        this.#byExternal.delete(externalKey(alarm.source, alarm.external_id));
    }
    this.options.logger.info({ dropped: dropped.length, kept: this.#alarms.size }, 'alarm journal compacted');
  }

  /** Stops the snooze timers and closes the journal once pending writes are on disk. */
  async stop(): Promise<void> {
    clearInterval(this.#retention);
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
    await this.#writer.close();
  }

  async #create(input: AlarmInput, actor: AlarmActor, now: Date): Promise<Alarm> {
    const alarm = raisedAlarm(input, actor, newAlarmId(now), now);
    await this.#write(alarm);
    this.options.publish({ type: 'alarm.raised', alarm, at: alarm.raised_at });
    return alarm;
  }

  /** Runs `step` on the alarm's latest state (after any change already under way) and records its result. */
  async #update(alarmId: string, step: (alarm: Alarm, now: Date) => Alarm): Promise<Alarm> {
    this.get(alarmId);
    return await this.#lock.run(alarmId, async () => {
      const alarm = this.get(alarmId);
      const next = step(alarm, this.#now());
      return next === alarm ? alarm : this.#change(next);
    });
  }

  async #change(alarm: Alarm): Promise<Alarm> {
    await this.#write(alarm);
    this.#armSnooze(alarm);
    this.options.publish({ type: 'alarm.updated', alarm, at: alarm.updated_at });
    return alarm;
  }

  /** Journals a snapshot, then (once on disk) makes it the alarm's current one. */
  async #write(alarm: Alarm): Promise<void> {
    await this.#writer.append({ v: 1, alarm });
    this.#lines += 1;
    this.#alarms.set(alarm.alarm_id, alarm);
    this.#index(alarm);
    if (worthCompacting(this.#lines, this.#alarms.size)) this.#retain();
  }

  /** Applies retention in the background (a failure is logged; the next run tries again). */
  #retain(): void {
    this.applyRetention().catch((error: unknown) => {
      this.options.logger.warn({ err: error }, 'alarm journal: retention did not run');
    });
  }

  #index(alarm: Alarm): void {
    if (alarm.external_id !== undefined) {
      this.#byExternal.set(externalKey(alarm.source, alarm.external_id), alarm.alarm_id);
    }
  }

  /** Keeps one timer per snoozed alarm that returns it when its time runs out (at once if it already has). */
  #armSnooze(alarm: Alarm): void {
    const current = this.#timers.get(alarm.alarm_id);
    if (current !== undefined) clearTimeout(current);
    this.#timers.delete(alarm.alarm_id);
    if (alarm.state !== 'snoozed' || alarm.snoozed_until === undefined) return;
    const delay = Math.max(0, Date.parse(alarm.snoozed_until) - this.#now().getTime());
    const timer = setTimeout(
      () => {
        this.#timers.delete(alarm.alarm_id);
        this.#update(alarm.alarm_id, (latest, now) => unsnoozed(latest, now)).catch((error: unknown) => {
          this.options.logger.warn(
            { err: error, alarm: alarm.alarm_id },
            'snooze did not end; retrying in 1 min',
          );
          const retry = setTimeout(() => {
            this.#armSnooze(this.#alarms.get(alarm.alarm_id) ?? alarm);
          }, 60_000);
          retry.unref();
          this.#timers.set(alarm.alarm_id, retry);
        });
      },
      Math.min(delay, 2 ** 31 - 1),
    );
    timer.unref();
    this.#timers.set(alarm.alarm_id, timer);
  }
}

/** The idempotency key of a raise: source and external id (JSON, so no separator can be forged). */
function externalKey(source: string, externalId: string): string {
  return JSON.stringify([source, externalId]);
}
