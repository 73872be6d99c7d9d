// Which Janus `vigil serve` uses: a remote one when any Janus URL is given (flags, JANUS_* environment, secrets
// file), else its own Janus — a native process or, with --janus-mode container, a Docker container — whose
// allow_origin is exactly the station's public origin (only the station and its Janus door connect to it).
import type { Logger } from 'pino';

import { createContainerGateway } from '../gateway/container-janus';
import type { Gateway } from '../gateway/gateway';
import { createNativeGateway } from '../gateway/native-janus';
import { resolveGatewaySettings } from '../gateway/remote-config';
import { createRemoteGateway } from '../gateway/remote-janus';
import type { ServeArgs } from './args';
import { UsageError } from './cli-error';

/** A gateway plus a promise that settles if its supervisor gives up on Janus (never, for a remote one). */
export type StationGateway = Gateway & { gaveUp: Promise<{ reason: string }> };

/** The gateway for these flags and this environment; nothing starts until `start()`. */
export function setupGateway(
  args: ServeArgs,
  dataDir: string,
  logger: Logger,
  env: NodeJS.ProcessEnv = process.env,
): StationGateway {
  const settings = resolveGatewaySettings({ flags: args.remoteJanus, env });
  if (settings.mode === 'remote' && args.janusMode === 'container') {
    throw new UsageError(
      '--janus-mode container runs a Janus of its own: leave out the remote Janus URLs (flags, JANUS_* ' +
        'environment, secrets file), or leave out --janus-mode to use that remote Janus',
      'serve',
    );
  }
  const { janus } = args;
  const bundled = {
    dataDir,
    origin: stationOrigin(args),
    logger,
    ports: {
      ...(janus.httpPort === undefined ? {} : { http: janus.httpPort }),
      ...(janus.wsPort === undefined ? {} : { ws: janus.wsPort }),
      ...(janus.adminPort === undefined ? {} : { adminHttp: janus.adminPort }),
      ...(janus.adminWsPort === undefined ? {} : { adminWs: janus.adminWsPort }),
    },
    iceInterface: janus.iceInterface,
    iceEnforceList: janus.iceEnforceList,
    ...(janus.rtpPorts === undefined ? {} : { mediaRtpPortRange: janus.rtpPorts }),
    ...(janus.streamingPorts === undefined ? {} : { streamingRtpPortRange: janus.streamingPorts }),
  };
  const gateway =
    settings.mode === 'remote'
      ? createRemoteGateway({
          urls: settings.urls,
          secrets: settings.secrets,
          origin: settings.origin,
          logger,
        })
      : args.janusMode === 'container'
        ? createContainerGateway({ ...bundled, env })
        : createNativeGateway(bundled);
  const gaveUp = new Promise<{ reason: string }>((resolve) => {
    gateway.onEvent((event) => {
      if (event.type === 'gave-up') resolve({ reason: event.reason });
    });
  });
  return Object.assign(gateway, { gaveUp });
}

/** The origin browsers load the station from: `--public-url`'s, else `http://HOST:PORT`. */
export function stationOrigin(args: Pick<ServeArgs, 'publicUrl' | 'host' | 'port'>): string {
  if (args.publicUrl !== undefined) return args.publicUrl.origin;
  const host = args.host.includes(':') && !args.host.startsWith('[') ? `[${args.host}]` : args.host;
  return new URL(`http://${host}:${args.port}`).origin;
}
