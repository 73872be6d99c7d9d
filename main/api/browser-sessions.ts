// One-time sign-in tokens and the browser sessions they open. Both are kept as SHA-256 hashes in the session
// records (sessions.json for `vigil serve`, the cluster's bucket in cluster mode), so a restart signs nobody out and,
// in a cluster, a session opened on one station is good on every other (looked up there on first use). A session ends after a stretch without
// requests (idle) and, however busy, after an absolute lifetime. Checking a session never depends on the disk: its
// last use is written back at most every few minutes, and a write the disk refuses is logged, not failed.
import { createHash, randomBytes } from 'node:crypto';

import { memorySessionRecords, type SessionRecords, type SessionsDocument } from '../store/session-store';
import type { ApiKey } from './types';

/** How long links and sessions live, where they are kept, and whether the cookie is marked Secure. */
export interface BrowserSessionOptions {
  /** A sign-in link works once, within this time (default 10 minutes). */
  tokenTtlMs?: number;
  /** A session ends after this long without a request (default 12 hours). */
  idleTtlMs?: number;
  /** A session ends this long after sign-in, however busy (default 30 days). */
  absoluteTtlMs?: number;
  /** Adds `Secure` to the cookie: set it when browsers reach the station over https. */
  secureCookie?: boolean;
  /** Where tokens and sessions are kept (default: in memory only). */
  records?: SessionRecords;
  /** Told when the disk refused a write (the session state stays right in memory). */
  onWriteFailed?: (error: unknown) => void;
  /** The clock (tests pass a fake one). */
  now?: () => number;
}

/** A fresh sign-in token and when it stops working. */
export interface SignInToken {
  token: string;
  expiresAt: Date;
}

/** A session's last use is written back when it is at least this much newer than the stored one. */
const LAST_SEEN_RESOLUTION_MS = 5 * 60_000;

interface LiveSession {
  createdAt: number;
  lastSeen: number;
  storedLastSeen: number;
}

/** Browser sign-in: tokens become sessions; sessions are checked, renewed and ended. */
export class BrowserSessions {
  readonly #sessions = new Map<string, LiveSession>();
  readonly #records: SessionRecords;
  readonly #tokenTtlMs: number;
  readonly #idleTtlMs: number;
  readonly #absoluteTtlMs: number;
  readonly #now: () => number;
  readonly #onWriteFailed: (error: unknown) => void;
  readonly #endListeners = new Set<(keyId: string) => void>();
  /** Whether the cookie carries `Secure`. */
  readonly secureCookie: boolean;

