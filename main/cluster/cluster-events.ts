// Cluster mode's event log: each station appends the events of changes made on it to the stream `VIGIL_EVENTS`
// (subject vigil.events.<station>.<type>, kept 7 days), for audit and for tools that follow the whole site.
// Events learned from other stations (marked remote) are theirs to append. While NATS is away events are not
// queued: how many were left out is logged when it returns.
import type { Logger } from 'pino';

import { runInBackground } from '../../common/background';
import type { StationEvent } from '../../common/events';
import { isRemoteEvent } from '../station/event-origin';
import { ensureStream, subjectToken, type ClusterStreamSpec } from './cluster-streams';
import type { ClusterConnection } from './connection';

/** The stream of every station's own events. */
export const EVENTS_STREAM: ClusterStreamSpec = {
  name: 'VIGIL_EVENTS',
  subjects: ['vigil.events.>'],
  maxAgeMs: 7 * 86_400_000,
};

/** The subject a station's event is appended on, e.g. `vigil.events.st1.alarm.raised`. */
export function eventSubject(stationId: string, type: StationEvent['type']): string {
  return `vigil.events.${subjectToken(stationId)}.${type}`;
}

/** What appending events needs. */
export interface ClusterEventsOptions {
  connection: ClusterConnection;
  stationId: string;
  logger: Logger;
  /** Subscribes to the station's events; returns the unsubscribe. */
  subscribe: (listener: (event: StationEvent) => void) => () => void;
}

/** Creates `VIGIL_EVENTS` when missing and appends this station's own events to it until the returned stop. */
export async function startClusterEvents(options: ClusterEventsOptions): Promise<() => void> {
  const { connection, stationId, logger } = options;
  await ensureStream(connection, EVENTS_STREAM);
  let missed = 0;
  const offUp = connection.on('up', () => {
    if (missed > 0)
      logger.warn({ missed }, 'events made while NATS was away were not appended to VIGIL_EVENTS');
    missed = 0;
  });
  const offEvents = options.subscribe((event) => {
    if (isRemoteEvent(event)) return;
    if (!connection.isUp) {
      missed += 1;
      return;
    }
    const appended = connection.jetstream.publish(eventSubject(stationId, event.type), JSON.stringify(event));
    runInBackground(appended, (error: unknown) => {
      logger.warn({ err: error, type: event.type }, 'event not appended to VIGIL_EVENTS');
    });
  });
  return () => {
    offEvents();
    offUp();
  };
}
