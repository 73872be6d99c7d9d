import { describe, expect, it } from 'vitest';

import { listenProblem } from '../../../main/runtime/api-listen';
import type { ApiBinding } from '../../../main/runtime/station-core';

const serve: ApiBinding = {
  host: '127.0.0.1',
  port: 3000,
  allowedHosts: [],
  corsOrigins: [],
  changeWith: { port: '--port', host: '--host' },
};
const desktop: ApiBinding = { ...serve, port: 7100, changeWith: { port: 'api_port in desktop.json' } };

describe('listenProblem', () => {
  it.each([
    [
      'EADDRINUSE',
      serve,
      'port 3000 on 127.0.0.1 is in use by another program: stop it or choose another port (--port)',
    ],
    [
      'EADDRINUSE',
      desktop,
      'port 7100 on 127.0.0.1 is in use by another program: stop it or choose another port (api_port in desktop.json)',
    ],
    [
      'EACCES',
      { ...serve, port: 80 },
      'this user may not listen on 127.0.0.1:80 (ports below 1024 need root): choose a port from 1024 up (--port)',
    ],
    [
      'EADDRNOTAVAIL',
      { ...serve, host: '192.0.2.99' },
      '192.0.2.99 is not an address of this machine: use 127.0.0.1 or one of its addresses (--host)',
    ],
    [
      'EADDRNOTAVAIL',
      desktop,
      '127.0.0.1 is not an address of this machine: use 127.0.0.1 or one of its addresses',
    ],
    ['', serve, 'cannot listen on 127.0.0.1:3000 (error)'],
    ['EMFILE', serve, 'cannot listen on 127.0.0.1:3000 (EMFILE)'],
  ])('%s (%j)', (code, bind, message) => {
    expect(listenProblem(code, bind)).toBe(message);
  });
});
