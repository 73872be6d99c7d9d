import { createHash, randomBytes } from 'node:crypto';

import type { Clock } from '../janus';
import type { Credential, Grant } from './credential';

/** A fresh viewer ticket and when it stops opening sessions. */
export interface ViewerTicket {
  ticket: string;
  expiresAt: Date;
}

interface Issued {
  cameraId: string;
  credential: Credential;
  expiresAt: number;
}

/** How long a ticket opens sessions: long enough for a page to fetch janus.js and connect, short enough to leak little. */
const TICKET_TTL_MS = 60_000;
/** Outstanding tickets kept at most (the oldest go first): a flood of `/stream` calls cannot grow memory without end. */
const MAX_OUTSTANDING = 10_000;

/**
 * Per-camera viewer tickets, for pages that cannot hold a key: random, kept in memory as SHA-256 only, bound to
 * one camera and to the credential that asked for one. A ticket opens Janus sessions and handles for ~60 s; what
 * it opened lives on as long as that credential does. Usable several times while fresh (a player opens a session
 * and its first handle with the same ticket).
 */
export class ViewerTickets {
  readonly #issued = new Map<string, Issued>();
  readonly #clock: Pick<Clock, 'now'>;
  readonly #ttlMs: number;

  constructor(clock: Pick<Clock, 'now'>, ttlMs = TICKET_TTL_MS) {
    this.#clock = clock;
    this.#ttlMs = ttlMs;
  }

  /** A new ticket for `cameraId`, bound to `credential`. */
  issue(cameraId: string, credential: Credential): ViewerTicket {
    this.#prune();
    const ticket = randomBytes(32).toString('base64url');
    const expiresAt = this.#clock.now() + this.#ttlMs;
    this.#issued.set(digest(ticket), { cameraId, credential, expiresAt });
    for (const key of this.#issued.keys()) {
      if (this.#issued.size <= MAX_OUTSTANDING) break;
      this.#issued.delete(key);
    }
    return { ticket, expiresAt: new Date(expiresAt) };
  }

  /** What a presented ticket grants (its one camera), or undefined: unknown, expired, or its credential ended. */
  redeem(ticket: string): Grant | undefined {
    const issued = this.#issued.get(digest(ticket));
    if (issued === undefined || issued.expiresAt <= this.#clock.now() || !issued.credential.alive())
      return undefined;
    return { credential: issued.credential, cameras: new Set([issued.cameraId]) };
  }

  /** Drops the camera's tickets (it was deleted). */
  forgetCamera(cameraId: string): void {
    for (const [key, issued] of this.#issued) if (issued.cameraId === cameraId) this.#issued.delete(key);
  }

  #prune(): void {
    const now = this.#clock.now();
    for (const [key, issued] of this.#issued) if (issued.expiresAt <= now) this.#issued.delete(key);
  }
}

function digest(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}
