import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { JanusConnection } from '../../main/janus';
import type { Lab } from '../lab';
import { BENCH_CONCURRENCY, BENCH_OPERATIONS, RTP_VIDEO } from './janus-cases';
import { formatRates, measureRate, type Rate } from './measure';

const run = promisify(execFile);
const root = join(import.meta.dirname, '../..');

async function vigilCases(lab: Lab, transport: 'http' | 'ws'): Promise<Rate[]> {
  const url = transport === 'http' ? lab.janus.http_url : lab.janus.ws_url;
  const connection = await JanusConnection.connect({
    url,
    apiSecret: lab.janus.api_secret,
    origin: lab.janus.allow_origin,
  });
  const session = await connection.createSession();
  const streaming = await session.attachStreaming({ adminKey: lab.janus.streaming_admin_key });
  const rates: Rate[] = [];
  for (const concurrency of BENCH_CONCURRENCY) {
    const options = { operations: BENCH_OPERATIONS, concurrency };
    rates.push(
      await measureRate(
        `vigil ${transport} session create+destroy`,
        async () => (await connection.createSession()).destroy(),
        options,
      ),
      await measureRate(
        `vigil ${transport} mountpoint create+destroy`,
        async () => {
          const created = await streaming.create({ type: 'rtp', media: [RTP_VIDEO], secret: 's' });
          await streaming.destroy(created.id, { secret: 's' });
        },
        options,
      ),
    );
  }
  await connection.close();
  return rates;
}

/** Runs janode's cases in a child process on the Node that runs npm (see janode-worker.ts). */
async function janodeCases(lab: Lab): Promise<Rate[]> {
  const node = process.env.npm_node_execpath ?? 'node';
  const { stdout } = await run(
    node,
    [join(root, 'node_modules/tsx/dist/cli.mjs'), 'test/bench/janode-worker.ts'],
    {
      cwd: root,
      env: { ...process.env, VIGIL_BENCH_LAB: JSON.stringify(lab.toJSON()) },
      timeout: 300_000,
    },
  );
  return JSON.parse(stdout) as Rate[];
}

/** Prints requests/s of the Vigil client (HTTP, WS) beside janode (WS) against one real Janus. */
export async function benchJanus(lab: Lab): Promise<void> {
  const rates = [
    ...(await vigilCases(lab, 'http')),
    ...(await vigilCases(lab, 'ws')),
    ...(await janodeCases(lab)),
  ];
  const janodeFor = (rate: Rate) =>
    rates.find(
      (r) =>
        r.label === rate.label.replace(/^vigil (http|ws)/, 'janode ws') && r.concurrency === rate.concurrency,
    );
  console.log(`Janus client throughput against one real Janus (${BENCH_OPERATIONS} operations per case)`);
  console.log('ratio = this case ÷ the same case with janode over WebSocket; goal: vigil ws ≥ 1.00×');
  console.log(formatRates(rates, janodeFor));
}
