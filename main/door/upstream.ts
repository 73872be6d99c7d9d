// The door's side of one viewer connection towards Janus: one WebSocket (janus-protocol, the station's Origin) to
// the Janus the station runs on, opened when the viewer's first session is created — and, in a cluster, one to
// each other gateway holding a camera the viewer watches (remote-gateway.ts). While the station's Janus is down
// the opening waits for the station to see it up again, so a player retrying during a Janus restart is answered
// the moment Janus is back rather than refused.
import type { GatewayEndpoints } from '../gateway/gateway';
import WebSocket from 'ws';

import { sleep, type Clock } from '../janus/clock';
import { WS_PROTOCOL } from '../janus/transport/types';
import type { SocketFactory, SocketLike } from '../janus/transport/ws';
import type { DoorStation } from './door-station';

/** Where an open upstream socket reports. */
export interface UpstreamHandlers {
  message(text: string): void;
  close(code: number, reason: string): void;
}

/** What opening an upstream needs. */
export interface UpstreamDeps {
  station: Pick<DoorStation, 'janusUp' | 'gatewayEndpoints' | 'onEvent'>;
  clock: Clock;
  socketFactory: SocketFactory;
}

const CONNECT_TIMEOUT_MS = 5_000;
const RETRY_MS = 250;

/**
 * The door's sockets to Janus: `ws` (lean on every frame, as a relay must be), the station's Origin, no
 * compression.
 */
export const wsSocketFactory: SocketFactory = (url, protocol, handlers, origin) => {
  const socket = new WebSocket(url, protocol, {
    perMessageDeflate: false,
    ...(origin === undefined ? {} : { origin }),
  });
  socket.on('open', () => {
    handlers.open();
  });
  socket.on('message', (data: Buffer, binary: boolean) => {
    if (!binary) handlers.message(data.toString('utf8'));
  });
  socket.on('close', (code: number, reason: Buffer) => {
    handlers.close(code, reason.toString('utf8'));
  });
  socket.on('error', () => {
    // A 'close' follows every error.
  });
  return {
    get isOpen() {
      return socket.readyState === WebSocket.OPEN;
    },
    send: (data) => {
      socket.send(data);
    },
    close: (code, reason) => {
      socket.close(code, reason);
    },
  };
};

/** Thrown when Janus could not be reached before the hold ended. */
class UpstreamUnavailableError extends Error {
  override readonly name = 'UpstreamUnavailableError';
}

/**
 * Opens a WebSocket to the station's Janus, waiting for Janus to be up and retrying until `deadline` (ms epoch);
 * rejects with UpstreamUnavailableError after it, or when `signal` aborts. To `gateway`, another one of the
 * cluster, it tries once.
 */
export async function openUpstream(
  deps: UpstreamDeps,
  handlers: UpstreamHandlers,
  deadline: number,
  signal: AbortSignal,
  gateway?: GatewayEndpoints,
): Promise<SocketLike> {
  const { clock, station } = deps;
  for (;;) {
    if (signal.aborted) throw new UpstreamUnavailableError('the viewer went away');
    const left = deadline - clock.now();
    if (left <= 0) throw new UpstreamUnavailableError('Janus is not reachable now; the station keeps trying');
    if (gateway === undefined && !station.janusUp) {
      await janusUp(station, clock, left, signal);
      continue;
    }
    try {
      const endpoints = gateway ?? station.gatewayEndpoints();
      return await connect(deps, endpoints, handlers, Math.min(left, CONNECT_TIMEOUT_MS));
    } catch (error) {
      // Another gateway of the cluster that cannot be reached is not waited for: placement moves its cameras,
      // and the player's next watch finds them where they are then.
      if (gateway !== undefined) throw error;
      await sleep(clock, Math.min(RETRY_MS, Math.max(0, deadline - clock.now())), signal);
    }
  }
}

/** Resolves when the station sees Janus up, after `ms`, or when `signal` aborts. */
function janusUp(
  station: UpstreamDeps['station'],
  clock: Clock,
  ms: number,
  signal: AbortSignal,
): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      off();
      cancel();
      signal.removeEventListener('abort', done);
      resolve();
    };
    const off = station.onEvent((event) => {
      if (event.type === 'gateway.up' && event.gateway_id === undefined) done();
    });
    const cancel = clock.setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

/** One connect attempt: resolves with the open socket, rejects if it closes first or takes longer than `ms`. */
function connect(
  deps: UpstreamDeps,
  { urls, origin }: GatewayEndpoints,
  handlers: UpstreamHandlers,
  ms: number,
): Promise<SocketLike> {
  return new Promise((resolve, reject) => {
    let opened = false;
    const socket = deps.socketFactory(
      urls.ws,
      WS_PROTOCOL.api,
      {
        open: () => {
          opened = true;
          cancel();
          resolve(socket);
        },
        message: (text) => {
          handlers.message(text);
        },
        close: (code, reason) => {
          cancel();
          if (opened) handlers.close(code, reason);
          else reject(new UpstreamUnavailableError(`Janus refused the connection (code ${code})`));
        },
      },
      origin,
    );
    const cancel = deps.clock.setTimeout(() => {
      socket.close(1000, 'connect timeout');
      reject(new UpstreamUnavailableError(`Janus did not answer within ${ms} ms`));
    }, ms);
  });
}
