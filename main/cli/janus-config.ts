// `vigil janus-config --out DIR`: a Janus config folder (fresh secrets, CORS enforced to the station's origin,
// api_secret and token_auth on) for a Janus someone runs themselves, e.g. the compose file's container, plus
// DIR/vigil-secrets.json (0600) that `vigil serve --janus-secrets-file` reads.
import { access, chmod, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

import { findJanusLibDir } from '../gateway/janus-binary';
import { writeJanusConfigFolder } from '../gateway/janus-config-folder';
import { DEFAULT_NATIVE_PORTS } from '../gateway/native-ports';
import type { JanusConfigArgs } from './args';
import type { Output } from './output';

/** The secrets file's name inside the config folder. */
export const SECRETS_FILE_NAME = 'vigil-secrets.json';

/** Writes the folder and the secrets file; prints how to run Janus on it and how to point `serve` at it. */
export async function writeJanusConfig(args: JanusConfigArgs, out: Output): Promise<void> {
  const dir = resolve(args.out);
  const secretsFile = join(dir, SECRETS_FILE_NAME);
  if (args.keepExisting && (await exists(secretsFile))) {
    out.stdout(`${dir} already holds a Janus config (${SECRETS_FILE_NAME}); left as it is.\n`);
    return;
  }
  const { janus } = args;
  const at = (port: number): { ip: string; port: number } => ({ ip: args.janusIp, port });
  const listeners = {
    http: at(janus.httpPort ?? DEFAULT_NATIVE_PORTS.http),
    ws: at(janus.wsPort ?? DEFAULT_NATIVE_PORTS.ws),
    adminHttp: at(janus.adminPort ?? DEFAULT_NATIVE_PORTS.adminHttp),
    ...(janus.adminWsPort === undefined ? {} : { adminWs: at(janus.adminWsPort) }),
  };
  const folder = await writeJanusConfigFolder({
    dir,
    libDir: findJanusLibDir(),
    listeners,
    apiSecret: true,
    tokenAuth: true,
    cors: { allowOrigin: args.origin, enforce: true },
    ...(janus.iceInterface === undefined ? {} : { iceInterface: janus.iceInterface }),
    ...(janus.iceEnforceList === undefined ? {} : { iceEnforceList: janus.iceEnforceList }),
    mediaRtpPortRange: janus.rtpPorts ?? { min: 10000, max: 19999 },
    streamingRtpPortRange: janus.streamingPorts ?? { min: 20000, max: 29999 },
    sessionTimeoutSeconds: 60,
    logToStdout: true,
    debugLevel: 4,
  });
  const { secrets } = folder;
  const content = {
    api_secret: secrets.apiSecret,
    admin_secret: secrets.adminSecret,
    streaming_admin_key: secrets.streamingAdminKey,
    origin: args.origin,
  };
  await writeFile(secretsFile, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600 });
  await chmod(secretsFile, 0o600);
  const { urls } = folder;
  out.stdout(
    [
      `Wrote a Janus config to ${dir} (allow_origin ${args.origin}) and its secrets to ${secretsFile} (0600).`,
      `Run Janus:    janus -C ${folder.configFile} -F ${dir}`,
      'Run Vigil:    vigil serve \\',
      `                --janus-http-url ${urls.http} \\`,
      `                --janus-ws-url ${urls.ws} \\`,
      `                --janus-admin-url ${urls.adminHttp} \\`,
      `                --janus-secrets-file ${secretsFile}`,
      '',
    ].join('\n'),
  );
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
