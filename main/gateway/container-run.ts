// One run of the Janus container: created, started, its output streamed into the station log, its end
// observed through the Engine API's wait, and stopped and removed by its ID. A container the gateway left
// behind (the station was killed) is found by name and label and removed before the next run.
import { constants } from 'node:os';
import { PassThrough } from 'node:stream';

import type Docker from 'dockerode';
import type { Logger } from 'pino';

import { JanusImageError } from './errors';
import { JanusLog } from './janus-log';
import type { ExitStatus, StartedProcess } from './janus-process';
import type { SupervisedRun } from './supervisor';

/** The label every Janus container of a station carries: `org.vigil.janus=<station key>`. */
export const CONTAINER_LABEL = 'org.vigil.janus';

/** `docker kill`'s 137 is SIGKILL: exit codes above 128 name the signal that ended Janus. */
export function exitStatusOf(statusCode: number): ExitStatus {
  const signal = Object.entries(constants.signals).find(([, number]) => number === statusCode - 128)?.[0];
  return statusCode > 128 && signal !== undefined
    ? { code: null, signal: signal as NodeJS.Signals }
    : { code: statusCode, signal: null };
}

/** Removes a container named `name` that this station left behind; refuses to touch anyone else's. */
export async function removeLeftover(docker: Docker, name: string, stationKey: string): Promise<void> {
  const found = await docker.listContainers({ all: true, filters: { name: [name] } });
  const same = found.find((info) => info.Names.includes(`/${name}`));
  if (same === undefined) return;
  if (same.Labels[CONTAINER_LABEL] !== stationKey) {
    throw new JanusImageError(
      'the Janus container name',
      `a container named ${name} exists and was not started by this Vigil station: remove or rename it ` +
        `("docker rm -f ${name}" if it is a Janus you no longer need)`,
    );
  }
  await docker.getContainer(same.Id).remove({ force: true });
}

/** A started Janus container. */
export class ContainerRun implements SupervisedRun, StartedProcess {
  /** Resolves once the container has stopped (unknown status when the engine went away). */
  readonly ended: Promise<ExitStatus>;
  readonly restartedEvent: { type: 'restarted'; pid: number; containerId: string };
  readonly #container: Docker.Container;
  readonly #log: JanusLog;
  readonly #graceSeconds: number;
  #stopping: Promise<void> | undefined;

  private constructor(
    container: Docker.Container,
    pid: number,
    log: JanusLog,
    ended: Promise<ExitStatus>,
    graceMs: number,
  ) {
    this.#container = container;
    this.#log = log;
    this.ended = ended;
    this.#graceSeconds = Math.max(1, Math.ceil(graceMs / 1000));
    this.restartedEvent = { type: 'restarted', pid, containerId: container.id };
  }

  /** Creates and starts a container from `spec`; its output goes to `logger` with `redact` applied. */
  static async start(
    docker: Docker,
    spec: Docker.ContainerCreateOptions,
    logging: { logger: Logger; redact: readonly string[] },
    graceMs: number,
  ): Promise<ContainerRun> {
    const container = await docker.createContainer(spec);
    const shortId = container.id.slice(0, 12);
    const log = new JanusLog({ ...logging, bindings: { container: shortId } });
    try {
      await container.start();
      // 'not-running' after start: answers at once if Janus already died, else when it does.
      const ended = container.wait({ condition: 'not-running' }).then(
        (result: { StatusCode: number }) => exitStatusOf(result.StatusCode),
        (error: unknown) => {
          logging.logger.warn({ err: error, container: shortId }, 'lost track of the Janus container');
          return { code: null, signal: null };
        },
      );
      const info = await container.inspect();
      await streamLogs(docker, container, log);
      return new ContainerRun(container, info.State.Pid, log, ended, graceMs);
    } catch (error) {
      await container.remove({ force: true }).catch(() => undefined);
      throw error;
    }
  }

  /** An alias of `ended`, for whenJanusReady. */
  get exited(): Promise<ExitStatus> {
    return this.ended;
  }

  /** The container's ID. */
  get id(): string {
    return this.#container.id;
  }

  tail(): string {
    return this.#log.tail();
  }

  /** `docker stop` (SIGTERM, SIGKILL after the grace), then removes the container; idempotent. */
  stop(): Promise<void> {
    this.#stopping ??= (async () => {
      await this.#container.stop({ t: this.#graceSeconds }).catch(ignoreGone);
      await this.ended;
      await this.#container.remove({ force: true }).catch(ignoreGone);
    })();
    return this.#stopping;
  }
}

/** Follows the container's stdout and stderr (multiplexed: no TTY) into Janus's log. */
async function streamLogs(docker: Docker, container: Docker.Container, log: JanusLog): Promise<void> {
  const stream = await container.logs({ follow: true, stdout: true, stderr: true });
  const out = new PassThrough();
  const err = new PassThrough();
  docker.modem.demuxStream(stream, out, err);
  stream.once('end', () => {
    out.end();
    err.end();
  });
  log.pipe(out);
  log.pipe(err);
}

/** 304 (already stopped) and 404 (already removed) mean the job is done. */
function ignoreGone(error: unknown): void {
  const status = error instanceof Error && 'statusCode' in error ? error.statusCode : undefined;
  if (status !== 304 && status !== 404) throw error;
}
