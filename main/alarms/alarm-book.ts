// The station's alarms (AlarmService): the workflow's rules, applied to alarms kept by an AlarmStorage — the data
// folder's journal by default, the cluster's KV bucket in cluster mode. A change is stored before it is answered
// or announced. Raises are idempotent on (source, external_id), also when retries arrive at once; snoozes return
// by themselves, after a restart too. A change another station made is announced here too, marked remote.
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
import { remoteEvent } from '../station/event-origin';
import { KeyedLock } from '../station/keyed-lock';
import { expired } from './alarm-journal';
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
import { externalKey, type AlarmStorage, type RemoteAlarmChange } from '../store/alarm-storage';
import { JournalAlarmStorage } from './journal-storage';
import type { AlarmService } from './service';

/** How far ahead of now an `occurred_at` may be (clocks differ a little between a VAS and the station). */
const FUTURE_SLACK_MS = 5 * 60_000;
/** Default list length. */
const DEFAULT_LIMIT = 100;
/** How often closed alarms past retention are dropped while the station runs. */
const RETENTION_EVERY_MS = 3_600_000;
/** How many times a change is decided again on a later state another station stored first. */
const CHANGE_ATTEMPTS = 5;

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
  /** Where alarms are kept (default: the data folder's journal; cluster mode: the cluster's bucket). */
  storage?: AlarmStorage;
}

/** The station's alarms: the workflow's rules over what its storage keeps (the journal, or the cluster's bucket). */
export class AlarmBook implements AlarmService {
  readonly #raising = new Map<string, Promise<Alarm>>();
  readonly #timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Changes to one alarm run one at a time, each on the state the one before left. */
  readonly #lock = new KeyedLock();
  readonly #storage: AlarmStorage;
  readonly #now: () => Date;
  readonly #retentionDays: number;
  #retention: ReturnType<typeof setInterval> | undefined;
  #unsubscribe: (() => void) | undefined;

  private constructor(
    private readonly options: AlarmBookOptions,
    storage: AlarmStorage,
  ) {
    this.#storage = storage;
    this.#now = options.now ?? (() => new Date());
    this.#retentionDays = options.retentionDays ?? 90;
  }

  /** Opens the storage (the journal by default), applies retention and re-arms pending snoozes. */
  static async open(options: AlarmBookOptions): Promise<AlarmBook> {
    const storage = options.storage ?? (await JournalAlarmStorage.open(options.dataDir, options.logger));
    const book = new AlarmBook(options, storage);
    await book.applyRetention();
    for (const alarm of storage.all()) book.#armSnooze(alarm);
    book.#unsubscribe = storage.onRemoteChange((change) => {
      book.#onRemoteChange(change);
    });
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
    const existing = this.#storage.byExternal(source, input.external_id);
    if (existing !== undefined) return existing;
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
    const matches = [...this.#storage.all()].filter((alarm) => {
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
    return [...this.#storage.all()].map((alarm) => alarm.state);
  }

  get(alarmId: string): Alarm {
    const alarm = this.#storage.get(alarmId);
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

  /** Drops closed alarms past retention (the journal is compacted as it is rewritten). */
  async applyRetention(): Promise<void> {
    const now = this.#now();
    const due = [...this.#storage.all()].filter((alarm) => expired(alarm, now, this.#retentionDays));
    if (due.length === 0) return;
    await this.#storage.drop(due);
    for (const alarm of due) this.#disarm(alarm.alarm_id);
  }

  /** Stops the snooze timers and hearing other stations; the storage stops once pending writes are kept. */
  async stop(): Promise<void> {
    clearInterval(this.#retention);
    this.#unsubscribe?.();
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
    await this.#storage.stop();
  }

  async #create(input: AlarmInput, actor: AlarmActor, now: Date): Promise<Alarm> {
    const { alarm, created } = await this.#storage.create(raisedAlarm(input, actor, newAlarmId(now), now));
    if (created) this.options.publish({ type: 'alarm.raised', alarm, at: alarm.raised_at });
    return alarm;
  }

  /**
   * Runs `step` on the alarm's latest state (after any change already under way) and stores its result; when
   * another station stored a change first, `step` is decided again on that one (so of two acknowledgements at
   * once, the second is refused naming who acknowledged).
   */
  async #update(alarmId: string, step: (alarm: Alarm, now: Date) => Alarm): Promise<Alarm> {
    this.get(alarmId);
    return await this.#lock.run(alarmId, async () => {
      let alarm = this.get(alarmId);
      for (let attempt = 1; attempt <= CHANGE_ATTEMPTS; attempt += 1) {
        const next = step(alarm, this.#now());
        if (next === alarm) return alarm;
        const result = await this.#storage.replace(alarm, next);
        if (result.stored) {
          this.#armSnooze(next);
          this.options.publish({ type: 'alarm.updated', alarm: next, at: next.updated_at });
          return next;
        }
        alarm = result.latest;
      }
      throw new VigilError(
        ErrorCode.Conflict,
        `Alarm ${alarmId} kept changing on other stations while this change was tried: look at it again and retry`,
        'alarm_id',
      );
    });
  }

  /** Announces a change another station made (marked remote) and follows its snooze. */
  #onRemoteChange({ change, alarm }: RemoteAlarmChange): void {
    this.#armSnooze(alarm);
    const at = change === 'raised' ? alarm.raised_at : alarm.updated_at;
    this.options.publish(remoteEvent({ type: `alarm.${change}`, alarm, at }));
  }

  /** Applies retention in the background (a failure is logged; the next run tries again). */
  #retain(): void {
    this.applyRetention().catch((error: unknown) => {
      this.options.logger.warn({ err: error }, 'alarm retention did not run');
    });
  }

  #disarm(alarmId: string): void {
    const current = this.#timers.get(alarmId);
    if (current !== undefined) clearTimeout(current);
    this.#timers.delete(alarmId);
  }

  /** Keeps one timer per snoozed alarm that returns it when its time runs out (at once if it already has). */
  #armSnooze(alarm: Alarm): void {
    this.#disarm(alarm.alarm_id);
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
            this.#armSnooze(this.#storage.get(alarm.alarm_id) ?? alarm);
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
