// Seed 2's Python Janus client (`janus-client` on PyPI) against the door, with the API its README shows:
// JanusClient(url) → connect() → create_session() → destroy(). PyPI cannot be reached from these machines (npm and
// Debian only; /work/shared/LAB.md), so the client cannot be installed here: the test prints why and is skipped
// while the module is missing, and runs where someone installed it (`pip install janus-client==0.9.0`).
import { spawnSync } from 'node:child_process';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { StreamInfo } from '../../../common/camera';
import { useLab } from '../../lab/vitest';
import {
  addLabCameras,
  freshDataDir,
  labGateway,
  removeDataDir,
  startStation,
  type RunningStation,
} from '../station/harness';

const PYTHON = '/usr/bin/python3';
const installed = spawnSync(PYTHON, ['-c', 'import janus_client'], { stdio: 'ignore' }).status === 0;
const REASON =
  "seed 2's Python janus-client is not installed and cannot be: PyPI is unreachable from this machine (npm and " +
  'Debian only)';
if (!installed) console.log(`skipped: ${REASON}`);

const SCRIPT = `
import asyncio, sys
from janus_client import JanusClient

async def main(url):
    client = JanusClient(url)
    await client.connect()
    session = await client.create_session()
    await session.destroy()
    await client.disconnect()
    print("ok")

asyncio.run(main(sys.argv[1]))
`;

describe.skipIf(!installed)(
  `seed 2's Python janus-client through the door${installed ? '' : ` (skipped: ${REASON})`}`,
  () => {
    const lab = useLab({ cameras: 1, auth: 'digest' });
    let running: RunningStation;
    let dataDir: string;
    beforeAll(async () => {
      dataDir = await freshDataDir();
      running = await startStation(labGateway(lab()), dataDir);
      await addLabCameras(running, lab(), ['lobby']);
    });
    afterAll(async () => {
      await running.stop({ removeMountpoints: true });
      await removeDataDir(dataDir);
    });

    it('opens and destroys a session with janus_url as given (no Origin, no key in the client)', async () => {
      const info = (await (await running.call('/cameras/lobby/stream')).json()) as StreamInfo;
      const run = spawnSync(PYTHON, ['-c', SCRIPT, info.janus_url], { encoding: 'utf8', timeout: 30_000 });
      expect(run.stdout.trim(), run.stderr).toBe('ok');
    });
  },
);
