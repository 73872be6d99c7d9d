// Outgoing webhooks (WebhookService): each station event a hook asked for becomes a delivery, journaled before
// it is tried, POSTed signed, in order per hook (the next waits while the one before is retried), retried on the
// one backoff until it is delivered or its retry window runs out — across station restarts too. In cluster mode
// hooks stay per station, and a station delivers only the changes made on it (never those learned from others).
import { randomBytes } from 'node:crypto';

import type { Logger } from 'pino';

import { runInBackground } from '../../common/background';
import { ErrorCode, VigilError } from '../../common/errors';
import type { StationEvent } from '../../common/events';
import { isRemoteEvent } from '../station/event-origin';
import type { Webhook, WebhookBody, WebhookDelivery, WebhookInput } from '../../common/webhooks';
import { JournalWriter } from '../store/journal';
import type { SecretCipher } from '../store/secret-cipher';
import { hookFiles, readHookFiles, type StoredDelivery, type StoredHook } from './hook-files';
import { afterAttempt, DEFAULT_RETRY, type RetryPolicy } from './delivery-state';
import { checkHookUrl } from './hook-url';
import { postDelivery, type PostFetch } from './post';
import type { WebhookService } from './service';
import { deliveryHeaders } from './signature';

/** How many deliveries per hook the log keeps. */
const KEPT_PER_HOOK = 200;
/** The delivery log is rewritten past this many lines (when most are superseded). */
const COMPACT_AT_LINES = 10_000;

/** What the dispatcher needs. */
export interface WebhookDispatcherOptions {
  dataDir: string;
  logger: Logger;
  /** Seals the hooks' secrets at rest (the station's camera-password cipher). */
  cipher: SecretCipher;
  /** Subscribes to the station's events; returns the unsubscribe. */
  subscribe: (listener: (event: StationEvent) => void) => () => void;
  /** The station's own port: a hook may not target it on loopback. */
  ownPort?: number;
  userAgent: string;
  retry?: RetryPolicy;
  timeoutMs?: number;
  fetch?: PostFetch;
  now?: () => Date;
}

interface Hook {
  stored: StoredHook;
  secret: string;
  queue: StoredDelivery[];
  log: StoredDelivery[];
  busy: boolean;
  timer: ReturnType<typeof setTimeout> | undefined;
}

/** The station's webhooks and their deliveries. */
export class WebhookDispatcher implements WebhookService {
  readonly #hooks = new Map<string, Hook>();
  readonly #hooksFile: JournalWriter<StoredHook>;
  readonly #deliveries: JournalWriter<StoredDelivery>;
  readonly #retry: RetryPolicy;
  readonly #now: () => Date;
  readonly #fetch: PostFetch;
  #unsubscribe: (() => void) | undefined;
  #stopped = false;
  #lines = 0;
  #compacting = false;

  private constructor(private readonly options: WebhookDispatcherOptions) {
    const files = hookFiles(options.dataDir);
    this.#hooksFile = new JournalWriter(files.hooks);
    this.#deliveries = new JournalWriter(files.deliveries);
    this.#retry = options.retry ?? DEFAULT_RETRY;
    this.#now = options.now ?? (() => new Date());
    this.#fetch = options.fetch ?? ((url, init) => globalThis.fetch(url, init));
  }

