// `npm run bench -- <name>`: runs a benchmark against real parts inside a media lab namespace and prints
// its figures. Benchmarks measure; they never pass or fail on time.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

import { startLab, type LabOptions } from '../lab';
import { benchApi } from './api';
import { benchCluster } from './cluster';
import { benchJanus } from './janus';
import { benchRecording } from './recording';
import { benchMotion } from './motion';
import { benchWall } from './wall';

const benches: Record<
  string,
  { lab: LabOptions; run: (lab: Awaited<ReturnType<typeof startLab>>) => Promise<void> }
> = {
  janus: { lab: { cameras: 1, auth: 'none' }, run: benchJanus },
  api: { lab: { cameras: 1, auth: 'digest' }, run: benchApi },
  wall: { lab: { cameras: 4, auth: 'digest' }, run: benchWall },
  // No camera credentials: the baseline ffmpeg takes the camera's URL on its command line.
  recording: { lab: { cameras: 4, auth: 'none' }, run: benchRecording },
  motion: { lab: { cameras: 1, auth: 'digest' }, run: benchMotion },
  cluster: { lab: { cameras: 1, auth: 'digest' }, run: benchCluster },
};

const name = process.argv[2] ?? '';
const bench = benches[name];
if (!bench) {
  console.error(`usage: npm run bench -- <${Object.keys(benches).join('|')}>`);
  process.exit(2);
}

if (!process.env.LAB_NETNS) {
  // Not inside a lab yet: run this same command inside one (created and removed around it).
  const root = join(import.meta.dirname, '../..');
  const tsx = join(root, 'node_modules/.bin/tsx');
  const result = spawnSync(tsx, ['test/lab/cli.ts', 'run', '--', tsx, 'test/bench/cli.ts', name], {
    cwd: root,
    stdio: 'inherit',
  });
  process.exit(result.status ?? 1);
}

const lab = await startLab(bench.lab);
try {
  await bench.run(lab);
} finally {
  await lab.stop();
}
