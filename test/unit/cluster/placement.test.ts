import { describe, expect, it } from 'vitest';

import {
  movedCameras,
  placeCameras,
  PlacementInputError,
  type FailoverPriority,
  type PlacementCamera,
  type PlacementGateway,
} from '../../../main/cluster/placement';
import { rankGateways } from '../../../main/cluster/rendezvous';

const gateways = (count: number, extra: Partial<PlacementGateway> = {}): PlacementGateway[] =>
  Array.from({ length: count }, (_, i) => ({
    id: `janus-${i + 1}`,
    weight: 1,
    maxCameras: 1000,
    live: true,
    ...extra,
  }));

const cameras = (count: number, prefix = 'cam-', failover: FailoverPriority = 'normal'): PlacementCamera[] =>
  Array.from({ length: count }, (_, i) => ({ id: `${prefix}${String(i + 1).padStart(4, '0')}`, failover }));

const withLive = (all: PlacementGateway[], id: string, live: boolean): PlacementGateway[] =>
  all.map((g) => (g.id === id ? { ...g, live } : g));

function loads(placement: Map<string, string | null>): Map<string | null, number> {
  const counts = new Map<string | null, number>();
  for (const gateway of placement.values()) counts.set(gateway, (counts.get(gateway) ?? 0) + 1);
  return counts;
}

