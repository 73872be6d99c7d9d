import type { StationEvent } from '../../common/events';
import { TypedEmitter } from '../janus/emitter';

/** The station's announcements (SSE `/events`, IPC, tray): publish once, every subscriber hears it. */
export class StationEventBus extends TypedEmitter<{ event: [StationEvent] }> {
  /** Announces `event` to every subscriber. */
  publish(event: StationEvent): void {
    this.emit('event', event);
  }
}