  /** Opens both files (damaged lines logged, not fatal), resumes pending deliveries and starts listening. */
  static async open(options: WebhookDispatcherOptions): Promise<WebhookDispatcher> {
    const dispatcher = new WebhookDispatcher(options);
    await dispatcher.#load();
    dispatcher.#unsubscribe = options.subscribe((event) => {
      dispatcher.#onEvent(event);
    });
    for (const id of dispatcher.#hooks.keys()) dispatcher.#pump(id);
    return dispatcher;
  }

  async create(input: WebhookInput): Promise<Webhook> {
    checkHookUrl(input.url, this.options.ownPort);
    const stored: StoredHook = {
      v: 1,
      hook: {
        webhook_id: `whk_${randomBytes(8).toString('hex')}`,
        url: input.url,
        events: [...input.events],
        ...(input.description === undefined ? {} : { description: input.description }),
        created_at: this.#now().toISOString(),
      },
      sealed_secret: await this.options.cipher.encrypt(input.secret),
    };
    const hook = newHook(stored, input.secret);
    this.#hooks.set(stored.hook.webhook_id, hook);
    try {
      await this.#hooksFile.rewrite(() => this.#storedHooks());
    } catch (error) {
      this.#hooks.delete(stored.hook.webhook_id);
      throw error;
    }
    this.options.logger.info({ webhook: stored.hook.webhook_id, events: input.events }, 'webhook added');
    return view(hook);
  }

  list(): Webhook[] {
    return [...this.#hooks.values()].map(view);
  }

  async remove(webhookId: string): Promise<void> {
    const hook = this.#hook(webhookId);
    this.#hooks.delete(webhookId);
    try {
      await this.#hooksFile.rewrite(() => this.#storedHooks());
    } catch (error) {
      this.#hooks.set(webhookId, hook);
      throw error;
    }
    if (hook.timer !== undefined) clearTimeout(hook.timer);
    this.options.logger.info({ webhook: webhookId }, 'webhook deleted');
  }

  deliveries(webhookId: string): WebhookDelivery[] {
    return [...this.#hook(webhookId).log].reverse().map((entry) => entry.delivery);
  }

  /** Stops listening and retrying; pending deliveries stay in the log and resume at the next start. */
  async stop(): Promise<void> {
    this.#stopped = true;
    this.#unsubscribe?.();
    for (const hook of this.#hooks.values()) if (hook.timer !== undefined) clearTimeout(hook.timer);
    await this.#hooksFile.close();
    await this.#deliveries.close();
  }

  #storedHooks(): StoredHook[] {
    return [...this.#hooks.values()].map((hook) => hook.stored);
  }

  #hook(webhookId: string): Hook {
    const hook = this.#hooks.get(webhookId);
    if (hook === undefined) {
      throw new VigilError(ErrorCode.WebhookNotFound, `No webhook "${webhookId}"`, 'webhook_id');
    }
    return hook;
  }

  async #load(): Promise<void> {
    const contents = readHookFiles(this.options.dataDir, this.options.logger);
    for (const stored of contents.hooks) {
      const secret = await this.options.cipher.decrypt(stored.sealed_secret);
      this.#hooks.set(stored.hook.webhook_id, newHook(stored, secret));
    }
    for (const record of contents.deliveries) {
      const hook = this.#hooks.get(record.delivery.webhook_id);
      hook?.log.push(record);
      if (record.delivery.state === 'pending') hook?.queue.push(record);
    }
    const kept = [...this.#hooks.values()].flatMap((hook) => (hook.log = hook.log.slice(-KEPT_PER_HOOK)));
    // One line per kept delivery (in order), so the log does not grow without end.
    this.#lines = contents.lines;
    if (kept.length < contents.lines) await this.#deliveries.rewrite(() => kept);
    this.#lines = Math.min(this.#lines, kept.length);
  }

  #onEvent(event: StationEvent): void {
    // A change another station made is delivered by that station: each event reaches a hook once per cluster.
    if (this.#stopped || isRemoteEvent(event)) return;
    for (const hook of this.#hooks.values()) {
      if (!(hook.stored.hook.events as readonly string[]).includes(event.type)) continue;
      const deliveryId = `dlv_${randomBytes(8).toString('hex')}`;
      const body: WebhookBody = { delivery_id: deliveryId, type: event.type, at: event.at, event };
      const record: StoredDelivery = {
        v: 1,
        delivery: {
          delivery_id: deliveryId,
          webhook_id: hook.stored.hook.webhook_id,
          event_type: event.type,
          state: 'pending',
          attempts: 0,
          created_at: this.#now().toISOString(),
        },
        body: JSON.stringify(body),
      };
      hook.queue.push(record);
      hook.log.push(record);
      if (hook.log.length > KEPT_PER_HOOK) hook.log.shift();
      this.#save(record);
      this.#pump(hook.stored.hook.webhook_id);
    }
  }

  /** Journals a delivery's new snapshot (logged, never thrown: the delivery goes on in memory). */
  #save(record: StoredDelivery): void {
    this.#lines += 1;
    this.#deliveries.append(record).catch((error: unknown) => {
      this.options.logger.warn({ err: error, delivery: record.delivery.delivery_id }, 'delivery not logged');
    });
    const kept = [...this.#hooks.values()].reduce((sum, hook) => sum + hook.log.length, 0);
    if (this.#lines > COMPACT_AT_LINES && this.#lines > 3 * kept && !this.#compacting) this.#compact();
  }

  /** Rewrites the delivery log with one line per delivery kept, in the background. */
  #compact(): void {
    this.#compacting = true;
    const rewritten = this.#deliveries.rewrite(() => {
      const kept = [...this.#hooks.values()].flatMap((hook) => hook.log);
      this.#lines = kept.length;
      return kept;
    });
    runInBackground(
      rewritten.finally(() => {
        this.#compacting = false;
      }),
      (error: unknown) => {
        this.options.logger.warn({ err: error }, 'delivery log not compacted');
      },
    );
  }

  /** Works through one hook's queue in order; a failed head is retried later and holds the rest back. */
  #pump(webhookId: string): void {
    const hook = this.#hooks.get(webhookId);
    if (hook === undefined || hook.busy || hook.timer !== undefined || this.#stopped) return;
    const head = hook.queue[0];
    if (head === undefined) return;
    hook.busy = true;
    this.#attempt(hook, head)
      .catch((error: unknown) => {
        this.options.logger.error({ err: error, webhook: webhookId }, 'webhook delivery failed unexpectedly');
      })
      .finally(() => {
        hook.busy = false;
        this.#pump(webhookId);
      });
  }

  async #attempt(hook: Hook, record: StoredDelivery): Promise<void> {
    const { delivery } = record;
    const headers = deliveryHeaders(hook.secret, record.body, {
      deliveryId: delivery.delivery_id,
      eventType: delivery.event_type,
      userAgent: this.options.userAgent,
    });
    const result = await postDelivery(
      this.#fetch,
      hook.stored.hook.url,
      record.body,
      headers,
      this.options.timeoutMs ?? 5000,
    );
    if (!this.#hooks.has(delivery.webhook_id)) return;
    const { next, retryInMs } = afterAttempt(delivery, result, this.#now(), this.#retry, Math.random);
    if (next.state === 'failed') {
      this.options.logger.warn(
        { webhook: next.webhook_id, delivery: next.delivery_id },
        'webhook delivery given up',
      );
    }
    if (retryInMs !== undefined) {
      hook.timer = setTimeout(() => {
        hook.timer = undefined;
        this.#pump(delivery.webhook_id);
      }, retryInMs);
      hook.timer.unref();
    }
    const updated: StoredDelivery = { ...record, delivery: next };
    if (next.state !== 'pending') hook.queue.shift();
    else hook.queue[0] = updated;
    const at = hook.log.indexOf(record);
    if (at >= 0) hook.log[at] = updated;
    this.#save(updated);
  }
}

/** A hook's state in memory, with nothing queued yet. */
function newHook(stored: StoredHook, secret: string): Hook {
  return { stored, secret, queue: [], log: [], busy: false, timer: undefined };
}

/** A hook as GET /webhooks shows it: never its secret. */
function view(hook: Hook): Webhook {
  return { ...hook.stored.hook, pending: hook.queue.length };
}
