// The bundled Janus, started and supervised by the station: renders a config folder into <dataDir>/janus/
// (fresh secrets per start(); restarts after a crash reuse them), listens on 127.0.0.1 only, runs
// `janus -C … -F …`, waits until it answers, restarts it with capped exponential backoff when it dies, gives
// up on a crash loop, and stops it by PID. Secrets never reach a log line or an error message.
import { join } from 'node:path';

import type { Logger } from 'pino';

import { runInBackground } from '../janus/background';
import { GatewayNotStartedError, JanusStartError } from './errors';
import type { Gateway, GatewayEndpoints, GatewayEvent } from './gateway';
import { findJanusBinary, findJanusLibDir } from './janus-binary';
import { bundledJanusConfig, type BundledJanusSettings } from './bundled-config';
import { writeJanusConfigFolder } from './janus-config-folder';
import { describeExit, JanusProcess, whenJanusReady, type ExitStatus } from './janus-process';
import { waitForJanus, type JanusReadyTarget } from './janus-ready';
import { assertPortsFree } from './native-ports';
import { DEFAULT_RESTART_POLICY, planRestart, type RestartPolicy } from './restart-policy';

/** Options of `createNativeGateway`; everything but `dataDir`, `origin` and `logger` has a default. */
export interface NativeGatewayOptions extends BundledJanusSettings {
  /** The station's data folder; Janus's config goes to `<dataDir>/janus/` (mode 0700, files 0600). */
  dataDir: string;
  /** Parent logger; Janus's output goes to its child `gateway/janus`. */
  logger: Logger;
  /** The janus binary (default: VIGIL_JANUS_BIN, PATH, /usr/bin/janus). */
  binary?: string | undefined;
  /** The folder holding Janus's plugins/ and transports/ (default: the first of JANUS_LIB_DIRS that has them). */
  libDir?: string | undefined;
  /** How long to wait for Janus to answer after each spawn (default 10 000 ms). */
  readyTimeoutMs?: number;
  /** SIGTERM → SIGKILL grace on stop (default 5 000 ms). */
  stopGraceMs?: number;
  restartPolicy?: Partial<RestartPolicy>;
  /** Environment for the binary lookup and for Janus (default process.env). */
  env?: NodeJS.ProcessEnv;
}

type State = 'idle' | 'starting' | 'running' | 'restarting' | 'gave-up' | 'stopped';

/** Whether the native gateway's Janus is running, and its PID. */
export interface NativeGatewayStatus {
  state: State;
  pid: number | undefined;
}

/** A Gateway whose Janus is a child process of the station; `status()` reports its state and PID. */
export type NativeGateway = Gateway & { status(): NativeGatewayStatus };

/**
 * Creates the bundled Janus's supervisor; nothing runs until `start()`. `endpoints` is readable after it.
 * @example
 * const gateway = createNativeGateway({ dataDir, origin: 'http://127.0.0.1:3000', logger });
 * gateway.onEvent((event) => logger.warn({ event }, 'janus'));
 * await gateway.start();
 * const connection = await JanusConnection.connect({ url: gateway.endpoints.urls.ws, ... });
 */
export function createNativeGateway(options: NativeGatewayOptions): NativeGateway {
  return new NativeJanus(options);
}

class NativeJanus implements NativeGateway {
  readonly mode = 'native';
  readonly #options: NativeGatewayOptions;
  readonly #policy: RestartPolicy;
  readonly #log: Logger;
  readonly #janusLog: Logger;
  readonly #listeners = new Set<(event: GatewayEvent) => void>();
  #state: State = 'idle';
  #endpoints: GatewayEndpoints | undefined;
  #spawn: (() => JanusProcess) | undefined;
  #target: JanusReadyTarget | undefined;
  #child: JanusProcess | undefined;
  #startedAt = 0;
  #fastFailures = 0;
  #restartTimer: NodeJS.Timeout | undefined;
  #starting: Promise<void> | undefined;
  #stopping: Promise<void> | undefined;

  constructor(options: NativeGatewayOptions) {
    this.#options = options;
    this.#policy = { ...DEFAULT_RESTART_POLICY, ...options.restartPolicy };
    this.#log = options.logger.child({ name: 'gateway/native' });
    this.#janusLog = options.logger.child({ name: 'gateway/janus' });
  }

  get endpoints(): GatewayEndpoints {
    if (this.#endpoints === undefined) {
      throw new GatewayNotStartedError('the native gateway has no endpoints before start() resolved');
    }
    return this.#endpoints;
  }

  status(): NativeGatewayStatus {
    return { state: this.#state, pid: this.#child?.isRunning() === true ? this.#child.pid : undefined };
  }

  start(): Promise<void> {
    if (this.#state === 'running' || this.#state === 'restarting') return Promise.resolve();
    this.#starting ??= (async () => {
      await this.#stopping;
      await this.#start();
    })().finally(() => {
      this.#starting = undefined;
    });
    return this.#starting;
  }

