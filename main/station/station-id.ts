import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const FILE = 'station-id';
const PATTERN = /^[a-z0-9]{8,32}$/;

/** This station's id (kept in the data dir): it marks the Janus mountpoints this station owns. */
export async function loadStationId(dataDir: string): Promise<string> {
  const path = join(dataDir, FILE);
  try {
    const id = (await readFile(path, 'utf8')).trim();
    if (PATTERN.test(id)) return id;
    throw new Error(
      `${path} does not hold a station id (8–32 lowercase letters or digits); delete it to get a new one`,
    );
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const id = randomBytes(8).toString('hex');
  await writeFile(path, `${id}\n`, { mode: 0o600, flag: 'wx' });
  return id;
}
