// `vigil serve --cluster` flags for this station's gateway in the cluster's registry: its id and its capacity
// (placement weight, most cameras, most viewers). Each mistake is a UsageError naming the flag and the fix.
import { UsageError } from './cli-error';
import { stringValue, type OptionSpecs, type ParsedOptions } from './options';
import { parseCount } from './values';

/** The gateway flags of `vigil serve` (cluster mode only). */
export const CLUSTER_GATEWAY_OPTIONS = {
  'gateway-id': {
    type: 'string',
    value: 'ID',
    help: "Cluster mode: this station's Janus in the gateway registry (letters, digits, - and _; default the station id)",
  },
  'gateway-weight': {
    type: 'string',
    value: 'N',
    help: 'Cluster mode: placement weight, e.g. 2 for a machine twice as strong (1 to 100, default 1)',
  },
  'gateway-max-cameras': {
    type: 'string',
    value: 'N',
    help: 'Cluster mode: the most cameras placed on this Janus (default 500)',
  },
  'gateway-max-viewers': {
    type: 'string',
    value: 'N',
    help: 'Cluster mode: the most viewers this Janus serves (default 1000)',
  },
} as const satisfies OptionSpecs;

/** This station's gateway as the flags say. */
export interface GatewayArgs {
  id?: string | undefined;
  capacity?: { weight?: number; maxCameras?: number; maxViewers?: number } | undefined;
}

const GATEWAY_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/** The gateway flags of `p`; any of them without `--cluster` is refused. */
export function parseGatewayArgs(p: ParsedOptions, topic: string, clustered: boolean): GatewayArgs {
  const flag = (name: keyof typeof CLUSTER_GATEWAY_OPTIONS): string | undefined => stringValue(p, name);
  const given = Object.keys(CLUSTER_GATEWAY_OPTIONS).find((name) => stringValue(p, name) !== undefined);
  if (given === undefined) return {};
  if (!clustered) {
    throw new UsageError(
      `--${given} needs --cluster URLS (the NATS servers): gateways are a cluster's`,
      topic,
    );
  }
  const id = flag('gateway-id');
  if (id !== undefined && !GATEWAY_ID.test(id)) {
    throw new UsageError(
      `--gateway-id must be 1 to 64 letters, digits, - or _ (starting with a letter or digit), got "${id}"`,
      topic,
    );
  }
  const count = (name: keyof typeof CLUSTER_GATEWAY_OPTIONS, max: number): number | undefined => {
    const text = flag(name);
    return text === undefined ? undefined : parseCount(`--${name}`, text, topic, max);
  };
  const weight = count('gateway-weight', 100);
  const maxCameras = count('gateway-max-cameras', 9999);
  const maxViewers = count('gateway-max-viewers', 9999);
  return {
    ...(id === undefined ? {} : { id }),
    capacity: {
      ...(weight === undefined ? {} : { weight }),
      ...(maxCameras === undefined ? {} : { maxCameras }),
      ...(maxViewers === undefined ? {} : { maxViewers }),
    },
  };
}