  stop(): Promise<void> {
    if (this.#state === 'idle' || this.#state === 'stopped') return this.#stopping ?? Promise.resolve();
    this.#stopping ??= this.#stop().finally(() => {
      this.#stopping = undefined;
    });
    return this.#stopping;
  }

  onEvent(listener: (event: GatewayEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  async #start(): Promise<void> {
    this.#state = 'starting';
    this.#fastFailures = 0;
    try {
      await this.#prepare();
      if (!this.#still('starting')) throw new JanusStartError('the gateway was stopped while starting');
      const child = await this.#launch();
      if (!this.#still('starting')) throw new JanusStartError('the gateway was stopped while starting');
      this.#run(child);
    } catch (error) {
      this.#state = 'stopped';
      throw error;
    }
  }

  async #prepare(): Promise<void> {
    const opts = this.#options;
    const lookup = { binary: opts.binary, libDir: opts.libDir, env: opts.env };
    const binary = findJanusBinary(lookup);
    const libDir = findJanusLibDir(lookup);
    const { options } = bundledJanusConfig(opts, '127.0.0.1');
    await assertPortsFree(options.listeners);
    const folder = await writeJanusConfigFolder({
      ...options,
      dir: join(opts.dataDir, 'janus'),
      libDir,
      apiSecret: true,
    });
    const { secrets, urls } = folder;
    const redact = [secrets.apiSecret ?? '', secrets.adminSecret, secrets.streamingAdminKey];
    this.#spawn = () =>
      JanusProcess.spawn({ binary, folder, logger: this.#janusLog, redact, env: opts.env ?? process.env });
    this.#target = {
      httpUrl: urls.http,
      admin: { url: urls.adminHttp, secret: secrets.adminSecret },
      wsUrls: urls.adminWs === undefined ? [urls.ws] : [urls.ws, urls.adminWs],
      origin: opts.origin,
      timeoutMs: opts.readyTimeoutMs ?? 10_000,
    };
    this.#endpoints = {
      urls: { http: urls.http, ws: urls.ws, adminHttp: urls.adminHttp },
      secrets,
      origin: opts.origin,
      tokenAuth: true,
    };
  }

  /** Spawns Janus and waits until it answers; on failure the error carries its last log lines. */
  async #launch(): Promise<JanusProcess> {
    const spawnJanus = this.#spawn;
    const target = this.#target;
    if (spawnJanus === undefined || target === undefined) throw new Error('launch before prepare');
    this.#child = undefined;
    const child = spawnJanus();
    this.#child = child;
    const began = performance.now();
    try {
      await whenJanusReady(child, (signal) => waitForJanus(target, signal));
    } catch (error) {
      const tail = child.tail();
      throw new JanusStartError(
        `Janus (pid ${child.pid}) did not start: ${error instanceof Error ? error.message : String(error)}` +
          (tail === '' ? '' : `; its last log lines:\n${tail}`),
        { cause: error },
      );
    }
    this.#startedAt = performance.now();
    this.#log.info({ pid: child.pid, readyMs: Math.round(this.#startedAt - began) }, 'Janus is ready');
    return child;
  }

  /** Marks Janus running and supervises it: its exit (even one that already happened) leads to #failed. */
  #run(child: JanusProcess): void {
    this.#state = 'running';
    runInBackground(
      child.exited.then((status) => {
        if (this.#child !== child || this.#state !== 'running') return;
        this.#failed(status, performance.now() - this.#startedAt, child.tail());
      }),
      (error: unknown) => {
        this.#log.error({ err: error }, 'Janus exit handling failed');
      },
    );
  }

  /** After Janus ended on its own (or a restart failed): schedule a restart or give up. */
  #failed(status: ExitStatus | undefined, uptimeMs: number, tail: string): void {
    const decision = planRestart(this.#fastFailures, uptimeMs, this.#policy);
    this.#fastFailures = decision.fastFailures;
    const how = status === undefined ? 'did not come back' : `exited (${describeExit(status)})`;
    if (decision.action === 'give-up') {
      this.#state = 'gave-up';
      const reason = `${decision.reason}; last: ${how}${tail === '' ? '' : `; its last log lines:\n${tail}`}`;
      this.#log.error({ fastFailures: decision.fastFailures }, reason);
      this.#emit({ type: 'gave-up', reason });
      return;
    }
    this.#state = 'restarting';
    this.#log.warn({ restartInMs: decision.delayMs, uptimeMs: Math.round(uptimeMs) }, `Janus ${how}`);
    if (status !== undefined) {
      this.#emit({ type: 'exited', ...status, restartInMs: decision.delayMs });
    }
    this.#restartTimer = setTimeout(() => {
      this.#restartTimer = undefined;
      runInBackground(this.#restart(), (error: unknown) => {
        this.#log.error({ err: error }, 'Janus restart failed unexpectedly');
      });
    }, decision.delayMs);
  }

  async #restart(): Promise<void> {
    if (this.#state !== 'restarting') return;
    try {
      const child = await this.#launch();
      if (!this.#still('restarting')) return;
      this.#run(child);
      this.#emit({ type: 'restarted', pid: child.pid });
    } catch (error) {
      if (!this.#still('restarting')) return;
      this.#log.warn({ err: error }, 'Janus restart failed');
      const child = this.#child;
      const status = child === undefined ? undefined : await child.exited;
      this.#failed(status, 0, child?.tail() ?? '');
    }
  }

  async #stop(): Promise<void> {
    const starting = this.#starting;
    this.#state = 'stopped';
    clearTimeout(this.#restartTimer);
    this.#restartTimer = undefined;
    const child = this.#child;
    if (child !== undefined) {
      const status = await child.stop(this.#options.stopGraceMs);
      this.#log.info({ pid: child.pid, ...status }, 'Janus stopped');
    }
    await starting?.catch(() => undefined);
  }

  /** Re-reads the state after an await (a concurrent stop() may have changed it). */
  #still(state: State): boolean {
    return this.#state === state;
  }

  #emit(event: GatewayEvent): void {
    for (const listener of [...this.#listeners]) {
      try {
        listener(event);
      } catch (error) {
        this.#log.error({ err: error }, 'gateway event listener threw');
      }
    }
  }
}
