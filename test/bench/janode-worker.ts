// janode's half of `npm run bench -- janus`, in its own process. janode loads a native addon
// (unix-dgram) that `npm ci` compiles for the Node running npm, so this runs on that Node
// (npm_node_execpath) while the project runs on Node 22. Reads the lab from VIGIL_BENCH_LAB and
// prints its rates as one line of JSON.
import Janode from 'janode';
import StreamingPlugin from 'janode/plugins/streaming';

import type { LabJson } from '../lab';
import { measureRate, type Rate } from './measure';
import { BENCH_CONCURRENCY, BENCH_OPERATIONS, RTP_VIDEO } from './janus-cases';

const lab = JSON.parse(process.env.VIGIL_BENCH_LAB ?? 'null') as LabJson | null;
if (!lab) throw new Error('VIGIL_BENCH_LAB is not set: run this through `npm run bench -- janus`');

Janode.Logger.setLevel('none');
const connection = await Janode.connect({
  address: { url: lab.janus.ws_url, apisecret: lab.janus.api_secret },
  ws_options: { origin: lab.janus.allow_origin },
});
const session = await connection.create();
const streaming = await session.attach(StreamingPlugin);
const rates: Rate[] = [];
for (const concurrency of BENCH_CONCURRENCY) {
  const options = { operations: BENCH_OPERATIONS, concurrency };
  rates.push(
    await measureRate(
      'janode ws session create+destroy',
      async () => (await connection.create()).destroy(),
      options,
    ),
    await measureRate(
      'janode ws mountpoint create+destroy',
      async () => {
        const created = await streaming.createRtpMountpoint({
          media: [RTP_VIDEO],
          secret: 's',
          admin_key: lab.janus.streaming_admin_key,
        });
        await streaming.destroyMountpoint({ id: created.id, secret: 's' });
      },
      options,
    ),
  );
}
await session.destroy();
await connection.close();
console.log(JSON.stringify(rates));
