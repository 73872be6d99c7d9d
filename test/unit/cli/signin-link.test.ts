import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { printSignInLink } from '../../../main/cli/signin-link';
import { setupSessions } from '../../../main/runtime/browser-signin';

let dataDir: string;
let printed: string;
const out = {
  stdout: (text: string) => {
    printed += text;
  },
  stderr: () => undefined,
};
const logger = pino({ level: 'silent' });

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'vigil-signin-link-'));
  printed = '';
});
afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

const tokenOf = (text: string): string => /\?token=([A-Za-z0-9_-]{43})/.exec(text)?.[1] ?? '';

describe('vigil signin-link', () => {
  it('prints a link a station on the same data folder accepts once, also when it was already running', async () => {
    const station = setupSessions(dataDir, undefined, logger);
    await printSignInLink({ dataDir }, undefined, out);
    expect(printed).toMatch(/^Open the camera wall .*\n {2}http:\/\/127\.0\.0\.1:3000\/\?token=/);
    expect(readFileSync(join(dataDir, 'signin-url'), 'utf8')).toContain(tokenOf(printed));
    expect(station.redeem(tokenOf(printed))).toBeDefined();
    expect(station.redeem(tokenOf(printed))).toBeUndefined();
  });

  it("points at the station's URL from its last link, or the one given", async () => {
    writeFileSync(join(dataDir, 'signin-url'), 'https://desk.example:8443/?token=old\n');
    await printSignInLink({ dataDir }, undefined, out);
    expect(printed).toContain('  https://desk.example:8443/?token=');
    printed = '';
    await printSignInLink({ dataDir }, new URL('http://127.0.0.1:3990'), out);
    expect(printed).toContain('  http://127.0.0.1:3990/?token=');
  });
});
