// The bundled Janus, started and supervised by the station: stops a Janus a killed earlier run left on the same
// folder, renders a config folder into <dataDir>/janus/ (fresh secrets per start(); restarts after a crash reuse
// them), listens on 127.0.0.1 only, runs `janus -C … -F …` tied to the station's life (its PID in janus.pid),
// waits until it answers, restarts it with capped exponential backoff when it dies, gives up on a crash loop,
// and stops it by PID. Secrets never reach a log line or an error message.
import { join } from 'node:path';

import type { Logger } from 'pino';

import type { Gateway } from './gateway';
import { findJanusBinary, findJanusLibDir } from './janus-binary';
import { bundledJanusConfig } from './bundled-config';
import { configFileIn, writeJanusConfigFolder } from './janus-config-folder';
import { JanusProcess, type ExitStatus } from './janus-process';
import { forgetJanusPid, stopLeftoverJanus, writeJanusPid, type JanusFolder } from './leftover-janus';
import { assertPortsFree } from './native-ports';
import { SupervisedJanus, type SupervisedJanusOptions } from './supervised-janus';
import { readyOrStopped, type SupervisedRun, type SupervisorState } from './supervisor';

/** Options of `createNativeGateway`; everything but `dataDir`, `origin` and `logger` has a default. */
/** Config goes to `<dataDir>/janus/` (mode 0700, files 0600); Janus gets 10 s to answer after each spawn. */
export interface NativeGatewayOptions extends SupervisedJanusOptions {
  /** The janus binary (default: VIGIL_JANUS_BIN, PATH, /usr/bin/janus). */
  binary?: string | undefined;
  /** The folder holding Janus's plugins/ and transports/ (default: the first of JANUS_LIB_DIRS that has them). */
  libDir?: string | undefined;
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

class NativeJanus extends SupervisedJanus<NativeRun> implements NativeGateway {
  readonly mode = 'native';
  readonly #options: NativeGatewayOptions;
  readonly #janusLog: Logger;

  constructor(options: NativeGatewayOptions) {
    super(options.logger.child({ name: 'gateway/native' }), 'native', options.restartPolicy);
    this.#options = options;
    this.#janusLog = options.logger.child({ name: 'gateway/janus' });
  }

  status(): NativeGatewayStatus {
    const child = this.currentRun()?.child;
    return { state: this.state(), pid: child?.isRunning() === true ? child.pid : undefined };
  }

  protected override stopped(run: NativeRun | undefined): void {
    if (run !== undefined) this.log.info({ pid: run.child.pid }, 'Janus stopped');
  }

  protected override async prepare(): Promise<() => Promise<NativeRun>> {
    const opts = this.#options;
    const lookup = { binary: opts.binary, libDir: opts.libDir, env: opts.env };
    const binary = findJanusBinary(lookup);
    const libDir = findJanusLibDir(lookup);
    const { options } = bundledJanusConfig(opts, '127.0.0.1');
    const dir = join(opts.dataDir, 'janus');
    // Before the ports are checked: a Janus a killed station left holds them.
    await stopLeftoverJanus({ configFile: configFileIn(dir), dir }, this.log);
    await assertPortsFree(options.listeners);
    const folder = await writeJanusConfigFolder({
      ...options,
      dir,
      libDir,
      apiSecret: true,
      ...(opts.templatesDir === undefined ? {} : { templatesDir: opts.templatesDir }),
    });
    const { secrets, urls } = folder;
    const redact = [secrets.apiSecret ?? '', secrets.adminSecret, secrets.streamingAdminKey];
    const target = this.listenAt(urls, secrets, opts.origin, opts.readyTimeoutMs ?? 10_000);
    return async () => {
      const env = opts.env ?? process.env;
      const child = JanusProcess.spawn({ binary, folder, logger: this.#janusLog, redact, env });
      await writeJanusPid(folder, child.pid, this.log);
      const began = performance.now();
      const run = await readyOrStopped(
        new NativeRun(child, folder, opts.stopGraceMs),
        `Janus (pid ${child.pid})`,
        target,
      );
      this.log.info({ pid: child.pid, readyMs: Math.round(performance.now() - began) }, 'Janus is ready');
      return run;
    };
  }
}

/** One Janus process as the supervisor sees it. */
class NativeRun implements SupervisedRun {
  readonly restartedEvent: { type: 'restarted'; pid: number };
  readonly ended: Promise<ExitStatus>;

  constructor(
    readonly child: JanusProcess,
    folder: JanusFolder,
    readonly graceMs: number | undefined,
  ) {
    this.restartedEvent = { type: 'restarted', pid: child.pid };
    // Ended once its PID file no longer names it.
    this.ended = child.exited.then(async (status) => {
      await forgetJanusPid(folder, child.pid).catch(() => undefined);
      return status;
    });
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
    await this.ended;
  }
}