  constructor(options: BrowserSessionOptions = {}) {
    this.#tokenTtlMs = options.tokenTtlMs ?? 10 * 60_000;
    this.#idleTtlMs = options.idleTtlMs ?? 12 * 60 * 60_000;
    this.#absoluteTtlMs = options.absoluteTtlMs ?? 30 * 24 * 60 * 60_000;
    this.#now = options.now ?? Date.now;
    this.#records = options.records ?? memorySessionRecords();
    this.#onWriteFailed = options.onWriteFailed ?? (() => undefined);
    this.secureCookie = options.secureCookie ?? false;
    for (const stored of this.#records.read().sessions) {
      const lastSeen = Date.parse(stored.last_seen_at);
      this.#sessions.set(stored.sha256, {
        createdAt: Date.parse(stored.created_at),
        lastSeen,
        storedLastSeen: lastSeen,
      });
    }
    this.#prune();
  }

  /** A new single-use token for a sign-in link (`/?token=…`). */
  issueToken(): SignInToken {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = this.#now() + this.#tokenTtlMs;
    const document = this.#withoutExpired(this.#records.read());
    const stored = { sha256: digest(token), expires_at: new Date(expiresAt).toISOString() };
    this.#records.write({ ...document, tokens: [...document.tokens, stored] });
    return { token, expiresAt: new Date(expiresAt) };
  }

  /** Uses up a token: a new session id if it was live, else undefined (unknown, used or expired). */
  redeem(token: string): string | undefined {
    const document = this.#withoutExpired(this.#records.read());
    const hash = digest(token);
    if (!document.tokens.some((stored) => stored.sha256 === hash)) return undefined;
    const sessionId = randomBytes(32).toString('base64url');
    const now = this.#now();
    const sessionHash = digest(sessionId);
    this.#sessions.set(sessionHash, { createdAt: now, lastSeen: now, storedLastSeen: now });
    try {
      // The token is spent and the session kept only once this write succeeds: a refused write refuses the sign-in.
      this.#records.write({
        tokens: document.tokens.filter((stored) => stored.sha256 !== hash),
        sessions: this.#storedSessions(document),
      });
    } catch (error) {
      this.#sessions.delete(sessionHash);
      throw error;
    }
    return sessionId;
  }

  /** The session's key (scope manage) if the id is live, renewing its idle time; else undefined. */
  verify(sessionId: string): ApiKey | undefined {
    const hash = digest(sessionId);
    const session = this.#sessions.get(hash) ?? this.#adopt(hash);
    if (session === undefined) return undefined;
    const now = this.#now();
    if (this.#expired(session, now)) {
      this.#prune();
      return undefined;
    }
    session.lastSeen = now;
    if (now - session.storedLastSeen >= LAST_SEEN_RESOLUTION_MS) this.#save();
    return { id: keyIdOf(hash), scope: 'manage', desk: true };
  }

  /** Ends a session (sign-out); unknown ids are ignored. */
  end(sessionId: string): void {
    const hash = digest(sessionId);
    if (!this.#sessions.delete(hash)) return;
    this.#save(new Set([hash]));
    this.#announceEnd(hash);
  }

  /** Calls `listener` with the key id (as `verify` gave it) of every session that ends; returns the unsubscribe. */
  onEnd(listener: (keyId: string) => void): () => void {
    this.#endListeners.add(listener);
    return () => this.#endListeners.delete(listener);
  }

  /** Forgets sessions past their idle or absolute lifetime (and tells listeners). */
  #prune(): void {
    const now = this.#now();
    const ended = [...this.#sessions].filter(([, session]) => this.#expired(session, now));
    if (ended.length === 0) return;
    for (const [hash] of ended) this.#sessions.delete(hash);
    this.#save(new Set(ended.map(([hash]) => hash)));
    for (const [hash] of ended) this.#announceEnd(hash);
  }

  #expired(session: Pick<LiveSession, 'createdAt' | 'lastSeen'>, now: number): boolean {
    return now - session.lastSeen >= this.#idleTtlMs || now - session.createdAt >= this.#absoluteTtlMs;
  }

  #withoutExpired(document: SessionsDocument): SessionsDocument {
    const now = this.#now();
    return { ...document, tokens: document.tokens.filter((t) => Date.parse(t.expires_at) > now) };
  }

  /** A session another station opened (shared records): taken on here when stored and still within its lifetimes. */
  #adopt(hash: string): LiveSession | undefined {
    const stored = this.#records.read().sessions.find((s) => s.sha256 === hash);
    if (stored === undefined) return undefined;
    const lastSeen = Date.parse(stored.last_seen_at);
    const session = { createdAt: Date.parse(stored.created_at), lastSeen, storedLastSeen: lastSeen };
    if (this.#expired(session, this.#now())) return undefined;
    this.#sessions.set(hash, session);
    return session;
  }

  /**
   * The sessions to store: this station's, plus those stored by others (shared records) that it has not taken on
   * and did not just end (`ended`).
   */
  #storedSessions(
    document: SessionsDocument,
    ended: ReadonlySet<string> = new Set(),
  ): SessionsDocument['sessions'] {
    const now = this.#now();
    const others = document.sessions.filter(
      (s) =>
        !this.#sessions.has(s.sha256) &&
        !ended.has(s.sha256) &&
        !this.#expired({ createdAt: Date.parse(s.created_at), lastSeen: Date.parse(s.last_seen_at) }, now),
    );
    const mine = [...this.#sessions].map(([sha256, session]) => ({
      sha256,
      created_at: new Date(session.createdAt).toISOString(),
      last_seen_at: new Date(session.lastSeen).toISOString(),
    }));
    return [...others, ...mine];
  }

  /** Writes the sessions back; a refused write is reported and tried again with the next change. */
  #save(ended: ReadonlySet<string> = new Set()): void {
    try {
      const document = this.#withoutExpired(this.#records.read());
      this.#records.write({ ...document, sessions: this.#storedSessions(document, ended) });
      for (const session of this.#sessions.values()) session.storedLastSeen = session.lastSeen;
    } catch (error) {
      this.#onWriteFailed(error);
    }
  }

  #announceEnd(hash: string): void {
    for (const listener of this.#endListeners) listener(keyIdOf(hash));
  }
}

/** The id a session goes by in logs and rate limits: it names the session without revealing it. */
function keyIdOf(hash: string): string {
  return `session_${hash.slice(0, 16)}`;
}

function digest(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}
