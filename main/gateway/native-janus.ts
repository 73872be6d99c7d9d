// The bundled Janus, started and supervised by the station: renders a config folder into <dataDir>/janus/
// (fresh secrets per start(); restarts after a crash reuse them), listens on 127.0.0.1 only, runs
// `janus -C … -F …`, waits until it answers, restarts it with capped exponential backoff when it dies, gives
// up on a crash loop, and stops it by PID. Secrets never reach a log line or an error message.
import { join } from 'node:path';

import type { Logger } from 'pino';

import { GatewayNotStartedError, JanusStartError } from './errors';
import type { Gateway, GatewayEndpoints, GatewayEvent } from './gateway';
import { findJanusBinary, findJanusLibDir } from './janus-binary';
import { bundledJanusConfig, type BundledJanusSettings } from './bundled-config';
import { writeJanusConfigFolder } from './janus-config-folder';
import { JanusProcess, type ExitStatus } from './janus-process';
import type { JanusReadyTarget } from './janus-ready';
import { assertPortsFree } from './native-ports';
import { DEFAULT_RESTART_POLICY, type RestartPolicy } from './restart-policy';
import { readyOrStopped, Supervisor, type SupervisedRun, type SupervisorState } from './supervisor';

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

/** Whether the native gateway's Janus is running, and its PID. */
export interface NativeGatewayStatus {
  state: SupervisorState;
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
  readonly #log: Logger;
  readonly #janusLog: Logger;
  readonly #listeners = new Set<(event: GatewayEvent) => void>();
  #endpoints: GatewayEndpoints | undefined;
  #supervisor: Supervisor<NativeRun> | undefined;
  #starting: Promise<void> | undefined;
  #stopping: Promise<void> | undefined;
  #stopRequested = false;
  /** The state before a supervisor exists (or when start() failed before it ran Janus). */
  #outside: 'idle' | 'starting' | 'stopped' = 'idle';

  constructor(options: NativeGatewayOptions) {
    this.#options = options;
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
    const child = this.#supervisor?.run?.child;
    return {
      state: this.#supervisor?.state ?? this.#outside,
      pid: child?.isRunning() === true ? child.pid : undefined,
    };
  }

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

  stop(): Promise<void> {
    this.#stopRequested = true;
    const supervisor = this.#supervisor;
    if (supervisor === undefined) return this.#starting?.catch(() => undefined) ?? Promise.resolve();
    this.#stopping ??= (async () => {
      const child = supervisor.run?.child;
      await supervisor.stop();
      await this.#starting?.catch(() => undefined);
      if (child !== undefined) this.#log.info({ pid: child.pid }, 'Janus stopped');
    })().finally(() => {
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
    const launch = await this.#prepare();
    if (this.#stopRequested) throw new JanusStartError('the gateway was stopped while starting');
    const supervisor = new Supervisor<NativeRun>({
      launch,
      policy: { ...DEFAULT_RESTART_POLICY, ...this.#options.restartPolicy },
      logger: this.#log,
      emit: (event) => {
        this.#emit(event);
      },
    });
    this.#supervisor = supervisor;
    await supervisor.start();
  }

  /** Writes the config (fresh secrets) and returns how to launch Janus on it and wait until it answers. */
  async #prepare(): Promise<() => Promise<NativeRun>> {
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
      ...(opts.templatesDir === undefined ? {} : { templatesDir: opts.templatesDir }),
    });
    const { secrets, urls } = folder;
    const redact = [secrets.apiSecret ?? '', secrets.adminSecret, secrets.streamingAdminKey];
    const target: JanusReadyTarget = {
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
    return async () => {
      const env = opts.env ?? process.env;
      const child = JanusProcess.spawn({ binary, folder, logger: this.#janusLog, redact, env });
      const began = performance.now();
      const run = await readyOrStopped(
        new NativeRun(child, opts.stopGraceMs),
        `Janus (pid ${child.pid})`,
        target,
      );
      this.#log.info({ pid: child.pid, readyMs: Math.round(performance.now() - began) }, 'Janus is ready');
      return run;
    };
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

/** One Janus process as the supervisor sees it. */
class NativeRun implements SupervisedRun {
  readonly restartedEvent: { type: 'restarted'; pid: number };

  constructor(
    readonly child: JanusProcess,
    readonly graceMs: number | undefined,
  ) {
    this.restartedEvent = { type: 'restarted', pid: child.pid };
  }

  get ended(): Promise<ExitStatus> {
    return this.child.exited;
  }

  /** An alias of `ended`, for whenJanusReady. */
  get exited(): Promise<ExitStatus> {
    return this.child.exited;
  }

  tail(): string {
    return this.child.tail();
  }

  async stop(): Promise<void> {
    await this.child.stop(this.graceMs);
  }
}
