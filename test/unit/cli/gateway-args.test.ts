import { describe, expect, it } from 'vitest';

import { parseCommand } from '../../../main/cli/args';
import { usageMessage } from './usage-message';

const CLUSTER = ['serve', '--cluster', 'nats://127.0.0.1:4222', '--cluster-key', '/etc/vigil/cluster.key'];

describe('vigil serve --gateway-*', () => {
  it("takes this station's gateway id and capacity in cluster mode", () => {
    const command = parseCommand([
      ...CLUSTER,
      ...['--gateway-id', 'janus-east', '--gateway-weight', '2'],
      ...['--gateway-max-cameras', '120', '--gateway-max-viewers', '400'],
    ]);
    expect(command).toMatchObject({
      kind: 'serve',
      args: {
        cluster: {
          gateway: { id: 'janus-east', capacity: { weight: 2, maxCameras: 120, maxViewers: 400 } },
        },
      },
    });
  });

  it('defaults to the station id and the registry defaults when not given', () => {
    expect(parseCommand(CLUSTER)).toMatchObject({ args: { cluster: { gateway: {} } } });
  });

  it('refuses gateway flags without --cluster, a bad id and a bad count, naming the flag', () => {
    expect(usageMessage(['serve', '--gateway-id', 'j1'])).toBe(
      "--gateway-id needs --cluster URLS (the NATS servers): gateways are a cluster's",
    );
    expect(usageMessage([...CLUSTER, '--gateway-id', 'has space'])).toMatch(/^--gateway-id must be 1 to 64/);
    expect(usageMessage([...CLUSTER, '--gateway-weight', '0'])).toBe(
      '--gateway-weight must be a whole number from 1 to 100, got "0"',
    );
  });
});
