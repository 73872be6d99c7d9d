// Camera placement: which gateway holds each camera. Pure and deterministic, so every station computes the same
// answer from the same registry, whatever order it read the cameras and gateways in.
//
// Two passes. The ideal pass places every camera as if every registered gateway were live: weighted rendezvous
// ranking, walked with "consistent hashing with bounded loads" (a gateway takes at most loadFactor × its fair
// share). The live pass keeps every camera whose ideal gateway is live exactly there, and fails the others over
// to the live gateways with room. A gateway going down (still registered, live false) therefore moves only its
// own cameras; a gateway joining takes about its weight's share and little else moves.
import type { CameraMove } from '../station/placement';
import { checkPlacementInput } from './placement-input';
import { byHashedId, rankGateways } from './rendezvous';

export { PlacementInputError } from './placement-input';
export type { CameraMove } from '../station/placement';

/** Nx-style failover priority: who gets room first when a gateway is lost; 'never' stays on its home gateway. */
export type FailoverPriority = 'high' | 'normal' | 'never';

/** A registered gateway as placement sees it. */
export interface PlacementGateway {
  id: string;
  weight: number;
  maxCameras: number;
  live: boolean;
}

/** A camera to place (enabled cameras only). */
export interface PlacementCamera {
  id: string;
  pinnedTo?: string | undefined;
  failover: FailoverPriority;
}

// 1.05, not the textbook 1.1: bounded loads cap only the fullest gateway, and the emptiest then holds the rest.
// Over 3 equal gateways 1.05 caps each at 175 of 500, so the emptiest holds ≥ 150 and max/min ≤ 1.17 for any
// camera ids; with 1.1 (cap 184, emptiest ≥ 132) id sets reaching 1.29 were measured.
const DEFAULT_LOAD_FACTOR = 1.05;
/** Assignment order: pinned cameras first, then by failover priority. */
const GROUP: Record<FailoverPriority, number> = { high: 1, normal: 2, never: 3 };
/** Who may take a lower one's place when room runs out: high over normal over never. */
const RANK: Record<FailoverPriority, number> = { high: 0, normal: 1, never: 2 };

interface Candidate {
  camera: PlacementCamera;
  /** Position in assignment order. */
  order: number;
  /** The gateway it is pinned to, when that gateway is registered. */
  pin: PlacementGateway | undefined;
  /** Every registered gateway, best first for this camera. */
  ranking: PlacementGateway[];
}

/** Per-gateway camera counts and the soft (bounded-load) limit of one pass. */
interface Loads {
  count: Map<string, number>;
  softCap: (gateway: PlacementGateway) => number;
}

/** Where each camera goes: a gateway id, or null when no live gateway may hold it. */
export function placeCameras(
  cameras: readonly PlacementCamera[],
  gateways: readonly PlacementGateway[],
  options: { loadFactor?: number } = {},
): Map<string, string | null> {
  const loadFactor = options.loadFactor ?? DEFAULT_LOAD_FACTOR;
  checkPlacementInput(cameras, gateways, loadFactor);
  const candidates = assignmentOrder(cameras, gateways);
  const ideal = idealPass(candidates, gateways, loadFactor);
  return livePass(candidates, ideal, gateways, loadFactor);
}

/** The cameras present in both placements whose gateway changed, by camera id. */
export function movedCameras(
  before: ReadonlyMap<string, string | null>,
  after: ReadonlyMap<string, string | null>,
): CameraMove[] {
  const moves: CameraMove[] = [];
  for (const [cameraId, from] of before) {
    const to = after.get(cameraId);
    if (to !== undefined && to !== from) moves.push({ camera_id: cameraId, from, to });
  }
  return moves.sort((a, b) => (a.camera_id < b.camera_id ? -1 : a.camera_id > b.camera_id ? 1 : 0));
}

function assignmentOrder(
  cameras: readonly PlacementCamera[],
  gateways: readonly PlacementGateway[],
): Candidate[] {
  const registered = new Map(gateways.map((gateway) => [gateway.id, gateway]));
  const group = (c: PlacementCamera) =>
    c.pinnedTo !== undefined && registered.has(c.pinnedTo) ? 0 : GROUP[c.failover];
  // Array.prototype.sort is stable: within a group the hashed order stays.
  return byHashedId(cameras)
    .sort((a, b) => group(a) - group(b))
    .map((camera, order) => ({
      camera,
      order,
      pin: camera.pinnedTo === undefined ? undefined : registered.get(camera.pinnedTo),
      ranking: rankGateways(camera.id, gateways),
    }));
}

function idealPass(
  candidates: readonly Candidate[],
  gateways: readonly PlacementGateway[],
  loadFactor: number,
): Map<string, PlacementGateway | undefined> {
  const loads = newLoads(gateways, candidates.length, loadFactor);
  const ideal = new Map<string, PlacementGateway | undefined>();
  for (const candidate of candidates) {
    const gateway = findRoom(candidate, () => true, loads);
    if (gateway) add(loads, gateway);
    ideal.set(candidate.camera.id, gateway);
  }
  return ideal;
}

