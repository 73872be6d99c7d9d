// What the native and the container gateway share: a Janus the station runs itself, started once (concurrent
// calls join), supervised with restarts and backoff, stopped once, its events fanned out to listeners. Each
// gateway says only how to prepare a launch (config, endpoints) and what to log when it stopped.
import type { Logger } from 'pino';

import type { BundledJanusSettings } from './bundled-config';
import { GatewayNotStartedError, JanusStartError } from './errors';
import type { GatewayEndpoints, GatewayEvent, GatewaySecrets } from './gateway';
import type { JanusReadyTarget } from './janus-ready';
import { DEFAULT_RESTART_POLICY, type RestartPolicy } from './restart-policy';
import { Supervisor, type SupervisedRun, type SupervisorState } from './supervisor';

/** What every bundled Janus (native or container) is run with; the rest of its settings are BundledJanusSettings. */
export interface SupervisedJanusOptions extends BundledJanusSettings {
  /** The station's data folder; Janus's config is rendered below it. */
  dataDir: string;
  /** Parent logger; Janus's own output goes to its child `gateway/janus`. */
  logger: Logger;
  /** How long to wait for Janus to answer after each launch. */
  readyTimeoutMs?: number;
  /** Grace between the polite stop and SIGKILL (default 5 000 ms). */
  stopGraceMs?: number;
  restartPolicy?: Partial<RestartPolicy>;
  /** Environment for lookups (the janus binary, DOCKER_HOST) and for Janus (default process.env). */
  env?: NodeJS.ProcessEnv;
}

/** A bundled Janus's lifecycle; subclasses implement `prepare` and `stopped`. */
export abstract class SupervisedJanus<R extends SupervisedRun> {
  /** The gateway's own logger (`gateway/native`, `gateway/container`). */
  protected readonly log: Logger;
  readonly #kind: string;
  readonly #policy: Partial<RestartPolicy> | undefined;
  readonly #listeners = new Set<(event: GatewayEvent) => void>();
  #endpoints: GatewayEndpoints | undefined;
  #supervisor: Supervisor<R> | undefined;
  #starting: Promise<void> | undefined;
  #stopping: Promise<void> | undefined;
  #stopRequested = false;
  /** The state before a supervisor exists (or when start() failed before it ran Janus). */
  #outside: 'idle' | 'starting' | 'stopped' = 'idle';

  protected constructor(log: Logger, kind: string, policy: Partial<RestartPolicy> | undefined) {
    this.log = log;
    this.#kind = kind;
    this.#policy = policy;
  }

  /** Where Janus listens and its secrets; readable once `start()` resolved. */
  get endpoints(): GatewayEndpoints {
    if (this.#endpoints === undefined) {
      throw new GatewayNotStartedError(`the ${this.#kind} gateway has no endpoints before start() resolved`);
    }
    return this.#endpoints;
  }

  /** Starts Janus (concurrent calls share one start); resolves once it answers. */
  start(): Promise<void> {
    const state = this.#supervisor?.state;
    if (state === 'running' || state === 'restarting') return Promise.resolve();
    this.#starting ??= (async () => {
      await this.#stopping;
      this.#stopRequested = false;
      this.#supervisor = undefined;
      this.#outside = 'starting';
      try {
        await this.#start();
      } catch (error) {
        this.#outside = 'stopped';
        throw error;
      }
    })().finally(() => {
      this.#starting = undefined;
    });
    return this.#starting;
  }

  /** Stops Janus and its supervisor (idempotent). */
  stop(): Promise<void> {
    this.#stopRequested = true;
    const supervisor = this.#supervisor;
    if (supervisor === undefined) return this.#starting?.catch(() => undefined) ?? Promise.resolve();
    this.#stopping ??= (async () => {
      const run = supervisor.run;
      await supervisor.stop();
      await this.#starting?.catch(() => undefined);
      this.stopped(run);
    })().finally(() => {
      this.#stopping = undefined;
    });
    return this.#stopping;
  }

  /** Subscribes to `exited`, `restarted` and `gave-up`; returns the unsubscribe function. */
  onEvent(listener: (event: GatewayEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  /** The supervisor's state, or where the gateway is before one exists. */
  protected state(): SupervisorState {
    return this.#supervisor?.state ?? this.#outside;
  }

  /** The current run, if Janus runs. */
  protected currentRun(): R | undefined {
    return this.#supervisor?.run;
  }

  /** Throws when `stop()` was called while the gateway was still starting. */
  protected assertNotStopped(): void {
    if (this.#stopRequested) throw new JanusStartError('the gateway was stopped while starting');
  }

  /**
   * Records where Janus will listen and with which secrets (called by `prepare`), and returns what to wait
   * for after each launch: the HTTP API, the Admin API with its secret, and the WebSocket ports.
   */
  protected listenAt(
    urls: { http: string; ws: string; adminHttp: string; adminWs?: string | undefined },
    secrets: GatewaySecrets,
    origin: string,
    timeoutMs: number,
  ): JanusReadyTarget {
    this.#endpoints = {
      urls: { http: urls.http, ws: urls.ws, adminHttp: urls.adminHttp },
      secrets,
      origin,
    };
    return {
      httpUrl: urls.http,
      admin: { url: urls.adminHttp, secret: secrets.adminSecret },
      wsUrls: urls.adminWs === undefined ? [urls.ws] : [urls.ws, urls.adminWs],
      origin,
      timeoutMs,
    };
  }

  /** Writes the config (fresh secrets), sets the endpoints, and returns how to launch Janus and wait for it. */
  protected abstract prepare(): Promise<() => Promise<R>>;

  /** Logs that Janus stopped; `run` is the one that ran last. */
  protected abstract stopped(run: R | undefined): void;

  async #start(): Promise<void> {
    const launch = await this.prepare();
    this.assertNotStopped();
    const supervisor = new Supervisor<R>({
      launch,
      policy: { ...DEFAULT_RESTART_POLICY, ...this.#policy },
      logger: this.log,
      emit: (event) => {
        this.#emit(event);
      },
    });
    this.#supervisor = supervisor;
    await supervisor.start();
  }

  #emit(event: GatewayEvent): void {
    for (const listener of [...this.#listeners]) {
      try {
        listener(event);
      } catch (error) {
        this.log.error({ err: error }, 'gateway event listener threw');
      }
    }
  }
}
