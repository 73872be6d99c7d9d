import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { quietStep } from '../../lab/quiet-step';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vigil-quiet-step-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('quietStep', () => {
  it("writes a step's output to its log, not the terminal", async () => {
    const logFile = join(dir, 'build.log');
    await quietStep('sh', ['-c', 'echo Created symlink /etc/systemd/x; echo warn >&2'], { logFile });
    expect(readFileSync(logFile, 'utf8')).toContain('Created symlink /etc/systemd/x\nwarn\n');
  });

  it('fails with the last lines and the log file named', async () => {
    const logFile = join(dir, 'build.log');
    const failing = quietStep('sh', ['-c', 'for i in $(seq 1 50); do echo line $i; done; exit 3'], {
      logFile,
    });
    await expect(failing).rejects.toThrow(
      /sh failed \(exit 3\); its last lines \(all of it in .*build\.log\):\n/,
    );
    await expect(failing).rejects.toThrow(/line 50$/);
    await expect(failing).rejects.not.toThrow(/line 1\n/);
  });
});
