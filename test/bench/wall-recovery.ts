// The wall benchmark's last figure: how long after a `kill -9` of the bundled Janus every tile of a 16-tile wall
// plays again, on a station of its own (`vigil serve` with its bundled Janus, restarted by its supervisor).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import type { Chromium } from '../e2e/chromium';
import { startStation, stationPorts } from '../e2e/station';
import type { Lab } from '../lab';
import { quantile } from './measure';
import { chooseView, openWall, tileStates } from './wall-page';

/** Janus kills measured. */
const KILLS = 3;
/** Janus must have run this long for its supervisor to restart it at once (gateway/restart-policy.ts). */
const STABLE_MS = 31_000;
/** How often the tiles' states are read while Janus recovers. */
const POLL_MS = 25;

const allLive = (states: string[]) => states.length === 16 && states.every((state) => state === 'live');

/** Kills the bundled Janus under a 16-tile wall KILLS times; prints the time from each kill to every tile live. */
export async function benchRecovery(chromium: Chromium, lab: Lab): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'vigil-bench-recovery-'));
  const station = await startStation(dataDir, await stationPorts());
  const page = await chromium.context.newPage();
  try {
    const ids = Array.from({ length: 16 }, (_, i) => `cam-${i + 1}`);
    for (const [i, cameraId] of ids.entries()) {
      const camera = lab.cameras[i % lab.cameras.length];
      if (!camera) throw new Error('the bench lab has no camera');
      await station.addCamera(cameraId, cameraId, camera);
    }
    const body = { view_id: 'v16', name: '16 tiles', layout: '4x4', tiles: ids };
    await station.call('/views', { method: 'POST', body });
    await page.goto(station.signInLink);
    await openWall(page, station, 'v16');
    await page.evaluate(chooseView, 'v16');
    const times: number[] = [];
    for (let kill = 0; kill < KILLS; kill++) {
      while (!allLive(await tileStates(page, 16))) await sleep(POLL_MS);
      await sleep(STABLE_MS);
      times.push(await killAndRecover(page, station.janusPid()));
    }
    const sorted = [...times].sort((a, b) => a - b);
    console.log(
      `Janus SIGKILL (bundled Janus, restarted by its supervisor) → all 16 tiles live again: median ` +
        `${quantile(sorted, 0.5).toFixed(0)} ms; runs ${times.map((t) => t.toFixed(0)).join(', ')} ms`,
    );
  } finally {
    await page.close();
    await station.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** Kills Janus; resolves with the ms until every tile was live again (after at least one was not). */
async function killAndRecover(
  page: Parameters<typeof tileStates>[0],
  pid: number | undefined,
): Promise<number> {
  if (pid === undefined) throw new Error('the station runs no bundled Janus');
  const killedAt = performance.now();
  process.kill(pid, 'SIGKILL');
  let seenDown = false;
  for (;;) {
    const states = await tileStates(page, 16);
    seenDown ||= !allLive(states);
    if (seenDown && allLive(states)) return performance.now() - killedAt;
    if (performance.now() - killedAt > 60_000) throw new Error(`tiles still ${states.join(',')} after 60 s`);
    await sleep(POLL_MS);
  }
}
