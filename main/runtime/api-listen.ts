// Where the station's REST API listens: the bind address as a URL, and why it cannot listen (a taken port, a
// foreign address), named with the setting that changes it.
import type { ApiInstance } from '../api/types';
import { StartupError } from './errors';
import type { ApiBinding } from './station-core';

/** Listens on the bind address; a taken port or a foreign address becomes a message naming the setting. */
export async function listen(api: ApiInstance, bind: ApiBinding): Promise<string> {
  try {
    await api.listen({ host: bind.host, port: bind.port });
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : '';
    throw new StartupError(listenProblem(code, bind), 'unusable-setting', { cause: error });
  }
  return bindUrl(bind);
}

/** The URL of the bind address, e.g. `http://127.0.0.1:3000`. */
export function bindUrl(bind: ApiBinding): string {
  const host = bind.host.includes(':') && !bind.host.startsWith('[') ? `[${bind.host}]` : bind.host;
  return `http://${host}:${bind.port}`;
}

/** Why the API cannot listen, and which setting changes it. */
export function listenProblem(code: string, bind: ApiBinding): string {
  const where = `${bind.host}:${bind.port}`;
  const { port, host } = bind.changeWith;
  switch (code) {
    case 'EADDRINUSE':
      return `port ${bind.port} on ${bind.host} is in use by another program: stop it or choose another port (${port})`;
    case 'EACCES':
      return `this user may not listen on ${where} (ports below 1024 need root): choose a port from 1024 up (${port})`;
    case 'EADDRNOTAVAIL':
      return `${bind.host} is not an address of this machine: use 127.0.0.1 or one of its addresses${host === undefined ? '' : ` (${host})`}`;
    default:
      return `cannot listen on ${where} (${code || 'error'})`;
  }
}
