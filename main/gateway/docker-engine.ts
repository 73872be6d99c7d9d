// The Docker engine the container gateway talks to (Docker Engine API through dockerode): where it is
// (a DOCKER_HOST-style address, or the platform's default socket) and a first ping whose failure says which
// setting to fix, why the engine did not answer and what to do.
import Docker from 'dockerode';

import { DockerUnavailableError } from './errors';

/** A Docker engine address and the setting it came from (for error messages). */
export interface DockerHost {
  /** `unix:///var/run/docker.sock`, `npipe:////./pipe/docker_engine` or `tcp://127.0.0.1:2375`. */
  address: string;
  /** Where the address was set, e.g. `DOCKER_HOST` or `the default`. */
  setting: string;
}

const UNIX_DEFAULT = 'unix:///var/run/docker.sock';
const WINDOWS_DEFAULT = 'npipe:////./pipe/docker_engine';
const PING_TIMEOUT_MS = 5_000;
const OTHER_MODES = 'or switch Vigil\'s Janus to "native" or "remote" in the settings';

/** The engine address: the given one, else DOCKER_HOST, else the platform's default socket. */
export function resolveDockerHost(
  given: DockerHost | undefined,
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
): DockerHost {
  if (given !== undefined) return given;
  const fromEnv = env.DOCKER_HOST;
  if (fromEnv !== undefined && fromEnv !== '') return { address: fromEnv, setting: 'DOCKER_HOST' };
  return { address: platform === 'win32' ? WINDOWS_DEFAULT : UNIX_DEFAULT, setting: 'the default' };
}

/** dockerode's connection options for an address; throws DockerUnavailableError for one it cannot use. */
export function dockerConnectionOptions(host: DockerHost): Docker.DockerOptions {
  const { address, setting } = host;
  const scheme = /^([a-z]+):\/\//.exec(address)?.[1];
  const rest = address.slice(`${scheme ?? ''}://`.length);
  switch (scheme) {
    case 'unix':
    case 'npipe':
      if (rest !== '') return { socketPath: rest };
      break;
    case 'tcp': {
      const url = new URL(`http://${rest}`);
      if (url.hostname !== '' && url.port !== '')
        return { protocol: 'http', host: url.hostname, port: Number(url.port) };
      break;
    }
  }
  throw new DockerUnavailableError(
    setting,
    `the Docker engine address "${address}" (${setting}) is not one Vigil can use: give ` +
      `unix:///var/run/docker.sock, npipe:////./pipe/docker_engine or tcp://HOST:PORT (no TLS)`,
  );
}

/** Connects to the engine and pings it; throws DockerUnavailableError naming the setting and the fix. */
export async function connectDocker(host: DockerHost): Promise<Docker> {
  const docker = new Docker({ ...dockerConnectionOptions(host), timeout: PING_TIMEOUT_MS });
  try {
    await docker.ping();
  } catch (error) {
    throw new DockerUnavailableError(host.setting, unreachableMessage(host, error), { cause: error });
  }
  // The ping's timeout would also cut long builds and log streams short: use a client without one.
  return new Docker(dockerConnectionOptions(host));
}

/** Why the engine at `host` did not answer, and what to do, from the error's errno code. */
export function unreachableMessage(host: DockerHost, error: unknown): string {
  const code = error instanceof Error && 'code' in error ? String(error.code) : '';
  const where = `the Docker engine at ${host.address} (${host.setting})`;
  switch (code) {
    case 'ENOENT':
      return (
        `${where} does not exist: install Docker (Docker Desktop on macOS and Windows, the docker.io or ` +
        `docker-ce package on Linux) and start it, set DOCKER_HOST to where it listens, ${OTHER_MODES}`
      );
    case 'EACCES':
    case 'EPERM':
      return (
        `${where} refuses this user: add the user to the docker group (then log in again) or use ` +
        `rootless Docker and set DOCKER_HOST to its socket, ${OTHER_MODES}`
      );
    case 'ECONNREFUSED':
      return `${where} is not running: start Docker (e.g. "systemctl start docker" or Docker Desktop), ${OTHER_MODES}`;
    default:
      return (
        `${where} does not answer (${code || (error instanceof Error ? error.message : String(error))}): ` +
        `check that Docker runs and DOCKER_HOST points at it, ${OTHER_MODES}`
      );
  }
}
