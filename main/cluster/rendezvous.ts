// Weighted rendezvous (highest random weight) hashing: every station computes the same ranking of gateways for a
// camera from nothing but the two ids and the gateway's weight, so no coordination is needed to agree on it.
import { createHash } from 'node:crypto';

const TWO_POW_52 = 2 ** 52;

/** A stable number in [0, 2^52) from the SHA-256 of `text` (its first 52 bits). */
export function hash52(text: string): number {
  const digest = createHash('sha256').update(text, 'utf8').digest();
  // 48 bits from the first six bytes, then the high nibble of the seventh: exact in a double.
  return digest.readUIntBE(0, 6) * 16 + ((digest[6] ?? 0) >> 4);
}

/** A camera's score on a gateway: -weight / ln(u), u in (0, 1) from the hash of both ids; highest wins. */
export function rendezvousScore(cameraId: string, gatewayId: string, weight: number): number {
  const u = (hash52(`${cameraId}\u0000${gatewayId}`) + 0.5) / TWO_POW_52;
  return -weight / Math.log(u);
}

/** Compares two ids by code unit, the same on every station whatever its locale. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The gateways ranked for one camera, best first (ties, astronomically rare, broken by gateway id). */
export function rankGateways<G extends { id: string; weight: number }>(
  cameraId: string,
  gateways: readonly G[],
): G[] {
  return gateways
    .map((gateway) => ({ gateway, score: rendezvousScore(cameraId, gateway.id, gateway.weight) }))
    .sort((a, b) => b.score - a.score || compareIds(a.gateway.id, b.gateway.id))
    .map((entry) => entry.gateway);
}

/** Orders items by a stable hash of their id (then by id), so the order never depends on input order. */
export function byHashedId<T extends { id: string }>(items: readonly T[]): T[] {
  return items
    .map((item) => ({ item, key: hash52(item.id) }))
    .sort((a, b) => a.key - b.key || compareIds(a.item.id, b.item.id))
    .map((entry) => entry.item);
}
