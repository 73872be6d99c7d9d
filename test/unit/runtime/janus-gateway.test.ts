import pino from 'pino';
import { describe, expect, it } from 'vitest';

import { createJanusGateway, type JanusSetup } from '../../../main/runtime/janus-gateway';

const setup: JanusSetup = {
  choice: { env: {} },
  bundled: {
    dataDir: '/tmp/vigil-janus-gateway-unused',
    origin: 'vigil://wall',
    templatesDir: '/opt/Vigil/resources/config',
    image: { dockerfileDir: '/opt/Vigil/resources/janus' },
  },
  logger: pino({ level: 'silent' }),
};

describe('createJanusGateway', () => {
  it.each(['native', 'container'] as const)('makes a %s Janus without starting it', (mode) => {
    expect(createJanusGateway({ mode, decidedBy: 'test' }, setup).mode).toBe(mode);
  });

  it('makes a remote Janus from the choice', () => {
    const gateway = createJanusGateway(
      {
        mode: 'remote',
        urls: {
          http: 'http://127.0.0.1:8088/janus',
          ws: 'ws://127.0.0.1:8188/janus',
          adminHttp: 'http://127.0.0.1:7088/admin',
        },
        secrets: { adminSecret: 'admin-secret', streamingAdminKey: 'streaming-key' },
        decidedBy: 'test',
      },
      setup,
    );
    expect(gateway.mode).toBe('remote');
  });
});