/** A seeded Fisher–Yates shuffle (mulberry32), so a failing order can be replayed. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  let state = seed;
  const random = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

const sortedEntries = (placement: Map<string, string | null>) =>
  [...placement].sort(([a], [b]) => (a < b ? -1 : 1));

describe('placeCameras', () => {
  it('gives the same answer for the same inputs in any order', () => {
    const mixed: PlacementCamera[] = [
      ...cameras(60, 'high-', 'high'),
      ...cameras(120, 'normal-'),
      ...cameras(20, 'never-', 'never'),
      { id: 'pinned-a', pinnedTo: 'janus-2', failover: 'normal' },
      { id: 'pinned-b', pinnedTo: 'janus-4', failover: 'never' },
    ];
    // Small capacities and a dead gateway, so bounded loads, failover and eviction all take part.
    const all = withLive(gateways(4, { maxCameras: 60 }), 'janus-3', false);
    const reference = sortedEntries(placeCameras(mixed, all));
    expect(reference).toHaveLength(202);
    for (let seed = 1; seed <= 10; seed++) {
      expect(sortedEntries(placeCameras(shuffled(mixed, seed), shuffled(all, seed + 100)))).toEqual(
        reference,
      );
    }
  });

  it('balances 500 cameras over 3 equal gateways within max/min ≤ 1.2, for any camera ids', () => {
    for (let set = 0; set < 20; set++) {
      const placement = placeCameras(cameras(500, `site${set}-cam-`), gateways(3));
      const counts = [...loads(placement)].filter(([g]) => g !== null).map(([, n]) => n);
      expect(counts).toHaveLength(3);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(500);
      expect(Math.max(...counts) / Math.min(...counts)).toBeLessThanOrEqual(1.2);
    }
  });

  it('moves about a quarter of the cameras, nearly all to it, when a 4th gateway joins', () => {
    const all = cameras(500);
    const moves = movedCameras(placeCameras(all, gateways(3)), placeCameras(all, gateways(4)));
    expect(moves.length / 500).toBeGreaterThan(0.2);
    expect(moves.length / 500).toBeLessThan(0.3);
    expect(moves.filter((m) => m.to === 'janus-4').length / moves.length).toBeGreaterThan(0.9);
  });

  it("moves only the lost gateway's cameras, and every one of them to a live gateway", () => {
    for (let set = 0; set < 5; set++) {
      const all = cameras(500, `site${set}-cam-`);
      const before = placeCameras(all, gateways(3));
      for (const lost of ['janus-1', 'janus-2', 'janus-3']) {
        const lostShare = [...before.values()].filter((g) => g === lost).length;
        const after = placeCameras(all, withLive(gateways(3), lost, false));
        const moves = movedCameras(before, after);
        expect(lostShare).toBeGreaterThan(140);
        expect(moves).toHaveLength(lostShare);
        expect(moves.every((m) => m.from === lost && m.to !== null && m.to !== lost)).toBe(true);
        // When it comes back, exactly the same cameras go home.
        expect(movedCameras(after, placeCameras(all, gateways(3)))).toHaveLength(lostShare);
      }
    }
  });

  it('gives a weight-2 gateway about twice the cameras of a weight-1 one', () => {
    const all = [{ id: 'big', weight: 2, maxCameras: 1000, live: true }, ...gateways(2)];
    const counts = loads(placeCameras(cameras(1000), all));
    const big = counts.get('big') ?? 0;
    const small = ((counts.get('janus-1') ?? 0) + (counts.get('janus-2') ?? 0)) / 2;
    expect(big / small).toBeGreaterThan(1.8);
    expect(big / small).toBeLessThan(2.2);
  });

  it('puts a pinned camera on its pin, and fails it over (or not) when the pin is down', () => {
    const all = gateways(3);
    const others = cameras(30);
    // A camera whose rendezvous favourite is not janus-3, pinned there.
    const id = cameras(50, 'door-').find((c) => rankGateways(c.id, all)[0]?.id !== 'janus-3')?.id ?? '';
    const pinned = (failover: FailoverPriority): PlacementCamera => ({ id, pinnedTo: 'janus-3', failover });
    expect(placeCameras([...others, pinned('normal')], all).get(id)).toBe('janus-3');
    const pinDown = withLive(all, 'janus-3', false);
    expect(placeCameras([...others, pinned('normal')], pinDown).get(id)).toMatch(/^janus-[12]$/);
    expect(placeCameras([...others, pinned('never')], pinDown).get(id)).toBeNull();
    // A pin naming no registered gateway is ignored: the camera goes where it would unpinned.
    const unknownPin = { id, pinnedTo: 'janus-9', failover: 'normal' as const };
    expect(placeCameras([...others, unknownPin], all).get(id)).toBe(
      placeCameras([...others, { id, failover: 'normal' }], all).get(id),
    );
  });

  it("respects a pin's maxCameras: the pinned cameras past it go elsewhere (or nowhere, for never)", () => {
    const all = gateways(3).map((g) => (g.id === 'janus-3' ? { ...g, maxCameras: 2 } : g));
    const pinned = (failover: FailoverPriority) =>
      cameras(3, `pin-${failover}-`, failover).map((c) => ({ ...c, pinnedTo: 'janus-3' }));
    const normal = loads(placeCameras(pinned('normal'), all));
    expect(normal.get('janus-3')).toBe(2);
    expect((normal.get('janus-1') ?? 0) + (normal.get('janus-2') ?? 0)).toBe(1);
    const never = loads(placeCameras(pinned('never'), all));
    expect(never.get('janus-3')).toBe(2);
    expect(never.get(null)).toBe(1);
  });

  it('keeps a failover-never camera on its home gateway, or nowhere', () => {
    const all = gateways(3);
    const never = cameras(40, 'never-', 'never');
    const placement = placeCameras(never, all);
    for (const camera of never) expect(placement.get(camera.id)).toBe(rankGateways(camera.id, all)[0]?.id);
    const down = placeCameras(never, withLive(all, 'janus-1', false));
    const homedOnLost = never.filter((c) => placement.get(c.id) === 'janus-1');
    expect(homedOnLost.length).toBeGreaterThan(5);
    for (const camera of never)
      expect(down.get(camera.id)).toBe(homedOnLost.includes(camera) ? null : placement.get(camera.id));
  });

  it('leaves the lower priorities without a gateway when capacity runs out', () => {
    const all = gateways(3, { maxCameras: 10 });
    const mixed = [...cameras(15, 'high-', 'high'), ...cameras(25, 'normal-')];
    const placement = placeCameras(mixed, all);
    expect(cameras(15, 'high-').every((c) => placement.get(c.id) !== null)).toBe(true);
    expect([...placement].filter(([, g]) => g === null).every(([id]) => id.startsWith('normal-'))).toBe(true);
    expect(loads(placement).get(null)).toBe(10);
    expect([...loads(placement)].filter(([g]) => g !== null).every(([, n]) => n === 10)).toBe(true);
  });

  it('lets high-priority cameras of a lost gateway take the place of normal ones when the others are full', () => {
    const all = gateways(3, { maxCameras: 10 });
    const mixed = [...cameras(10, 'high-', 'high'), ...cameras(20, 'normal-')];
    const before = placeCameras(mixed, all);
    expect(loads(before).get(null)).toBeUndefined();
    const after = placeCameras(mixed, withLive(all, 'janus-1', false));
    expect(
      cameras(10, 'high-').every(
        (c) => after.get(c.id)?.startsWith('janus-') && after.get(c.id) !== 'janus-1',
      ),
    ).toBe(true);
    expect(loads(after).get(null)).toBe(10);
    expect(loads(after).get('janus-2')).toBe(10);
    expect(loads(after).get('janus-3')).toBe(10);
  });

  it('places nothing without a live gateway, and nothing when there is nothing to place', () => {
    const placement = placeCameras(cameras(5), gateways(2, { live: false }));
    expect([...placement.values()]).toEqual([null, null, null, null, null]);
    expect(placeCameras([], gateways(2)).size).toBe(0);
  });

  it.each([
    ['gateways[janus-1].weight', gateways(1, { weight: 0 }), cameras(1)],
    ['gateways[janus-1].weight', gateways(1, { weight: -2 }), cameras(1)],
    ['gateways[janus-1].weight', gateways(1, { weight: Number.NaN }), cameras(1)],
    ['gateways[janus-1].weight', gateways(1, { weight: Number.POSITIVE_INFINITY }), cameras(1)],
    ['gateways[janus-1].maxCameras', gateways(1, { maxCameras: -1 }), cameras(1)],
    ['gateways[janus-1].maxCameras', gateways(1, { maxCameras: 2.5 }), cameras(1)],
    ['gateways[janus-1].id', [...gateways(1), ...gateways(1)], cameras(1)],
    ['cameras[cam-0001].id', gateways(1), [...cameras(1), ...cameras(1)]],
    [
      'cameras[cam-0001].failover',
      gateways(1),
      [{ id: 'cam-0001', failover: 'sometimes' as FailoverPriority }],
    ],
    ['cameras[].id', gateways(1), [{ id: '', failover: 'normal' as const }]],
  ])('refuses bad input, naming %s', (field, badGateways, badCameras) => {
    let thrown: unknown;
    try {
      placeCameras(badCameras, badGateways);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(PlacementInputError);
    expect(thrown).toMatchObject({ code: 'VIGIL_ERR_PLACEMENT_INPUT', field });
    expect(
      (thrown as Error).message.startsWith(`${field}: must`) ||
        (thrown as Error).message.startsWith(`${field}: is`),
    ).toBe(true);
  });

  it('refuses a load factor below 1', () => {
    expect(() => placeCameras(cameras(1), gateways(1), { loadFactor: 0.9 })).toThrow(
      /^loadFactor: must be a finite number ≥ 1/,
    );
  });
});

describe('movedCameras', () => {
  it('lists the cameras in both placements whose gateway changed, by camera id', () => {
    const before = new Map<string, string | null>([
      ['b', 'janus-1'],
      ['a', 'janus-2'],
      ['c', null],
      ['gone', 'janus-1'],
    ]);
    const after = new Map<string, string | null>([
      ['a', 'janus-2'],
      ['b', null],
      ['c', 'janus-3'],
      ['new', 'janus-1'],
    ]);
    expect(movedCameras(before, after)).toEqual([
      { camera_id: 'b', from: 'janus-1', to: null },
      { camera_id: 'c', from: null, to: 'janus-3' },
    ]);
  });
});
