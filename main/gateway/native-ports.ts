// The bundled Janus's TCP listeners: defaults, the `vigil serve` flags that change them, and a check that
// each port is free before Janus starts (Janus itself only logs a bind failure and runs on without that API).
import { createServer } from 'node:net';

import { JanusPortInUseError } from './errors';
import type { JanusListener } from './janus-config';

/** The bundled Janus's listeners; `adminWs` is off unless given. */
export interface NativePorts {
  http: number;
  ws: number;
  adminHttp: number;
  adminWs?: number | undefined;
}

/** Janus's customary ports. */
export const DEFAULT_NATIVE_PORTS: NativePorts = { http: 8088, ws: 8188, adminHttp: 7088 };

/** The `vigil serve` flag that sets each port. */
export const NATIVE_PORT_FLAGS: Record<keyof NativePorts, string> = {
  http: '--janus-http-port',
  ws: '--janus-ws-port',
  adminHttp: '--janus-admin-port',
  adminWs: '--janus-admin-ws-port',
};

const WHAT: Record<keyof NativePorts, string> = {
  http: 'Janus HTTP API',
  ws: 'Janus WebSocket API',
  adminHttp: 'Janus Admin API',
  adminWs: 'Janus Admin WebSocket API',
};

/** Throws JanusPortInUseError naming the first listener whose port cannot be bound, and the flag to change it. */
export async function assertPortsFree(
  listeners: Partial<Record<keyof NativePorts, JanusListener>>,
): Promise<void> {
  const entries = Object.entries(listeners) as [keyof NativePorts, JanusListener][];
  const seen = new Map<number, keyof NativePorts>();
  for (const [name, listener] of entries) {
    const twin = seen.get(listener.port);
    if (twin !== undefined) {
      throw new JanusPortInUseError(
        `the ${WHAT[name]} and the ${WHAT[twin]} are both set to port ${listener.port}: ` +
          `give each its own port (${NATIVE_PORT_FLAGS[name]}, ${NATIVE_PORT_FLAGS[twin]})`,
      );
    }
    seen.set(listener.port, name);
  }
  for (const [name, listener] of entries) {
    const problem = await bindProblem(listener);
    if (problem !== undefined) {
      throw new JanusPortInUseError(
        `port ${listener.port} on ${listener.ip} (${WHAT[name]}) ${problem}: stop the program that ` +
          `uses it, or start Vigil with another port, e.g. ${NATIVE_PORT_FLAGS[name]} ${suggestion(listener.port)}`,
      );
    }
  }
}

function suggestion(port: number): number {
  return port + 10_000 <= 65535 ? port + 10_000 : port - 10_000;
}

function bindProblem(listener: JanusListener): Promise<string | undefined> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') resolve('is already in use by another program');
      else if (error.code === 'EACCES') resolve('may not be used by this user (ports below 1024 need root)');
      else resolve(`cannot be bound (${error.code ?? error.message})`);
    });
    server.listen({ port: listener.port, host: listener.ip, exclusive: true }, () => {
      server.close(() => {
        resolve(undefined);
      });
    });
  });
}
