import { runInBackground } from '../../common/background';
import type { StreamInfo } from '../../common/camera';

import { describe } from './describe';
import type { JanusLike, JanusSessionLike } from './janus-like';
import type { Clock } from './model';

/** What a session tells the tiles that use it. */
export interface SessionEvents {
  /** The session is gone (connection lost, Janus restarted): its handles must be dropped locally. */
  lost(reason: string): void;
  /** Its token is about to expire: move to a fresh session. */
  renew(): void;
}

/** One tile's use of a session; `release()` it when the tile's handle is gone. */
export interface SessionLease {
  readonly session: JanusSessionLike;
  /** False once the session is lost: Janus forgot its handles, so send them no more requests. */
  readonly alive: boolean;
  release(): void;
}

type EntryState = 'creating' | 'ready' | 'retiring' | 'lost' | 'closed';

interface Entry {
  server: string;
  state: EntryState;
  session: JanusSessionLike | undefined;
  ready: Promise<void>;
  leases: Set<Lease>;
  cancelRenew: (() => void) | undefined;
}

class Lease implements SessionLease {
  readonly #entry: Entry;
  readonly #onRelease: (entry: Entry) => void;
  readonly events: SessionEvents;
  #released = false;

  constructor(entry: Entry, events: SessionEvents, onRelease: (entry: Entry) => void) {
    this.#entry = entry;
    this.events = events;
    this.#onRelease = onRelease;
  }

  get session(): JanusSessionLike {
    if (!this.#entry.session) throw new Error('The Janus session is not created yet');
    return this.#entry.session;
  }

  get alive(): boolean {
    return this.#entry.state === 'ready' || this.#entry.state === 'retiring';
  }

  release(): void {
    if (this.#released) return;
    this.#released = true;
    this.#entry.leases.delete(this);
    this.#onRelease(this.#entry);
  }
}

/** How long a session's token lives before the player moves its tiles to a fresh session. */
function renewDelay(info: StreamInfo, now: number): number | undefined {
  if (!info.token || !info.token_expires_at) return undefined;
  const lifetime = Date.parse(info.token_expires_at) - now;
  if (!Number.isFinite(lifetime)) return undefined;
  // A minute before expiry, or halfway through a short-lived token.
  return Math.max(0, lifetime - Math.min(60_000, lifetime / 2));
}

/**
 * One Janus session per Janus server URL, shared by the tiles playing from it. A lost session is
 * dropped (the next `acquire` creates a new one); a session whose token nears expiry is retired
 * (new tiles get a fresh session, current ones are asked to move) and destroyed once unused.
 */
export class SessionPool {
  readonly #load: () => Promise<JanusLike>;
  readonly #clock: Clock;
  readonly #current = new Map<string, Entry>();
  readonly #all = new Set<Entry>();
  readonly #closing = new Set<Promise<void>>();

  constructor(load: () => Promise<JanusLike>, clock: Clock) {
    this.#load = load;
    this.#clock = clock;
  }

  /** A lease on the session for `info`'s Janus server (WebSocket URL preferred), created if needed. */
  async acquire(info: StreamInfo, events: SessionEvents): Promise<SessionLease> {
    const server = info.websocket_url || info.janus_url;
    let entry = this.#current.get(server);
    if (!entry) {
      entry = this.#create(server, info);
      this.#current.set(server, entry);
    }
    const lease = new Lease(entry, events, (released) => {
      this.#settle(released);
    });
    entry.leases.add(lease);
    try {
      await entry.ready;
    } catch (error) {
      lease.release();
      throw error;
    }
    return lease;
  }

  /** Destroys every session (tiles must have released their handles first). */
  async destroy(): Promise<void> {
    for (const entry of this.#all) this.#close(entry);
    await Promise.all([...this.#closing]);
  }

  #create(server: string, info: StreamInfo): Entry {
    const entry: Entry = {
      server,
      state: 'creating',
      session: undefined,
      ready: Promise.resolve(),
      leases: new Set(),
      cancelRenew: undefined,
    };
    this.#all.add(entry);
    entry.ready = this.#load().then(
      (Janus) =>
        new Promise<void>((resolve, reject) => {
          entry.session = new Janus({
            server,
            iceServers: info.ice_servers,
            ...(info.token ? { token: info.token } : {}),
            success: () => {
              if (entry.state === 'closed') {
                this.#destroySession(entry);
                reject(new Error('The player was destroyed'));
                return;
              }
              entry.state = 'ready';
              const delay = renewDelay(info, this.#clock.now());
              if (delay !== undefined)
                entry.cancelRenew = this.#clock.setTimeout(() => {
                  this.#retire(entry);
                }, delay);
              resolve();
            },
            error: (cause) => {
              if (entry.state === 'creating') {
                entry.state = 'lost';
                this.#forget(entry);
                reject(new Error(`Janus session: ${describe(cause)}`));
              } else {
                this.#lose(entry, describe(cause));
              }
            },
            destroyed: () => {
              this.#lose(entry, 'Janus session destroyed');
            },
          });
        }),
    );
    entry.ready.catch(() => {
      // Also when janus.js itself failed to load: the next acquire starts over.
      if (entry.state === 'creating') entry.state = 'lost';
      this.#forget(entry);
    });
    return entry;
  }

  #lose(entry: Entry, reason: string): void {
    if (entry.state !== 'ready' && entry.state !== 'retiring') return;
    entry.state = 'lost';
    this.#forget(entry);
    for (const lease of [...entry.leases]) lease.events.lost(reason);
    // Drops the handles janus.js still holds (and their PeerConnections); Janus itself is gone.
    this.#destroySession(entry);
  }

  #retire(entry: Entry): void {
    if (entry.state !== 'ready') return;
    entry.state = 'retiring';
    if (this.#current.get(entry.server) === entry) this.#current.delete(entry.server);
    if (entry.leases.size === 0) this.#close(entry);
    else for (const lease of [...entry.leases]) lease.events.renew();
  }

  #settle(entry: Entry): void {
    if (entry.state === 'retiring' && entry.leases.size === 0) this.#close(entry);
  }

  #close(entry: Entry): void {
    const wasUp = entry.state === 'ready' || entry.state === 'retiring';
    if (entry.state === 'lost' || entry.state === 'closed') return;
    entry.state = 'closed';
    this.#forget(entry);
    // A session still being created is destroyed when its `success` arrives.
    if (wasUp) this.#destroySession(entry);
  }

  #forget(entry: Entry): void {
    entry.cancelRenew?.();
    if (this.#current.get(entry.server) === entry) this.#current.delete(entry.server);
    if (entry.state === 'lost' || entry.state === 'closed') this.#all.delete(entry);
  }

  #destroySession(entry: Entry): void {
    const session = entry.session;
    if (!session) return;
    const closing = new Promise<void>((resolve) => {
      // janus.js may never answer a destroy on a dying connection.
      const cancel = this.#clock.setTimeout(resolve, 3000);
      const done = (): void => {
        cancel();
        resolve();
      };
      session.destroy({ cleanupHandles: true, notifyDestroyed: false, success: done, error: done });
    });
    this.#closing.add(closing);
    // `closing` always resolves (a timeout stands in for a destroy that never answers).
    runInBackground(
      closing.then(() => this.#closing.delete(closing)),
      () => undefined,
    );
  }
}
