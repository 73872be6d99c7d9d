import { readFile } from 'node:fs/promises';

import { describe, expect, it, vi } from 'vitest';

import { useLab } from '../../lab/vitest';
import { addLabCameras, freshDataDir, labGateway, removeDataDir, startStation } from './harness';
import { janusMountpoints } from './janus-view';

const lab = useLab({ cameras: 1, auth: 'digest' });

describe('a station started while its Janus is down', () => {
  it('keeps trying, then puts every stored camera’s mountpoint on Janus once it answers', async () => {
    const dataDir = await freshDataDir();
    let running = await startStation(labGateway(lab()), dataDir);
    try {
      const [streamId] = await addLabCameras(running, lab(), ['lobby']);
      await running.stop({ removeMountpoints: true });
      await lab().janus.kill('SIGKILL');

      running = await startStation(labGateway(lab()), dataDir);
      const health = async () =>
        (await (await running.call('/health')).json()) as { janus_connectivity: string };
      const retries = async () =>
        (await readFile(running.logFile, 'utf8'))
          .split('\n')
          .filter((line) => line.includes('Janus is not reachable; retrying')).length;
      await vi.waitFor(
        async () => {
          expect(await retries()).toBeGreaterThanOrEqual(3);
        },
        { timeout: 20_000, interval: 100 },
      );
      expect((await health()).janus_connectivity).toBe('down');

      await lab().janus.start();
      await vi.waitFor(
        async () => {
          expect((await health()).janus_connectivity).toBe('ok');
          expect((await janusMountpoints(lab())).map((m) => m.id)).toEqual([streamId]);
        },
        { timeout: 20_000, interval: 100 },
      );
    } finally {
      await running.stop({ removeMountpoints: true });
      await removeDataDir(dataDir);
    }
  });
});
