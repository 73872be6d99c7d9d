// The shared-store part of `npm run bench -- cluster`: how long a record written through one station's KV record
// list takes to reach another station's mirror (the camera store's path: create on A → B's mirror reports
// `added`), beside the baseline measured in the same run on the same server: a plain NATS publish from A's
// connection to a subscriber on B's. A real nats-server with JetStream on file storage; the two "stations" are two
// NATS connections with their own record lists in this process (the stations' REST round trip is the integration
// test's).
import { performance } from 'node:perf_hooks';

import pino from 'pino';

import { ErrorCode, VigilError } from '../../common/errors';
import { ClusterConnection } from '../../main/cluster/connection';
import { openKvRecordList } from '../../main/cluster/kv-record-list';
import type { RecordListRules } from '../../main/store/record-list';
import { startNatsServer } from '../integration/cluster/nats-server';
import { quantile } from './measure';

const ROUNDS = 1_000;
const WARMUP = 20;
const WAIT_MS = 5_000;
const MAX_MS = 120_000;

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

/** Arrivals timed where they arrive (a watch entry may come before the write's own acknowledgement). */
class Arrivals {
  readonly #waiting = new Map<string, (at: number) => void>();

  /** Resolves with the time `key` arrives; rejects after WAIT_MS. */
  expect(key: string): Promise<number> {
    return new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiting.delete(key);
        reject(new Error(`${key} did not arrive in ${WAIT_MS} ms`));
      }, WAIT_MS);
      this.#waiting.set(key, (at) => {
        clearTimeout(timer);
        resolve(at);
      });
    });
  }

  /** Notes that `key` arrived now. */
  arrived(key: string): void {
    const at = performance.now();
    this.#waiting.get(key)?.(at);
    this.#waiting.delete(key);
  }
}

/** Prints write → watch latency between two stations' mirrors beside the plain NATS baseline (median, p99). */
export async function benchClusterKv(): Promise<void> {
  const nats = await startNatsServer();
  const logger = pino({ level: 'silent' });
  const connections: ClusterConnection[] = [];
  try {
    for (const name of ['bench-a', 'bench-b']) {
      connections.push(await ClusterConnection.connect({ servers: [nats.url], name }, logger));
    }
    const [connectionA, connectionB] = connections as [ClusterConnection, ClusterConnection];
    const arrivals = new Arrivals();
    const deadline = Date.now() + MAX_MS;
    const rounds = async (write: (key: string) => Promise<void>): Promise<[number[], number[]]> => {
      const writeMs: number[] = [];
      const seenMs: number[] = [];
      for (let n = 0; n < WARMUP + ROUNDS && Date.now() < deadline; n++) {
        const key = `note-${n}`;
        const seen = arrivals.expect(key);
        const start = performance.now();
        await write(key);
        const written = performance.now();
        const at = await seen;
        if (n < WARMUP) continue;
        writeMs.push(written - start);
        seenMs.push(at - start);
      }
      return [writeMs, seenMs];
    };

    const subscription = connectionB.nats.subscribe('bench.ping', {
      callback: (_error, message) => {
        arrivals.arrived(message.string());
      },
    });
    await connectionB.nats.flush();
    const [, plainMs] = await rounds((key) => {
      connectionA.nats.publish('bench.ping', key);
      return Promise.resolve();
    });
    subscription.unsubscribe();

    const [a, b] = await Promise.all(
      connections.map(async (c) =>
        openKvRecordList(await c.bucket('bench_kv', { history: 5, storage: 'file' }), c, rules, logger),
      ),
    );
    if (a === undefined || b === undefined) throw new Error('the record lists did not open');
    b.onChange((change) => {
      arrivals.arrived(change.id);
    });
    const [createMs, mirrorMs] = await rounds((key) => a.insert({ id: key, n: 0 }));
    a.stop();
    b.stop();

    const line = (label: string, values: number[]): string => {
      const sorted = [...values].sort((x, y) => x - y);
      const ms = (q: number): string => quantile(sorted, q).toFixed(2);
      return `  ${label.padEnd(42)} median ${ms(0.5)} ms   p99 ${ms(0.99)} ms   (n=${sorted.length})`;
    };
    console.log('\nKV write → another station’s mirror (one at a time, nats-server -js, loopback):');
    console.log(line('baseline: NATS publish → subscriber', plainMs));
    console.log(line('create acknowledged (CAS write)', createMs));
    console.log(line('create seen by the other station’s mirror', mirrorMs));
  } finally {
    for (const connection of connections) await connection.close();
    await nats.dispose();
  }
}
