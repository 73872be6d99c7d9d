import { describe, expect, it } from 'vitest';

import type { StationEvent } from '../../../common/events';
import { initialHealth, type HealthRecord } from '../../../main/station/camera-health';
import { MountpointReadiness } from '../../../main/station/mountpoint-readiness';
import type { CameraMove, StationPlacement } from '../../../main/station/placement';
import { followPlacement } from '../../../main/station/placement-follower';
import { StationEventBus } from '../../../main/station/event-bus';
import { StationViewers } from '../../../main/station/station-viewers';
import { fakeEndpoints, MemoryCameraStore } from './fakes';

/** A placement whose answers the test sets: cameras → gateway ids, published remote health, moves on demand. */
class TablePlacement implements StationPlacement {
  readonly gatewayId = 'gw-a';
  readonly table = new Map<string, string | null>();
  readonly health = new Map<string, HealthRecord>();
  readonly #moved = new Set<(moves: readonly CameraMove[]) => void>();
  readonly #healthListeners = new Set<(cameraId: string, health: HealthRecord) => void>();

  holds(cameraId: string): boolean {
    return this.table.get(cameraId) === this.gatewayId;
  }
  gatewayIdOf(cameraId: string): string | null {
    return this.table.get(cameraId) ?? null;
  }
  endpointsOf(cameraId: string) {
    const id = this.table.get(cameraId);
    return id ? fakeEndpoints(id) : undefined;
  }
  refusesViewers(): string | undefined {
    return undefined;
  }
  remoteHealth(cameraId: string): HealthRecord | undefined {
    // As the cluster's: only a camera some gateway holds has a holder's report.
    return this.table.get(cameraId) ? this.health.get(cameraId) : undefined;
  }
  onRemoteHealth(listener: (cameraId: string, health: HealthRecord) => void): () => void {
    this.#healthListeners.add(listener);
    return () => this.#healthListeners.delete(listener);
  }
  onMoved(listener: (moves: readonly CameraMove[]) => void): () => void {
    this.#moved.add(listener);
    return () => this.#moved.delete(listener);
  }
  move(cameraId: string, to: string | null): void {
    const from = this.table.get(cameraId) ?? null;
    this.table.set(cameraId, to);
    for (const listener of this.#moved) listener([{ camera_id: cameraId, from, to }]);
  }
  publish(cameraId: string, health: HealthRecord): void {
    this.health.set(cameraId, health);
    for (const listener of this.#healthListeners) listener(cameraId, health);
  }
}

function follow() {
  const placement = new TablePlacement();
  const reconciled: string[] = [];
  const removed: string[] = [];
  const readiness = new MountpointReadiness();
  const events = new StationEventBus();
  const seen: StationEvent[] = [];
  events.on('event', (event) => seen.push(event));
  const stop = followPlacement({
    placement,
    reconciler: {
      reconcileCamera: (cameraId) => {
        reconciled.push(cameraId);
        return Promise.resolve();
      },
    },
    health: {
      removed: (cameraId) => {
        removed.push(cameraId);
      },
    },
    readiness,
    events,
    now: () => '2026-01-01T00:00:00.000Z',
    warn: () => undefined,
  });
  return { placement, reconciled, removed, readiness, seen, stop };
}

describe('followPlacement', () => {
  it('reconciles cameras that come to or leave this gateway, forgets the ones that left, announces every move', () => {
    const { placement, reconciled, removed, readiness, seen } = follow();
    readiness.markReady('lobby');
    placement.table.set('lobby', 'gw-a');
    placement.move('lobby', 'gw-b');
    placement.move('gate', 'gw-a');
    placement.move('yard', 'gw-c');
    expect(reconciled).toEqual(['lobby', 'gate']);
    expect(removed).toEqual(['lobby']);
    expect(readiness.isReady('lobby')).toBe(false);
    expect(seen).toEqual([
      { type: 'camera.moved', camera_id: 'lobby', from: 'gw-a', to: 'gw-b', at: '2026-01-01T00:00:00.000Z' },
      { type: 'camera.moved', camera_id: 'gate', from: null, to: 'gw-a', at: '2026-01-01T00:00:00.000Z' },
      { type: 'camera.moved', camera_id: 'yard', from: null, to: 'gw-c', at: '2026-01-01T00:00:00.000Z' },
    ]);
  });

  it('announces the state another station publishes for a camera its gateway holds, once per change', () => {
    const { placement, seen } = follow();
    placement.table.set('gate', 'gw-b');
    placement.table.set('lobby', 'gw-a');
    placement.publish('gate', { ...initialHealth(1_000), state: 'live' });
    placement.publish('gate', { ...initialHealth(1_000), state: 'live' });
    placement.publish('lobby', { ...initialHealth(1_000), state: 'offline' });
    placement.publish('gate', { ...initialHealth(2_000), state: 'stale', reason: 'no video for 2 s' });
    expect(seen).toEqual([
      {
        type: 'camera.state',
        camera_id: 'gate',
        state: 'live',
        previous: 'starting',
        at: '1970-01-01T00:00:01.000Z',
      },
      {
        type: 'camera.state',
        camera_id: 'gate',
        state: 'stale',
        previous: 'live',
        reason: 'no video for 2 s',
        at: '1970-01-01T00:00:02.000Z',
      },
    ]);
  });

  it('takes a report the new holder published before the move was seen, and says offline when none may hold it', () => {
    const { placement, seen } = follow();
    placement.table.set('gate', 'gw-b');
    placement.health.set('gate', { ...initialHealth(3_000), state: 'live' });
    placement.move('gate', 'gw-c');
    placement.move('gate', null);
    expect(seen.filter((event) => event.type === 'camera.state')).toEqual([
      {
        type: 'camera.state',
        camera_id: 'gate',
        state: 'live',
        previous: 'starting',
        at: '1970-01-01T00:00:03.000Z',
      },
      expect.objectContaining({
        state: 'offline',
        previous: 'live',
        reason: 'no live gateway may hold this camera',
      }),
    ]);
  });

  it('a camera that moved between two other gateways is starting until its new holder reports', () => {
    const { placement, seen } = follow();
    placement.table.set('gate', 'gw-b');
    placement.publish('gate', { ...initialHealth(1_000), state: 'live' });
    placement.health.delete('gate');
    placement.move('gate', 'gw-c');
    placement.publish('gate', { ...initialHealth(2_000), state: 'live' });
    expect(seen.filter((e) => e.type === 'camera.state').map((e) => ('state' in e ? e.state : ''))).toEqual([
      'live',
      'starting',
      'live',
    ]);
  });

  it('stops following when told', () => {
    const { placement, seen, stop } = follow();
    stop();
    placement.move('lobby', 'gw-a');
    placement.publish('gate', { ...initialHealth(0), state: 'live' });
    expect(seen).toEqual([]);
  });
});

describe('StationViewers in a cluster', () => {
  it('relays a viewer to the gateway holding the camera and waits for its station to say live', () => {
    const placement = new TablePlacement();
    const readiness = new MountpointReadiness();
    const viewers = new StationViewers({
      store: new MemoryCameraStore(),
      readiness,
      janus: { isUp: true },
      events: new StationEventBus(),
      gateway: () => fakeEndpoints('own'),
      viewerUrl: 'ws://127.0.0.1:3000/janus',
      iceServers: [],
      placement,
    });
    placement.table.set('lobby', 'gw-a');
    placement.table.set('gate', 'gw-b');
    expect(viewers.endpointsFor('lobby')).toEqual(fakeEndpoints('own'));
    expect(viewers.endpointsFor('gate')).toEqual(fakeEndpoints('gw-b'));
    expect(viewers.endpointsFor('nowhere')).toBeUndefined();

    const ready: string[] = [];
    viewers.onReady((cameraId) => ready.push(cameraId));
    expect(viewers.isReady('gate')).toBe(false);
    placement.publish('gate', { ...initialHealth(0), state: 'live' });
    readiness.markReady('lobby');
    placement.publish('lobby', { ...initialHealth(0), state: 'live' });
    expect(viewers.isReady('gate')).toBe(true);
    expect(ready).toEqual(['gate', 'lobby']);
  });
});
