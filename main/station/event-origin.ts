// Cluster mode: an event may announce a change another station made (learned from NATS). Such events reach this
// station's walls, SSE and IPC like any other, but what acts once per change across the cluster (webhooks, the
// events stream) leaves them to the station that made the change. The mark travels with the event object.
import type { StationEvent } from '../../common/events';

const remoteEvents = new WeakSet<StationEvent>();

/** Marks `event` as announcing a change made on another station, and returns it. */
export function remoteEvent<T extends StationEvent>(event: T): T {
  remoteEvents.add(event);
  return event;
}

/** Whether `event` announces a change made on another station (see remoteEvent). */
export function isRemoteEvent(event: StationEvent): boolean {
  return remoteEvents.has(event);
}