function livePass(
  candidates: readonly Candidate[],
  ideal: ReadonlyMap<string, PlacementGateway | undefined>,
  gateways: readonly PlacementGateway[],
  loadFactor: number,
): Map<string, string | null> {
  const live = gateways.filter((gateway) => gateway.live);
  const loads = newLoads(live, candidates.length, loadFactor);
  const held = new Map<string, Candidate[]>(live.map((gateway) => [gateway.id, []]));
  const placement = new Map<string, string | null>();
  const hold = (candidate: Candidate, gateway: PlacementGateway) => {
    held.get(gateway.id)?.push(candidate);
    add(loads, gateway);
    placement.set(candidate.camera.id, gateway.id);
  };
  const displaced: Candidate[] = [];
  for (const candidate of candidates) {
    const gateway = ideal.get(candidate.camera.id);
    if (gateway?.live) hold(candidate, gateway);
    else if (candidate.camera.failover === 'never') placement.set(candidate.camera.id, null);
    else displaced.push(candidate);
  }
  // Displaced cameras in assignment order; one evicted to make room for a higher priority joins the queue.
  for (let next = 0; next < displaced.length; next++) {
    const candidate = displaced[next];
    if (!candidate) continue;
    const room = findRoom(candidate, (gateway) => gateway.live, loads);
    const evicted = room ? undefined : evictLowerPriority(candidate, held);
    if (room) hold(candidate, room);
    else if (!evicted) placement.set(candidate.camera.id, null);
    else {
      held.get(evicted.gateway.id)?.push(candidate);
      placement.set(candidate.camera.id, evicted.gateway.id);
      if (evicted.camera.camera.failover === 'never') placement.set(evicted.camera.camera.id, null);
      else enqueue(displaced, next + 1, evicted.camera);
    }
  }
  return placement;
}

/** The gateway a camera may go to now, or undefined when every one it may use is full. */
function findRoom(
  candidate: Candidate,
  usable: (gateway: PlacementGateway) => boolean,
  loads: Loads,
): PlacementGateway | undefined {
  const { camera, pin, ranking } = candidate;
  const load = (gateway: PlacementGateway) => loads.count.get(gateway.id) ?? 0;
  const belowMax = (gateway: PlacementGateway) => usable(gateway) && load(gateway) < gateway.maxCameras;
  if (camera.failover === 'never') {
    const home = pin ?? ranking[0];
    return home && belowMax(home) ? home : undefined;
  }
  if (pin && belowMax(pin)) return pin;
  // The bounded-load limit balances; past it, a gateway still below its maxCameras beats no gateway at all.
  return ranking.find((g) => belowMax(g) && load(g) < loads.softCap(g)) ?? ranking.find(belowMax);
}

/**
 * Makes room for `candidate` on the first live gateway of its ranking that holds a camera of lower failover
 * priority: the lowest priority there, latest in assignment order, is taken off and returned.
 */
function evictLowerPriority(
  candidate: Candidate,
  held: Map<string, Candidate[]>,
): { gateway: PlacementGateway; camera: Candidate } | undefined {
  const rank = RANK[candidate.camera.failover];
  // Lower priority first, then later in assignment order.
  const below = (a: Candidate, b: Candidate) =>
    RANK[a.camera.failover] - RANK[b.camera.failover] || a.order - b.order;
  const gateways = candidate.pin ? [candidate.pin, ...candidate.ranking] : candidate.ranking;
  for (const gateway of gateways) {
    const holding = held.get(gateway.id) ?? [];
    let victim = -1;
    for (const [index, other] of holding.entries()) {
      const current = holding[victim];
      if (RANK[other.camera.failover] > rank && (!current || below(other, current) > 0)) victim = index;
    }
    const [camera] = victim === -1 ? [] : holding.splice(victim, 1);
    if (camera) return { gateway, camera };
  }
  return undefined;
}

/** Puts a camera back in the queue at its place in assignment order, but not before `from`. */
function enqueue(queue: Candidate[], from: number, candidate: Candidate): void {
  const index = queue.findIndex((other, i) => i >= from && other.order > candidate.order);
  queue.splice(index === -1 ? queue.length : index, 0, candidate);
}

function newLoads(gateways: readonly PlacementGateway[], cameraCount: number, loadFactor: number): Loads {
  const totalWeight = gateways.reduce((sum, gateway) => sum + gateway.weight, 0);
  return {
    count: new Map(gateways.map((gateway) => [gateway.id, 0])),
    // The small epsilon keeps float noise (1.1 × 300 / 3 = 110.00000000000001) from adding a slot.
    softCap: (gateway) =>
      Math.min(
        gateway.maxCameras,
        Math.ceil((loadFactor * cameraCount * gateway.weight) / totalWeight - 1e-9),
      ),
  };
}

function add(loads: Loads, gateway: PlacementGateway): void {
  loads.count.set(gateway.id, (loads.count.get(gateway.id) ?? 0) + 1);
}
