// The station's `/events` Server-Sent Events as StationEvents: one EventSource shared by every listener,
// opened by the first and closed with the last. EventSource reconnects by itself after a dropped connection;
// when it gives up (an HTTP error such as 401, the station restarting), it is opened again after a pause.
import type { StationEvent } from '../../common/events';

/** The part of a browser EventSource the subscription uses (tests pass a fake). */
export interface EventSourceLike {
  readonly readyState: number;
  addEventListener(type: string, listener: (event: { data?: unknown }) => void): void;
  close(): void;
}

/** Opens an EventSource on a URL. */
export type EventSourceFactory = (url: string) => EventSourceLike;

/** Every event type the station sends as an SSE `event:` name (a Record, so a new type cannot be forgotten). */
const EVENT_TYPES: Record<StationEvent['type'], true> = {
  'camera.added': true,
  'camera.updated': true,
  'camera.removed': true,
  'camera.state': true,
  'camera.motion': true,
  'view.added': true,
  'view.updated': true,
  'view.removed': true,
  'recording.started': true,
  'recording.stopped': true,
  'recording.exported': true,
  'recording.storage': true,
  'camera.moved': true,
  'gateway.up': true,
  'gateway.down': true,
  'alarm.raised': true,
  'alarm.updated': true,
  'wall.show': true,
};

/** EventSource's readyState once it has given up. */
const CLOSED = 2;
/** Pause before opening the stream again after EventSource gave up. */
export const REOPEN_DELAY_MS = 5_000;

/** The StationEvent in one `event: <type>` frame's data, or undefined if it is not one. */
export function parseEventFrame(type: string, data: unknown): StationEvent | undefined {
  if (typeof data !== 'string' || !(type in EVENT_TYPES)) return undefined;
  try {
    const event = JSON.parse(data) as { type?: unknown; at?: unknown } | null;
    return event?.type === type && typeof event.at === 'string' ? (event as StationEvent) : undefined;
  } catch {
    return undefined;
  }
}

/** Shared subscriptions per factory and URL, so every StationApi call on a page uses one connection. */
const hubs = new WeakMap<
  EventSourceFactory,
  Map<string, (listener: (event: StationEvent) => void) => () => void>
>();

/** Subscribes `listener` to the events at `url`; returns the unsubscribe function. */
export function subscribeEvents(
  factory: EventSourceFactory,
  url: string,
  listener: (event: StationEvent) => void,
): () => void {
  let byUrl = hubs.get(factory);
  if (byUrl === undefined) {
    byUrl = new Map();
    hubs.set(factory, byUrl);
  }
  let subscribe = byUrl.get(url);
  if (subscribe === undefined) {
    subscribe = eventHub(factory, url);
    byUrl.set(url, subscribe);
  }
  return subscribe(listener);
}

function eventHub(factory: EventSourceFactory, url: string) {
  const listeners = new Set<(event: StationEvent) => void>();
  let source: EventSourceLike | undefined;
  let reopen: ReturnType<typeof setTimeout> | undefined;

  const deliver = (event: StationEvent): void => {
    for (const listener of [...listeners]) listener(event);
  };
  const open = (): void => {
    const current = factory(url);
    source = current;
    for (const type of Object.keys(EVENT_TYPES)) {
      current.addEventListener(type, (frame) => {
        const event = parseEventFrame(type, frame.data);
        if (event !== undefined) deliver(event);
      });
    }
    current.addEventListener('error', () => {
      if (current.readyState !== CLOSED || source !== current) return;
      current.close();
      source = undefined;
      reopen = setTimeout(() => {
        reopen = undefined;
        if (listeners.size > 0) open();
      }, REOPEN_DELAY_MS);
    });
  };
  const close = (): void => {
    source?.close();
    source = undefined;
    if (reopen !== undefined) clearTimeout(reopen);
    reopen = undefined;
  };

  return (listener: (event: StationEvent) => void): (() => void) => {
    // Each subscription is its own entry, so subscribing one function twice needs two unsubscribes.
    const entry = (event: StationEvent): void => {
      listener(event);
    };
    listeners.add(entry);
    if (source === undefined && reopen === undefined) open();
    return () => {
      listeners.delete(entry);
      if (listeners.size === 0) close();
    };
  };
}
