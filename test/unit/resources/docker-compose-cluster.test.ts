// resources/docker-compose.cluster.yml cannot run here (no images can be pulled): this keeps it true to the CLI —
// every `vigil` command in it parses, every station manages its own gateway, and each station's Janus URLs are the
// ports its Janus config writes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

import { parseCommand } from '../../../main/cli/args';

interface Service {
  image?: string;
  command?: string[];
}

const file = join(import.meta.dirname, '../../../resources/docker-compose.cluster.yml');
const services = (parse(readFileSync(file, 'utf8'), { merge: true }) as { services: Record<string, Service> })
  .services;
const vigilServices = Object.entries(services).filter(
  ([, service]) => service.image === 'vigil-station' && service.command !== undefined,
);

/** The value after `flag` in a command. */
function flag(command: readonly string[], name: string): string {
  const value = command[command.indexOf(name) + 1];
  if (!command.includes(name) || value === undefined) throw new Error(`no ${name} in ${command.join(' ')}`);
  return value;
}

describe('docker-compose.cluster.yml', () => {
  it('has NATS, three Janus and the stations managing them', () => {
    expect(Object.keys(services)).toEqual(
      expect.arrayContaining([
        'nats',
        'janus-1',
        'janus-2',
        'janus-3',
        'station-a',
        'station-b',
        'station-c',
      ]),
    );
  });

  it('gives vigil only commands it takes', () => {
    expect(vigilServices.length).toBeGreaterThanOrEqual(6);
    for (const [, service] of vigilServices) expect(() => parseCommand(service.command ?? [])).not.toThrow();
  });

  it('puts every station in the cluster with its own gateway, on the ports its Janus config writes', () => {
    const stations = vigilServices.filter(([, service]) => service.command?.[0] === 'serve');
    const gatewayIds = stations.map(([, service]) => flag(service.command ?? [], '--gateway-id'));
    expect(new Set(gatewayIds).size).toBe(3);
    for (const [, service] of stations) {
      const command = service.command ?? [];
      expect(flag(command, '--cluster')).toBe('nats://127.0.0.1:4222');
      const index = flag(command, '--gateway-id').replace('janus-', '');
      const config = services[`janus-config-${index}`]?.command ?? [];
      expect(flag(command, '--janus-http-url')).toBe(
        `http://127.0.0.1:${flag(config, '--janus-http-port')}/janus`,
      );
      expect(flag(command, '--janus-ws-url')).toBe(`ws://127.0.0.1:${flag(config, '--janus-ws-port')}/janus`);
      expect(flag(command, '--janus-admin-url')).toBe(
        `http://127.0.0.1:${flag(config, '--janus-admin-port')}/admin`,
      );
    }
  });
});
