// The lab's Janus: configured by the product's own renderer (main/gateway), bound to 127.0.0.1 on free
// ports, ICE on the namespace's v0 (127.0.0.1 is loopback, which Janus's ICE skips), both api_secret and
// token_auth on. Started through a Launch, so `up` and `startLab` share this code; the command line and the
// wait for readiness are the product's own (main/gateway/janus-process.ts, main/gateway/janus-ready.ts).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { writeJanusConfigFolder, type JanusConfigFolder } from '../../main/gateway/janus-config-folder';
import { janusArgs, whenJanusReady } from '../../main/gateway/janus-process';
import { waitForJanus, type JanusReadyTarget } from '../../main/gateway/janus-ready';
import type { LabJanusJson } from './model';
import { LAB_ICE_ADDRESS, LAB_ICE_INTERFACE } from './netns';
import { freePorts } from './ports';
import { logTail, spawnPart, type Launch, type PartProcess } from './processes';

/** Debian's Janus binary. */
export const JANUS_BINARY = '/usr/bin/janus';

const READY_TIMEOUT_MS = 10_000;
const START_ATTEMPTS = 3;

/** What the lab's Janus varies on. */
export interface LabJanusSettings {
  stateDir: string;
  sessionTimeoutSeconds: number;
  allowOrigin: string;
}

const LISTENERS = ['http', 'adminHttp', 'ws', 'adminWs'] as const;
type LabListeners = Record<(typeof LISTENERS)[number], { ip: string; port: number }>;

/** A written Janus config the lab can start (and restart) Janus on. */
export interface LabJanusConfig {
  folder: JanusConfigFolder<LabListeners>;
  allowOrigin: string;
  logFile: string;
}

/** Writes a config on free ports and starts Janus on it, retrying on fresh ports if Janus cannot bind. */
export async function startJanus(
  settings: LabJanusSettings,
  launch: Launch,
): Promise<{ config: LabJanusConfig; process: PartProcess }> {
  for (let attempt = 1; ; attempt++) {
    const config = await writeLabJanusConfig(settings);
    try {
      return { config, process: await launchJanus(config, launch) };
    } catch (error) {
      if (attempt >= START_ATTEMPTS) throw error;
    }
  }
}

/** Starts Janus on an existing config and resolves once all four APIs answer; stops it on failure. */
export async function launchJanus(config: LabJanusConfig, launch: Launch): Promise<PartProcess> {
  const { folder, logFile } = config;
  const janus = spawnPart({ launch, command: JANUS_BINARY, args: janusArgs(folder), logFile });
  const target: JanusReadyTarget = {
    httpUrl: folder.urls.http,
    admin: { url: folder.urls.adminHttp, secret: folder.secrets.adminSecret },
    wsUrls: [folder.urls.ws, folder.urls.adminWs],
    origin: config.allowOrigin,
    timeoutMs: READY_TIMEOUT_MS,
  };
  try {
    return await whenJanusReady(janus, (signal) => waitInside(target, launch, signal));
  } catch (error) {
    throw new Error(`Janus did not start; log ${logFile}:\n${logTail(logFile)}`, { cause: error });
  }
}

/** The lab JSON for a running Janus. */
export function janusJson(config: LabJanusConfig, pid: number): LabJanusJson {
  const { urls, secrets, dir } = config.folder;
  if (secrets.apiSecret === undefined) throw new Error('the lab config always has an api_secret');
  return {
    http_url: urls.http,
    ws_url: urls.ws,
    admin_url: urls.adminHttp,
    admin_ws_url: urls.adminWs,
    allow_origin: config.allowOrigin,
    api_secret: secrets.apiSecret,
    admin_secret: secrets.adminSecret,
    streaming_admin_key: secrets.streamingAdminKey,
    pid,
    log_file: config.logFile,
    config_dir: dir,
  };
}

async function writeLabJanusConfig(settings: LabJanusSettings): Promise<LabJanusConfig> {
  const ports = await freePorts(LISTENERS);
  const listen = (port: number): { ip: string; port: number } => ({ ip: '127.0.0.1', port });
  const logFile = join(settings.stateDir, 'janus.log');
  const folder = await writeJanusConfigFolder({
    dir: join(settings.stateDir, 'janus-config'),
    listeners: {
      http: listen(ports.http),
      adminHttp: listen(ports.adminHttp),
      ws: listen(ports.ws),
      adminWs: listen(ports.adminWs),
    },
    apiSecret: true,
    tokenAuth: true,
    cors: { allowOrigin: settings.allowOrigin, enforce: true },
    iceInterface: LAB_ICE_ADDRESS,
    iceEnforceList: LAB_ICE_INTERFACE,
    // Below Linux's ephemeral range (32768+), where freePort() finds the TCP ports.
    mediaRtpPortRange: { min: 10000, max: 19999 },
    streamingRtpPortRange: { min: 20000, max: 29999 },
    sessionTimeoutSeconds: settings.sessionTimeoutSeconds,
    logFile,
    logToStdout: false,
    debugLevel: 4,
  });
  return { folder, allowOrigin: settings.allowOrigin, logFile };
}

/** Waits in this process if it runs where Janus runs, else through janus-probe.ts behind the prefix. */
async function waitInside(target: JanusReadyTarget, launch: Launch, signal: AbortSignal): Promise<void> {
  if (launch.prefix.length === 0) return waitForJanus(target, signal);
  const probe = fileURLToPath(new URL('./janus-probe.ts', import.meta.url));
  const tsx = import.meta.resolve('tsx');
  const [command, ...args] = [
    ...launch.prefix,
    process.execPath,
    '--import',
    tsx,
    probe,
    JSON.stringify(target),
  ];
  const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'], signal });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`the in-namespace probe failed (exit ${code}): ${stderr.trim()}`));
    });
  });
}
