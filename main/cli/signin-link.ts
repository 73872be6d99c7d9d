// `vigil signin-link`: a new one-time sign-in link for a browser whose wall session ended. The token goes into
// the data folder's sessions.json (hashed), which a running station reads again when it changes, so the link
// works whether the station runs now or starts later (within the link's 10 minutes).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import pino from 'pino';

import { createRootLogger } from '../base/log';
import { SIGNIN_URL_FILE, setupSessions, writeSignInUrl } from '../runtime/browser-signin';
import { setupCluster } from '../runtime/cluster';
import { Teardown } from '../runtime/teardown';
import type { ClusterArgs } from './cluster-args';
import { ensureDataDir } from './data-dir';
import type { Output } from './output';

const DEFAULT_STATION_URL = 'http://127.0.0.1:3000';

/**
 * Prints a fresh sign-in link for the station in `dataDir`, at `url` or where its last link pointed. With
 * `cluster` the token goes into the cluster (NATS), where every station of it accepts it.
 */
export async function printSignInLink(
  { dataDir, cluster }: { dataDir: string; cluster?: ClusterArgs | undefined },
  url: URL | undefined,
  out: Output,
): Promise<void> {
  await ensureDataDir(dataDir);
  const base = url?.href ?? (await lastStationUrl(dataDir)) ?? DEFAULT_STATION_URL;
  const logger = createRootLogger({ level: 'error' }, pino.destination(2));
  const teardown = new Teardown(logger);
  let link: Awaited<ReturnType<typeof writeSignInUrl>>;
  try {
    const shared =
      cluster === undefined
        ? undefined
        : (await setupCluster(cluster, { dataDir, name: 'vigil-signin-link', logger }, teardown)).stores
            .sessions;
    link = await writeSignInUrl(dataDir, setupSessions(dataDir, url, logger, shared), base);
    await shared?.flush();
  } finally {
    await teardown.run();
  }
  out.stdout(
    [
      `Open the camera wall with this sign-in link (it works once, within ${link.validMinutes} minutes):`,
      `  ${link.url}`,
      '',
    ].join('\n'),
  );
}

/** The station URL of the last link written to DATA/signin-url, if any. */
async function lastStationUrl(dataDir: string): Promise<string | undefined> {
  try {
    const text = (await readFile(join(dataDir, SIGNIN_URL_FILE), 'utf8')).trim();
    const link = new URL(text);
    return `${link.origin}${link.pathname}`;
  } catch {
    return undefined;
  }
}
