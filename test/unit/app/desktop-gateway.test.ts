import pino from 'pino';
import { describe, expect, it } from 'vitest';

import { createDesktopGateway } from '../../../main/app/desktop-gateway';

const options = {
  dataDir: '/tmp/vigil-desktop-gateway-unused',
  logger: pino({ level: 'silent' }),
  files: { janusTemplates: '/opt/Vigil/resources/config', janusImage: '/opt/Vigil/resources/janus' },
};

describe('createDesktopGateway', () => {
  it.each(['native', 'container'] as const)('makes a %s Janus without starting it', (mode) => {
    expect(createDesktopGateway(mode, { ...options, env: {} }).mode).toBe(mode);
  });

  it('makes a remote Janus from the JANUS_* environment', () => {
    const env = {
      JANUS_HTTP_URL: 'http://127.0.0.1:8088/janus',
      JANUS_WS_URL: 'ws://127.0.0.1:8188/janus',
      JANUS_ADMIN_URL: 'http://127.0.0.1:7088/admin',
      JANUS_ADMIN_SECRET: 'admin-secret',
      JANUS_STREAMING_ADMIN_KEY: 'streaming-key',
    };
    const gateway = createDesktopGateway('remote', { ...options, env });
    expect(gateway.mode).toBe('remote');
  });

  it('says which settings a remote Janus needs when none are given', () => {
    expect(() => createDesktopGateway('remote', { ...options, env: {} })).toThrow(
      /no Janus URL is configured: set JANUS_HTTP_URL.*or pick a bundled Janus in Settings/,
    );
  });
});
