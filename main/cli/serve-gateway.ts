// What `vigil serve`'s flags say about Janus, handed to runtime (main/runtime/janus-choice.ts decides, with one
// precedence for both hosts): `--janus-mode` and the remote-Janus flags, and how its own Janus listens —
// ports, ICE, UDP ranges, and the origins whose pages may open its WebSockets.
import type { JanusSetup } from '../runtime/janus-gateway';
import type { ServeArgs } from './args';

/** The Janus setup for these flags and this environment; nothing is decided or started yet. */
export function janusSetup(
  args: ServeArgs,
  dataDir: string,
  env: NodeJS.ProcessEnv = process.env,
): Omit<JanusSetup, 'logger'> {
  const { janus } = args;
  return {
    choice: { commandLine: { mode: args.janusMode, remote: args.remoteJanus }, env },
    bundled: {
      dataDir,
      origin: stationOrigin(args),
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
    },
  };
}

/** The origin browsers load the station from: `--public-url`'s, else `http://HOST:PORT`. */
export function stationOrigin(args: Pick<ServeArgs, 'publicUrl' | 'host' | 'port'>): string {
  if (args.publicUrl !== undefined) return args.publicUrl.origin;
  const host = args.host.includes(':') && !args.host.startsWith('[') ? `[${args.host}]` : args.host;
  return new URL(`http://${host}:${args.port}`).origin;
}
