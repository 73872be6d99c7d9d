import { describe, expect, it } from 'vitest';

import type { StationEvent } from '../../../../common/events';
import { forwardStationEvents } from '../../../../main/app/ipc/station-channels';

function page() {
  const sent: StationEvent[] = [];
  return {
    sent,
    send: (_channel: string, event: StationEvent) => sent.push(event),
    isDestroyed: () => false,
  };
}

describe('forwardStationEvents', () => {
  it('sends every event to every page, wall.show only to the pages that hold that wall', () => {
    let listener: ((event: StationEvent) => void) | undefined;
    const station = {
      onEvent: (next: (event: StationEvent) => void) => {
        listener = next;
        return () => undefined;
      },
    };
    const left = page();
    const other = page();
    forwardStationEvents(
      station,
      () => [left, other],
      (to, event) => event.type !== 'wall.show' || to === left,
    );
    const up: StationEvent = { type: 'gateway.up', at: '2026-12-02T10:00:00.000Z' };
    const show: StationEvent = { type: 'wall.show', wall: 'desk-1-left', camera_id: 'gate', at: up.at };
    listener?.(up);
    listener?.(show);
    expect(left.sent).toEqual([up, show]);
    expect(other.sent).toEqual([up]);
  });

  it('by default sends wall.show to no page (no page holds a name)', () => {
    let listener: ((event: StationEvent) => void) | undefined;
    const target = page();
    forwardStationEvents({ onEvent: (next) => ((listener = next), () => undefined) }, () => [target]);
    listener?.({ type: 'wall.show', wall: 'x', view_id: 'v', at: '2026-12-02T10:00:00.000Z' });
    expect(target.sent).toEqual([]);
  });
});
