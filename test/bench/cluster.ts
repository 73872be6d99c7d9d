// `npm run bench -- cluster`: cluster mode's figures, one part after the other (placement first; parts that need
// the lab's Janus and camera, or a nats-server, take `lab` and are appended to PARTS).
import type { Lab } from '../lab';
import { benchClusterFailover } from './cluster-failover';
import { benchClusterKv } from './cluster-kv';
import { benchClusterPlacement } from './cluster-placement';

const PARTS: readonly ((lab: Lab) => void | Promise<void>)[] = [
  benchClusterPlacement,
  benchClusterKv,
  benchClusterFailover,
];

/** Prints every cluster figure, part by part. */
export async function benchCluster(lab: Lab): Promise<void> {
  for (const part of PARTS) await part(lab);
}
