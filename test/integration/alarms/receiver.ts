// A webhook receiver as an integrator writes one: a real HTTP server on 127.0.0.1 that checks each delivery's
// X-Vigil-Signature with its own HMAC-SHA256 (node:crypto, not the station's code) and records what it got.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';

/** One delivery the receiver got. */
export interface Received {
  deliveryId: string;
  event: string;
  body: {
    delivery_id: string;
    type: string;
    at: string;
    event: { alarm?: { alarm_id: string; state: string } };
  };
  signatureValid: boolean;
  at: number;
}

/** A receiver that can be stopped and started again on the same port (a VAS that goes down and comes back). */
export class Receiver {
  readonly received: Received[] = [];
  #server: Server | undefined;

  constructor(
    readonly port: number,
    private readonly secret: string,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}/vigil-hook`;
  }

  /** Starts listening; resolves once it does. */
  start(): Promise<void> {
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const expected = `sha256=${createHmac('sha256', this.secret).update(raw).digest('hex')}`;
        const given = String(request.headers['x-vigil-signature'] ?? '');
        this.received.push({
          deliveryId: String(request.headers['x-vigil-delivery']),
          event: String(request.headers['x-vigil-event']),
          body: JSON.parse(raw) as Received['body'],
          signatureValid:
            given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected)),
          at: Date.now(),
        });
        response.writeHead(204).end();
      });
    });
    this.#server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen({ port: this.port, host: '127.0.0.1' }, () => {
        resolve();
      });
    });
  }

  /** Stops listening and drops open connections (connections are refused until `start`). */
  stop(): Promise<void> {
    const server = this.#server;
    this.#server = undefined;
    if (server === undefined) return Promise.resolve();
    server.closeAllConnections();
    return new Promise((resolve) => {
      server.close(() => {
        resolve();
      });
    });
  }
}
