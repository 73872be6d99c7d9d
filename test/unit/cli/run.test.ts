import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import type { Output } from '../../../main/cli/output';
import { runCli } from '../../../main/cli/run';

function capture(): Output & { out: string; err: string } {
  const sink = {
    out: '',
    err: '',
    stdout: (text: string) => {
      sink.out += text;
    },
    stderr: (text: string) => {
      sink.err += text;
    },
  };
  return sink;
}

describe('runCli', () => {
  it('an unknown flag exits 2 naming the flag, then shows the command usage on stderr', async () => {
    const io = capture();
    expect(await runCli(['serve', '--prot', '3001'], io)).toBe(2);
    expect(io.err).toMatch(/^vigil: unknown option --prot\n\nUsage: vigil serve \[options\]/);
    expect(io.err).toContain('--port PORT');
    expect(io.out).toBe('');
  });

  it('--help prints the command help on stdout and exits 0', async () => {
    const io = capture();
    expect(await runCli(['keys', 'create', '--help'], io)).toBe(0);
    expect(io.out).toContain('Usage: vigil keys create --name NAME --scope manage|view');
    expect(io.out).toContain('--data-dir DIR');
  });

  it('--version prints the package version', async () => {
    const io = capture();
    expect(await runCli(['--version'], io)).toBe(0);
    expect(io.out).toMatch(/^vigil \d+\.\d+\.\d+\n$/);
  });

  it('a user-facing failure exits 1 with its message and no stack trace', async () => {
    const io = capture();
    const root = await mkdtemp(join(tmpdir(), 'vigil-cli-run-'));
    try {
      await writeFile(join(root, 'file'), '');
      const dataDir = join(root, 'file', 'vigil');
      expect(await runCli(['keys', 'list', '--data-dir', dataDir], io)).toBe(1);
      expect(io.err).toBe(
        `vigil: Cannot use the data folder ${dataDir} (ENOTDIR). ` +
          "Create it for the station's user or pass --data-dir DIR.\n",
      );
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
