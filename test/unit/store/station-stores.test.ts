import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';

import { createKeyFileCipher } from '../../../main/store/secret-cipher';
import { openStationStores } from '../../../main/store/station-stores';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('openStationStores', () => {
  it('first removes the temp files a killed station left in the data folder', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'vigil-stores-'));
    dirs.push(dataDir);
    const leftover = join(dataDir, 'cameras.json.tmp-1718000000a1b2c3');
    writeFileSync(leftover, '{"cameras":[]}');
    const hourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(leftover, hourAgo, hourAgo);
    const stores = await openStationStores({
      dataDir,
      logger: pino({ level: 'silent' }),
      cipher: await createKeyFileCipher(dataDir),
    });
    expect(stores.cameras.list()).toEqual([]);
    expect(readdirSync(dataDir).filter((name) => name.includes('.tmp'))).toEqual([]);
  });
});
