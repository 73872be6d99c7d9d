// Browser mode (vigil serve): the sign-in sessions (kept hashed in <dataDir>/sessions.json, so a restart signs
// nobody out), and the one-time sign-in link written to <dataDir>/signin-url (0600) for `npm start` users who did
// not keep the terminal.
import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import type { Logger } from 'pino';

import { BrowserSessions } from '../api/browser-sessions';
import { openSessionStore, type SessionRecords } from '../store/session-store';

/** The file the newest sign-in link is written to, inside the data folder. */
export const SIGNIN_URL_FILE = 'signin-url';
/** How long a printed sign-in link works. */
export const SIGNIN_TOKEN_MINUTES = 10;

/**
 * The browser sessions of the station in `dataDir` (or in `shared` records: cluster mode), reached at `publicUrl`
 * (the cookie is Secure over https). A session whose last use cannot be recorded keeps working; that is logged once
 * per failure streak.
 */
export function setupSessions(
  dataDir: string,
  publicUrl: URL | undefined,
  logger: Logger,
  shared?: SessionRecords & { readonly path: string },
): BrowserSessions {
  const records = shared ?? openSessionStore({ dataDir, logger }).records;
  let failing = false;
  const sessions = new BrowserSessions({
    tokenTtlMs: SIGNIN_TOKEN_MINUTES * 60_000,
    secureCookie: publicUrl?.protocol === 'https:',
    records,
    onWriteFailed: (error) => {
      if (!failing) logger.warn({ err: error, file: records.path }, 'browser sessions could not be saved');
      failing = true;
    },
  });
  sessions.onEnd(() => {
    failing = false;
  });
  return sessions;
}

/** Issues a sign-in link on `baseUrl` and writes it to `<dataDir>/signin-url` (0600, replaced atomically). */
export async function writeSignInUrl(
  dataDir: string,
  sessions: BrowserSessions,
  baseUrl: string,
): Promise<{ url: string; file: string; validMinutes: number }> {
  const url = `${baseUrl.replace(/\/$/, '')}/?token=${sessions.issueToken().token}`;
  const file = join(dataDir, SIGNIN_URL_FILE);
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(temp, `${url}\n`, { mode: 0o600, flag: 'wx' });
    await rename(temp, file);
  } finally {
    await rm(temp, { force: true });
  }
  return { url, file, validMinutes: SIGNIN_TOKEN_MINUTES };
}
