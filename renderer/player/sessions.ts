import { runInBackground } from '../../common/background';
import type { StreamInfo } from '../../common/camera';

import { describe } from './describe';
import type { JanusLike, JanusSessionLike } from './janus-like';
import type { Clock } from './model';

/** What a session tells the tiles that use it. */
export interface SessionEvents {
  /** The session is gone (connection lost, Janus restarted, the key revoked): its handles must be dropped locally. */
  lost(reason: string): void;
}

/** One tile's use of a session; `release()` it when the tile's handle is gone. */
export interface SessionLease {
  readonly session: JanusSessionLike;
  /** False once the session is lost: Janus forgot its handles, so send them no more requests. */
  readonly alive: boolean;
  release(): void;
}

type EntryState = 'creating' | 'ready' | 'lost' | 'closed';

interface Entry {
  server: string;
  state: EntryState;
  session: JanusSessionLike | undefined;
  ready: Promise<void>;
  leases: Set<Lease>;
}

class Lease implements SessionLease {
  readonly #entry: Entry;
  readonly events: SessionEvents;
  #released = false;

  constructor(entry: Entry, events: SessionEvents) {
    this.#entry = entry;
    this.events = events;
  }

  get session(): JanusSessionLike {
    if (!this.#entry.session) throw new Error('The Janus session is not created yet');
    return this.#entry.session;
  }

  get alive(): boolean {
    return this.#entry.state === 'ready';
  }

  release(): void {
    if (this.#released) return;
    this.#released = true;
    this.#entry.leases.delete(this);
  }
}

/**
 * One Janus session per door (Janus server URL), shared by the tiles playing from it: opened with the viewer
 * ticket of the tile that needs it first (each tile's handle then carries its own camera's ticket). A lost
 * session is dropped; the next `acquire` creates a new one.
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

  /** A lease on the session for `info`'s door (one per door URL, whatever ticket opened it), created if needed. */
  async acquire(info: StreamInfo, events: SessionEvents): Promise<SessionLease> {
    const server = info.websocket_url;
    let entry = this.#current.get(server);
    if (!entry) {
      entry = this.#create(server, info);
      this.#current.set(server, entry);
    }
    const lease = new Lease(entry, events);
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
    };
    this.#all.add(entry);
    entry.ready = this.#load().then(
      (Janus) =>
        new Promise<void>((resolve, reject) => {
          entry.session = new Janus({
            // The ticket in the URL authenticates the WebSocket itself, so the door reaches Janus at once.
            server: info.janus_url,
            iceServers: info.ice_servers,
            token: info.ticket,
            success: () => {
              if (entry.state === 'closed') {
                this.#destroySession(entry);
                reject(new Error('The player was destroyed'));
                return;
              }
              entry.state = 'ready';
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
    if (entry.state !== 'ready') return;
    entry.state = 'lost';
    this.#forget(entry);
    for (const lease of [...entry.leases]) lease.events.lost(reason);
    // Drops the handles janus.js still holds (and their PeerConnections); Janus itself is gone.
    this.#destroySession(entry);
  }

  #close(entry: Entry): void {
    const wasUp = entry.state === 'ready';
    if (entry.state === 'lost' || entry.state === 'closed') return;
    entry.state = 'closed';
    this.#forget(entry);
    // A session still being created is destroyed when its `success` arrives.
    if (wasUp) this.#destroySession(entry);
  }

  #forget(entry: Entry): void {
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
