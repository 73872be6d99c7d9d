import { createServer, type Server } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { JanusPortInUseError } from '../../../main/gateway/errors';
import { assertPortsFree } from '../../../main/gateway/native-ports';

let server: Server;
let taken: number;
const at = (port: number) => ({ ip: '127.0.0.1', port });

beforeAll(async () => {
  server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address !== 'object') throw new Error('no port');
  taken = address.port;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe('assertPortsFree', () => {
  it('passes when every port can be bound', async () => {
    await expect(assertPortsFree({ http: at(0) })).resolves.toBeUndefined();
  });

  it('names the taken port, the API and the flag that moves it', async () => {
    const error = await assertPortsFree({ http: at(0), ws: at(taken) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JanusPortInUseError);
    expect((error as JanusPortInUseError).code).toBe('VIGIL_ERR_JANUS_PORT_IN_USE');
    expect((error as Error).message).toMatch(
      new RegExp(
        `^port ${taken} on 127.0.0.1 \\(Janus WebSocket API\\) is already in use by another program: .*--janus-ws-port \\d+$`,
      ),
    );
  });

  it('refuses two APIs on one port', async () => {
    await expect(assertPortsFree({ http: at(taken), adminHttp: at(taken) })).rejects.toThrow(
      new RegExp(
        `Janus Admin API and the Janus HTTP API are both set to port ${taken}.*--janus-admin-port, --janus-http-port`,
      ),
    );
  });
});
