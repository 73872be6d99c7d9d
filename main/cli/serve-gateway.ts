// Which Janus `vigil serve` uses: a remote one when any Janus URL is given (flags, JANUS_* environment, secrets
// file), else the bundled native Janus, whose allow_origin is the station's public origin.
import type { Logger } from 'pino';

import type { Gateway } from '../gateway/gateway';
import { janusAllowOrigin } from '../gateway/janus-allow-origin';
import { createNativeGateway } from '../gateway/native-janus';
import { resolveGatewaySettings } from '../gateway/remote-config';
import { createRemoteGateway } from '../gateway/remote-janus';
import type { ServeArgs } from './args';

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
  const gateway =
    settings.mode === 'remote'
      ? createRemoteGateway({
          urls: settings.urls,
          secrets: settings.secrets,
          origin: settings.origin,
          logger,
        })
      : createNativeGateway({
          dataDir,
          origin: stationOrigin(args),
          allowOrigin: bundledAllowOrigin(args, logger),
          logger,
          ports: {
            ...(args.janus.httpPort === undefined ? {} : { http: args.janus.httpPort }),
            ...(args.janus.wsPort === undefined ? {} : { ws: args.janus.wsPort }),
            ...(args.janus.adminPort === undefined ? {} : { adminHttp: args.janus.adminPort }),
            ...(args.janus.adminWsPort === undefined ? {} : { adminWs: args.janus.adminWsPort }),
          },
          iceInterface: args.janus.iceInterface,
          iceEnforceList: args.janus.iceEnforceList,
          ...(args.janus.rtpPorts === undefined ? {} : { mediaRtpPortRange: args.janus.rtpPorts }),
          ...(args.janus.streamingPorts === undefined
            ? {}
            : { streamingRtpPortRange: args.janus.streamingPorts }),
        });
  const gaveUp = new Promise<{ reason: string }>((resolve) => {
    gateway.onEvent((event) => {
      if (event.type === 'gave-up') resolve({ reason: event.reason });
    });
  });
  return Object.assign(gateway, { gaveUp });
}

/** The bundled Janus's allow_origin: pages of the station and of every `--cors-origin` portal may open WebSockets. */
function bundledAllowOrigin(args: ServeArgs, logger: Logger): string | null {
  const allow = janusAllowOrigin(stationOrigin(args), args.corsOrigins);
  if (allow === null) {
    logger.warn(
      { corsOrigins: args.corsOrigins },
      'the --cors-origin portals share no origin prefix with the station: the bundled Janus cannot enforce CORS ' +
        '(viewers still need a station token)',
    );
  }
  return allow;
}

/** The origin browsers load the station from: `--public-url`'s, else `http://HOST:PORT`. */
export function stationOrigin(args: Pick<ServeArgs, 'publicUrl' | 'host' | 'port'>): string {
  if (args.publicUrl !== undefined) return args.publicUrl.origin;
  const host = args.host.includes(':') && !args.host.startsWith('[') ? `[${args.host}]` : args.host;
  return new URL(`http://${host}:${args.port}`).origin;
}
