import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { JanusNotFoundError } from '../../../main/gateway/errors';
import { findJanusBinary, findJanusLibDir } from '../../../main/gateway/janus-binary';

let root: string;
const path = (...parts: string[]): string => join(root, ...parts);

async function executable(file: string): Promise<void> {
  await writeFile(file, '#!/bin/sh\n');
  await chmod(file, 0o755);
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'vigil-janus-binary-'));
  for (const dir of [
    'bin1',
    'bin2',
    'env',
    'plain',
    'lib/janus/plugins',
    'lib/janus/transports',
    'half/plugins',
  ])
    await mkdir(path(dir), { recursive: true });
  await executable(path('bin2', 'janus'));
  await executable(path('env', 'my-janus'));
  await executable(path('fallback-janus'));
  await writeFile(path('plain', 'janus'), 'not executable');
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

function notFound(find: () => string): JanusNotFoundError {
  try {
    find();
  } catch (error) {
    if (error instanceof JanusNotFoundError) return error;
    throw error;
  }
  throw new Error('expected JanusNotFoundError');
}

describe('findJanusBinary', () => {
  it('takes the first executable janus on PATH, skipping non-executables and relative entries', () => {
    const env = { PATH: ['relative', path('plain'), path('bin1'), path('bin2')].join(':') };
    expect(findJanusBinary({ env, fallbackBinary: path('fallback-janus') })).toBe(path('bin2', 'janus'));
  });

  it('prefers VIGIL_JANUS_BIN over PATH, and an explicit binary over both', () => {
    const env = { PATH: path('bin2'), VIGIL_JANUS_BIN: path('env', 'my-janus') };
    expect(findJanusBinary({ env })).toBe(path('env', 'my-janus'));
    expect(findJanusBinary({ env, binary: path('fallback-janus') })).toBe(path('fallback-janus'));
  });

  it('falls back to /usr/bin/janus (here: a stand-in) when PATH has none', () => {
    expect(findJanusBinary({ env: { PATH: path('bin1') }, fallbackBinary: path('fallback-janus') })).toBe(
      path('fallback-janus'),
    );
  });

  it('says exactly what to do when there is no janus', () => {
    const error = notFound(() =>
      findJanusBinary({ env: { PATH: path('bin1') }, fallbackBinary: path('nothing') }),
    );
    expect(error.code).toBe('VIGIL_ERR_JANUS_NOT_FOUND');
    expect(error.message).toContain('`sudo apt-get install janus` (Debian 12 / Ubuntu)');
    expect(error.message).toContain('vigil serve --janus-http-url … --janus-ws-url … --janus-admin-url …');
    expect(error.message).toContain('"Bundled or remote Janus"');
  });

  it('does not look elsewhere when the named binary is not executable', () => {
    const env = { PATH: path('bin2') };
    expect(notFound(() => findJanusBinary({ env, binary: path('plain', 'janus') })).message).toMatch(
      /the Janus binary Vigil was given \(.*plain\/janus\) is not an executable file/,
    );
    const fromEnv = notFound(() => findJanusBinary({ env: { ...env, VIGIL_JANUS_BIN: path('nope') } }));
    expect(fromEnv.message).toMatch(/^VIGIL_JANUS_BIN \(/);
  });
});

describe('findJanusLibDir', () => {
  it('takes the first folder that holds plugins/ and transports/', () => {
    const libDirs = [path('half'), path('missing'), path('lib', 'janus')];
    expect(findJanusLibDir({ libDirs })).toBe(path('lib', 'janus'));
  });

  it('checks only a named folder', () => {
    const error = notFound(() => findJanusLibDir({ libDir: path('half'), libDirs: [path('lib', 'janus')] }));
    expect(error.message).toContain(`looked in ${path('half')})`);
    expect(error.message).toContain('sudo apt-get install janus');
  });
});
