// The bundled Janus in a container, through the Docker Engine API: builds the image from
// resources/janus/Dockerfile once per engine, removes a container a killed earlier run left (by name and label),
// renders the config (fresh secrets per start(); restarts reuse them) into <dataDir>/janus-container/ mounted
// read-only, runs the container (host networking on Linux, published ports elsewhere), waits until /janus/info
// answers, restarts it with capped backoff when it dies, gives up on a crash loop, and removes it on stop.
// Secrets never reach a log line or an error message.
import { createHash } from 'node:crypto';
import { join } from 'node:path';

import type Docker from 'dockerode';
import type { Logger } from 'pino';

import { bundledJanusConfig } from './bundled-config';
import { containerNetwork, PUBLISHED_PORT_RANGES } from './container-network';
import { CONTAINER_CONFIG_DIR, containerUser, writeContainerConfig } from './container-config';
import { ensureJanusImage, type JanusImageOptions } from './container-image';
import { CONTAINER_LABEL, ContainerRun, removeLeftover } from './container-run';
import { connectDocker, resolveDockerHost, type DockerHost } from './docker-engine';
import type { Gateway } from './gateway';
import { janusUrls } from './janus-config';
import { assertPortsFree } from './native-ports';
import { SupervisedJanus, type SupervisedJanusOptions } from './supervised-janus';
import { readyOrStopped, type SupervisorState } from './supervisor';

/** Options of `createContainerGateway`; everything but `dataDir`, `origin` and `logger` has a default. */
/** Config goes to `<dataDir>/janus-container/`; Janus gets 20 s to answer after each container start. */
export interface ContainerGatewayOptions extends SupervisedJanusOptions {
  /** The Docker engine (default: DOCKER_HOST, else the platform's default socket). */
  docker?: DockerHost | undefined;
  image?: JanusImageOptions;
  /** The container's name (default `vigil-janus-` and a hash of `dataDir`). */
  containerName?: string | undefined;
  /** Decides host networking (Linux) or published ports (default process.platform). */
  platform?: NodeJS.Platform;
}

/** Where the container gateway is, and its current container. */
export interface ContainerGatewayStatus {
  state: SupervisorState;
  containerId: string | undefined;
  image: string | undefined;
}

/** A Gateway whose Janus runs in a container; `status()` reports its state and container. */
export type ContainerGateway = Gateway & { status(): ContainerGatewayStatus };

/**
 * Creates the container gateway; nothing runs until `start()`. `endpoints` is readable after it.
 * @example
 * const gateway = createContainerGateway({ dataDir, origin: 'http://127.0.0.1:3000', logger });
 * gateway.onEvent((event) => logger.warn({ event }, 'janus'));
 * await gateway.start(); // DockerUnavailableError / JanusImageError name the setting to fix
 */
export function createContainerGateway(options: ContainerGatewayOptions): ContainerGateway {
  return new ContainerJanus(options);
}

class ContainerJanus extends SupervisedJanus<ContainerRun> implements ContainerGateway {
  readonly mode = 'container';
  readonly #options: ContainerGatewayOptions;
  readonly #janusLog: Logger;
  #image: string | undefined;

  constructor(options: ContainerGatewayOptions) {
    super(options.logger.child({ name: 'gateway/container' }), 'container', options.restartPolicy);
    this.#options = options;
    this.#janusLog = options.logger.child({ name: 'gateway/janus' });
  }

  status(): ContainerGatewayStatus {
    return { state: this.state(), containerId: this.currentRun()?.id, image: this.#image };
  }

  protected override stopped(): void {
    this.log.info('Janus container stopped and removed');
  }

  protected override async prepare(): Promise<() => Promise<ContainerRun>> {
    const opts = this.#options;
    const platform = opts.platform ?? process.platform;
    const docker = await connectDocker(resolveDockerHost(opts.docker, opts.env ?? process.env, platform));
    const image = await ensureJanusImage(docker, opts.image ?? {}, this.log);
    this.#image = image.tag;
    this.assertNotStopped();

    const defaults = platform === 'linux' ? undefined : PUBLISHED_PORT_RANGES;
    // The station reaches Janus on its own 127.0.0.1: the same stack (host networking) or published there.
    const { ports, options: onHost } = bundledJanusConfig(opts, '127.0.0.1', defaults);
    const network = containerNetwork({
      platform,
      ports,
      mediaRtpPortRange: onHost.mediaRtpPortRange,
      streamingRtpPortRange: onHost.streamingRtpPortRange,
    });
    const stationKey = createHash('sha256').update(opts.dataDir).digest('hex').slice(0, 12);
    const name = opts.containerName ?? `vigil-janus-${stationKey}`;
    // Before the ports are checked: a container a killed station left (found by name and label) holds them.
    await removeLeftover(docker, name, stationKey);
    await assertPortsFree(onHost.listeners);
    const inside = bundledJanusConfig(opts, network.listenIp, defaults).options;
    const owner = containerUser(process.getuid?.(), process.getgid?.());
    const hostDir = join(opts.dataDir, 'janus-container');
    const secrets = await writeContainerConfig(hostDir, inside, owner, opts.templatesDir);
    const urls = janusUrls(onHost.listeners);
    const target = this.listenAt(urls, secrets, opts.origin, opts.readyTimeoutMs ?? 20_000);
    const spec: Docker.ContainerCreateOptions = {
      name,
      Image: image.tag,
      ...(owner.user === undefined ? {} : { User: owner.user }),
      Cmd: ['-C', `${CONTAINER_CONFIG_DIR}/janus.jcfg`, '-F', CONTAINER_CONFIG_DIR],
      Labels: { [CONTAINER_LABEL]: stationKey },
      ExposedPorts: network.exposedPorts,
      HostConfig: {
        NetworkMode: network.networkMode,
        PortBindings: network.portBindings,
        Binds: [`${hostDir}:${CONTAINER_CONFIG_DIR}:ro`],
        // The station supervises (and removes) the container itself.
        RestartPolicy: { Name: 'no' },
        ReadonlyRootfs: true,
        Tmpfs: { '/tmp': 'rw,noexec,nosuid,size=16m' },
        CapDrop: ['ALL'],
        SecurityOpt: ['no-new-privileges'],
      },
    };
    const redact = [secrets.apiSecret ?? '', secrets.adminSecret, secrets.streamingAdminKey];
    const launch = async (): Promise<ContainerRun> => {
      await removeLeftover(docker, name, stationKey);
      const began = performance.now();
      const run = await ContainerRun.start(
        docker,
        spec,
        { logger: this.#janusLog, redact },
        opts.stopGraceMs ?? 5_000,
      );
      await readyOrStopped(run, `the Janus container ${run.id.slice(0, 12)}`, target);
      const readyMs = Math.round(performance.now() - began);
      this.log.info(
        { container: run.id.slice(0, 12), image: image.tag, readyMs },
        'Janus container is ready',
      );
      return run;
    };
    return launch;
  }
}
