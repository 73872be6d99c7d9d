// Browser sign-in state in sessions.json, so a station restart signs nobody out: the sessions the wall's cookies
// name and the one-time sign-in tokens not yet used, each stored only as the SHA-256 of its secret. `vigil
// signin-link` adds tokens from another process, so the document is shared. Unlike cameras, a damaged file is no
// reason to stop: a copy is kept, the file starts empty, and browsers sign in again.
import { rmSync } from 'node:fs';

import type { Logger } from 'pino';
import { Type, type Static } from 'typebox';

import { openDocument, type JsonDocument } from './document-store';
import { schemaProblem } from './record-checks';
import type { StoreBackendFactory } from './store-backend';
import { StoreCorruptError } from './store-errors';

const Sha256 = Type.String({ pattern: '^[0-9a-f]{64}$' });

/** One browser session as stored: the SHA-256 of its id (never the id), when it began and was last used. */
export const StoredSession = Type.Object(
  {
    sha256: Sha256,
    created_at: Type.String({ format: 'date-time' }),
    last_seen_at: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false },
);

/** A stored browser session. */
export type StoredSession = Static<typeof StoredSession>;

/** A sign-in token not yet used, as stored: its SHA-256 and when it stops working. */
export const StoredSignInToken = Type.Object(
  { sha256: Sha256, expires_at: Type.String({ format: 'date-time' }) },
  { additionalProperties: false },
);

/** A stored sign-in token. */
export type StoredSignInToken = Static<typeof StoredSignInToken>;

const SessionsDocument = Type.Object({
  sessions: Type.Array(StoredSession),
  tokens: Type.Array(StoredSignInToken),
});

/** sessions.json's content. */
export type SessionsDocument = { sessions: StoredSession[]; tokens: StoredSignInToken[] };

/** The file's name in the data folder. */
export const SESSIONS_FILE = 'sessions.json';

/** Where browser sign-in state is kept; an in-memory one serves hosts without a data folder and tests. */
export interface SessionRecords {
  /** The content now (a change another process made is read again first). */
  read(): SessionsDocument;
  /** Replaces the content in one atomic write; throws when the disk refuses (full, read-only). */
  write(document: SessionsDocument): void;
}

/** An open sessions.json, and what was done if the file was damaged. */
export interface OpenedSessionStore {
  records: SessionRecords & { readonly path: string };
  /** Set when a damaged file was set aside: where its copy is and what was wrong. */
  reset?: { backupPath: string | undefined; problem: string };
}

/**
 * Opens `<dataDir>/sessions.json` (0600, atomic writes). A damaged file is copied aside, logged and replaced by an
 * empty document: the station starts, and browsers sign in again.
 * @example
 * const { records } = openSessionStore({ dataDir, logger });
 */
export function openSessionStore(options: {
  dataDir: string;
  logger: Logger;
  backend?: StoreBackendFactory | undefined;
}): OpenedSessionStore {
  try {
    return { records: recordsOf(open(options)) };
  } catch (error) {
    if (!(error instanceof StoreCorruptError)) throw error;
    options.logger.warn(
      { file: error.path, backup: error.backupPath, problem: error.problem },
      'the browser sessions file was damaged: it starts empty (browsers sign in again)',
    );
    rmSync(error.path, { force: true });
    return {
      records: recordsOf(open(options)),
      reset: { backupPath: error.backupPath, problem: error.problem },
    };
  }
}

/** Sign-in state kept in memory only (gone at exit). */
export function memorySessionRecords(): SessionRecords {
  let current: SessionsDocument = { sessions: [], tokens: [] };
  return {
    read: () => current,
    write: (document) => {
      current = document;
    },
  };
}

function open(options: {
  dataDir: string;
  backend?: StoreBackendFactory | undefined;
}): JsonDocument<SessionsDocument> {
  return openDocument<SessionsDocument>(
    { name: 'sessions', schema: SessionsDocument, version: '1.0.0', shared: true, check: checkSessions },
    { dataDir: options.dataDir, backend: options.backend },
  );
}

function recordsOf(document: JsonDocument<SessionsDocument>): OpenedSessionStore['records'] {
  return {
    path: document.path,
    read: () => document.read(),
    write: (content) => {
      document.write(content);
    },
  };
}

function checkSessions(content: Record<string, unknown>): SessionsDocument | string {
  const document = { sessions: content.sessions ?? [], tokens: content.tokens ?? [] };
  const problem = schemaProblem(SessionsDocument, document);
  return problem === undefined ? (document as SessionsDocument) : problem.text;
}
