// A scripted RTSP server on 127.0.0.1 for probe tests: each request goes to a handler that writes
// whatever the test wants (a response, garbage, nothing, or a close).
import { createServer, type Server, type Socket } from 'node:net';

/** One request the fake server received. */
export interface FakeRequest {
  method: string;
  url: string;
  headers: Map<string, string>;
  cseq: string;
}

/** What a handler may do with a request. */
export interface FakeReply {
  /** Writes a response echoing the request's CSeq. */
  respond(status: number, headers?: Record<string, string>, body?: string): void;
  /** Writes raw bytes. */
  raw(text: string): void;
  /** The client socket, for closing or leaving it silent. */
  socket: Socket;
}

/** A listening fake server. */
export interface FakeRtspServer {
  port: number;
  /** `rtsp://127.0.0.1:PORT` + path. */
  url(path: string): string;
  requests: FakeRequest[];
  /** Resolves once every client socket has closed. */
  clientsClosed(): Promise<void>;
  close(): Promise<void>;
}

const REASONS: Record<number, string> = {
  200: 'OK',
  401: 'Unauthorized',
  404: 'Not Found',
  461: 'Unsupported Transport',
};

/** Starts a fake server whose handler answers every request. */
export async function startFakeRtspServer(
  handler: (request: FakeRequest, reply: FakeReply) => void,
): Promise<FakeRtspServer> {
  const requests: FakeRequest[] = [];
  const sockets = new Set<Socket>();
  const closeWaiters: (() => void)[] = [];
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => {
      sockets.delete(socket);
      if (sockets.size === 0)
        closeWaiters.splice(0).forEach((resolve) => {
          resolve();
        });
    });
    let buffer = '';
    socket.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      for (let end = buffer.indexOf('\r\n\r\n'); end !== -1; end = buffer.indexOf('\r\n\r\n')) {
        const request = parseRequest(buffer.slice(0, end));
        buffer = buffer.slice(end + 4);
        requests.push(request);
        handler(request, {
          socket,
          raw: (text) => socket.write(text),
          respond: (status, headers = {}, body = '') => {
            const all = {
              CSeq: request.cseq,
              ...headers,
              ...(body === '' ? {} : { 'Content-Length': String(Buffer.byteLength(body)) }),
            };
            const head = Object.entries(all)
              .map(([k, v]) => `${k}: ${v}\r\n`)
              .join('');
            socket.write(`RTSP/1.0 ${status} ${REASONS[status] ?? 'Status'}\r\n${head}\r\n${body}`);
          },
        });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return {
    port: address.port,
    url: (path) => `rtsp://127.0.0.1:${address.port}${path}`,
    requests,
    clientsClosed: () =>
      sockets.size === 0 ? Promise.resolve() : new Promise((resolve) => closeWaiters.push(resolve)),
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => {
          resolve();
        });
      }),
  };
}

/** A port nothing listens on: bound on 127.0.0.1, then closed. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  await new Promise((resolve) => server.close(resolve));
  return address.port;
}

function parseRequest(text: string): FakeRequest {
  const [line = '', ...rest] = text.split('\r\n');
  const [method = '', url = ''] = line.split(' ');
  const headers = new Map<string, string>();
  for (const header of rest) {
    const colon = header.indexOf(':');
    headers.set(header.slice(0, colon).trim().toLowerCase(), header.slice(colon + 1).trim());
  }
  return { method, url, headers, cseq: headers.get('cseq') ?? '' };
}
