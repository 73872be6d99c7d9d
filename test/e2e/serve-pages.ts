import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A file the page server answers with. */
export interface PageFile {
  type: string;
  body: string;
}

/** Serves fixed files on 127.0.0.1 (`port`, default a free one); returns the base URL and a close function. */
export async function servePages(
  files: Record<string, PageFile>,
  port = 0,
): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((request, response) => {
    const file = files[(request.url ?? '/').split('?')[0] ?? '/'];
    if (!file) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': file.type, 'cache-control': 'no-store' }).end(file.body);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => {
          resolve();
        });
        // A browser keeps idle keep-alive connections open; don't wait for it to let go.
        server.closeAllConnections();
      }),
  };
}
