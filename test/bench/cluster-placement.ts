// The placement part of `npm run bench -- cluster`: balance, movement on a gateway joining or being lost, and the
// time to compute a placement, each beside a baseline from the same run (plain, unbounded weighted rendezvous over
// the same inputs; for movement also the ideal fraction). Pure computation: it needs nothing from the lab.
import { performance } from 'node:perf_hooks';

import {
  movedCameras,
  placeCameras,
  type PlacementCamera,
  type PlacementGateway,
} from '../../main/cluster/placement';
import { rendezvousScore } from '../../main/cluster/rendezvous';
import { quantile } from './measure';

const ID_SETS = 100;
const TIMED_COUNTS = [300, 500, 5000] as const;
const TIMED_RUNS = 21;
const TIMED_WARMUP = 3;
const TIMED_MAX_MS = 30_000;

type Placement = Map<string, string | null>;

const gateways = (count: number): PlacementGateway[] =>
  Array.from({ length: count }, (_, i) => ({
    id: `janus-${i + 1}`,
    weight: 1,
    maxCameras: 10_000,
    live: true,
  }));

const cameras = (count: number, site = 0): PlacementCamera[] =>
  Array.from({ length: count }, (_, i) => ({
    id: `site${site}-cam-${String(i + 1).padStart(4, '0')}`,
    failover: 'normal',
  }));

/** The baseline: every camera on its highest-scoring live gateway, no capacity, pins or priorities. */
function plainRendezvous(
  all: readonly PlacementCamera[],
  registered: readonly PlacementGateway[],
): Placement {
  const live = registered.filter((g) => g.live);
  const placement: Placement = new Map();
  for (const camera of all) {
    let best: string | null = null;
    let bestScore = -Infinity;
    for (const gateway of live) {
      const score = rendezvousScore(camera.id, gateway.id, gateway.weight);
      if (score > bestScore) [best, bestScore] = [gateway.id, score];
    }
    placement.set(camera.id, best);
  }
  return placement;
}

type Placer = (all: readonly PlacementCamera[], registered: readonly PlacementGateway[]) => Placement;
const PLACERS: readonly { name: string; place: Placer }[] = [
  { name: 'placement (default, loadFactor 1.05)', place: (all, registered) => placeCameras(all, registered) },
  {
    name: 'placement, loadFactor 1.1',
    place: (all, registered) => placeCameras(all, registered, { loadFactor: 1.1 }),
  },
  { name: 'plain rendezvous', place: plainRendezvous },
];

function maxOverMin(placement: Placement, registered: readonly PlacementGateway[]): number {
  const counts = new Map(registered.filter((g) => g.live).map((g) => [g.id, 0]));
  for (const gateway of placement.values()) {
    const count = gateway === null ? undefined : counts.get(gateway);
    if (gateway !== null && count !== undefined) counts.set(gateway, count + 1);
  }
  return Math.max(...counts.values()) / Math.min(...counts.values());
}

const median = (values: number[]) =>
  quantile(
    [...values].sort((a, b) => a - b),
    0.5,
  );
const worst = (values: number[]) => Math.max(...values);

function table(header: readonly string[], rows: readonly string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]?.length ?? 0)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

function printBalance(): void {
  console.log(
    `\nplacement balance: 500 cameras over 3 equal gateways, max/min load (goal ≤ 1.2), ${ID_SETS} id sets`,
  );
  const rows = PLACERS.map(({ name, place }) => {
    const ratios = Array.from({ length: ID_SETS }, (_, site) =>
      maxOverMin(place(cameras(500, site), gateways(3)), gateways(3)),
    );
    return [name, (ratios[0] ?? Number.NaN).toFixed(3), median(ratios).toFixed(3), worst(ratios).toFixed(3)];
  });
  console.log(table(['placer', 'set 0', 'median', 'worst'], rows));
}

function printJoin(): void {
  console.log(
    `\na 4th gateway joins 3: fraction of 500 cameras moved (goal ≈ 1/4; ratio = fraction ÷ ideal 0.25), ${ID_SETS} id sets`,
  );
  const rows = PLACERS.map(({ name, place }) => {
    const fractions: number[] = [];
    const toNew: number[] = [];
    for (let site = 0; site < ID_SETS; site++) {
      const all = cameras(500, site);
      const moves = movedCameras(place(all, gateways(3)), place(all, gateways(4)));
      fractions.push(moves.length / all.length);
      toNew.push(moves.filter((m) => m.to === 'janus-4').length / moves.length);
    }
    const fraction = median(fractions);
    return [
      name,
      fraction.toFixed(3),
      `${(fraction / 0.25).toFixed(2)}×`,
      worst(fractions).toFixed(3),
      `${(100 * median(toNew)).toFixed(1)} %`,
    ];
  });
  console.log(table(['placer', 'median', 'ratio', 'worst', 'moves to the new one'], rows));
}

function printLoss(): void {
  console.log(
    `\none of 3 gateways lost (live: false): cameras moved ÷ that gateway's share, ${ID_SETS} id sets × 3 losses`,
  );
  const rows = PLACERS.map(({ name, place }) => {
    const ratios: number[] = [];
    let others = 0;
    let unplaced = 0;
    for (let site = 0; site < ID_SETS; site++) {
      const all = cameras(500, site);
      const before = place(all, gateways(3));
      for (const lost of ['janus-1', 'janus-2', 'janus-3']) {
        const share = [...before.values()].filter((g) => g === lost).length;
        const after = place(
          all,
          gateways(3).map((g) => (g.id === lost ? { ...g, live: false } : g)),
        );
        const moves = movedCameras(before, after);
        ratios.push(moves.length / share);
        others += moves.filter((m) => m.from !== lost).length;
        unplaced += moves.filter((m) => m.to === null).length;
      }
    }
    return [name, median(ratios).toFixed(3), worst(ratios).toFixed(3), String(others), String(unplaced)];
  });
  console.log(table(['placer', 'median', 'worst', 'others moved (total)', 'left unplaced'], rows));
}

/** Median milliseconds of `run` over repeated runs (bounded in count and time) after a warm-up. */
function medianMs(run: () => unknown): { ms: number; runs: number } {
  for (let i = 0; i < TIMED_WARMUP; i++) run();
  const times: number[] = [];
  const deadline = performance.now() + TIMED_MAX_MS;
  while (times.length < TIMED_RUNS && performance.now() < deadline) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return { ms: median(times), runs: times.length };
}

function printTiming(): void {
  console.log(
    `\ntime to compute a placement over 3 gateways, median of up to ${TIMED_RUNS} runs (ratio = placement ÷ plain rendezvous)`,
  );
  const rows = TIMED_COUNTS.map((count) => {
    const all = cameras(count);
    const registered = gateways(3);
    const placement = medianMs(() => placeCameras(all, registered));
    const plain = medianMs(() => plainRendezvous(all, registered));
    return [
      String(count),
      placement.ms.toFixed(2),
      plain.ms.toFixed(2),
      `${(placement.ms / plain.ms).toFixed(2)}×`,
      String(Math.min(placement.runs, plain.runs)),
    ];
  });
  console.log(table(['cameras', 'placement ms', 'plain ms', 'ratio', 'runs'], rows));
}

/** Prints placement balance, movement on join and loss, and compute time, each beside its baseline. */
export function benchClusterPlacement(): void {
  printBalance();
  printJoin();
  printLoss();
  printTiming();
}
