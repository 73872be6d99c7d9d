// The shared-store part of `npm run bench -- cluster`: how long a record written through one station's KV record
// list takes to reach another's watch (the camera store's path: create on A → B's mirror reports `added`). A real
// nats-server with JetStream on file storage; the two "stations" are two NATS connections with their own mirrors
// in this process (the stations' own REST round trip is measured by the integration test).
import { performance } from 'node:perf_hooks';

import pino from 'pino';

import { ErrorCode, VigilError } from '../../common/errors';
import { ClusterConnection } from '../../main/cluster/connection';
import { openKvRecordList } from '../../main/cluster/kv-record-list';
import type { RecordListRules } from '../../main/store/record-list';
import { startNatsServer } from '../integration/cluster/nats-server';
import { quantile } from './measure';

const WRITES = 300;
const WARMUP = 20;
const WAIT_MS = 5_000;
const MAX_MS = 60_000;

interface Note {
  id: string;
  n: number;
}

const rules: RecordListRules<Note> = {
  idOf: (note) => note.id,
  check: () => undefined,
  freeze: (note) => Object.freeze(note),
  exists: (id) => new VigilError(ErrorCode.Conflict, `${id} exists`),
  notFound: (id) => new VigilError(ErrorCode.NotFound, `no ${id}`),
};

/** Prints the write → watch latency between two stations' mirrors (median, p99) and the write's own time. */
export async function benchClusterKv(): Promise<void> {
  const nats = await startNatsServer();
  const logger = pino({ level: 'silent' });
  const connections: ClusterConnection[] = [];
  try {
    for (const name of ['bench-a', 'bench-b']) {
      connections.push(await ClusterConnection.connect({ servers: [nats.url], name }, logger));
    }
    const [a, b] = await Promise.all(
      connections.map(async (c) =>
        openKvRecordList(await c.bucket('bench_kv', { history: 5, storage: 'file' }), c, rules, logger),
      ),
    );
    if (a === undefined || b === undefined) throw new Error('the record lists did not open');
    const seen = new Map<string, () => void>();
    b.onChange((change) => seen.get(change.id)?.());
    const watchMs: number[] = [];
    const writeMs: number[] = [];
    const deadline = Date.now() + MAX_MS;
    for (let n = 0; n < WARMUP + WRITES && Date.now() < deadline; n++) {
      const id = `note-${n}`;
      const arrived = new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          reject(new Error(`${id} did not reach the other mirror in ${WAIT_MS} ms`));
        }, WAIT_MS);
        seen.set(id, () => {
          clearTimeout(timer);
          resolve();
        });
      });
      const start = performance.now();
      await a.insert({ id, n });
      const written = performance.now();
      await arrived;
      if (n >= WARMUP) {
        writeMs.push(written - start);
        watchMs.push(performance.now() - start);
      }
    }
    a.stop();
    b.stop();
    const line = (label: string, values: number[]): string => {
      const sorted = [...values].sort((x, y) => x - y);
      return `  ${label.padEnd(34)} median ${quantile(sorted, 0.5).toFixed(2)} ms   p99 ${quantile(sorted, 0.99).toFixed(2)} ms`;
    };
    console.log(
      `\nKV write → watch on another station (${watchMs.length} writes, one at a time, nats-server -js):`,
    );
    console.log(line('create acknowledged (CAS write)', writeMs));
    console.log(line('seen by the other mirror', watchMs));
  } finally {
    for (const connection of connections) await connection.close();
    await nats.dispose();
  }
}
