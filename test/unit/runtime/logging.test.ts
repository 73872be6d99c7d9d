import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Registry } from 'prom-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { registerLogMetrics, setupLogging } from '../../../main/runtime/logging';

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'vigil-logging-'));
});
afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

describe('setupLogging', () => {
  it('writes JSON lines to logs/vigil.log and warnings to the terminal', () => {
    const terminal: string[] = [];
    const logging = setupLogging(dataDir, undefined, (text) => terminal.push(text));
    logging.logger.info('station listening');
    logging.logger.warn({ name: 'station/janus' }, 'Janus is down');
    logging.flush();
    const file = readFileSync(logging.logFile, 'utf8').trim().split('\n');
    expect(file.map((line) => (JSON.parse(line) as { msg: string }).msg)).toEqual([
      'station listening',
      'Janus is down',
    ]);
    expect(terminal).toHaveLength(1);
    expect(terminal[0]).toContain('Janus is down');
    expect(logging.droppedLines()).toBe(0);
  });

  it('keeps the station running when the log file cannot be written: lines dropped, counted, told once', async () => {
    writeFileSync(join(dataDir, 'logs'), 'a file where the logs folder should be');
    const terminal: string[] = [];
    const logging = setupLogging(dataDir, undefined, (text) => terminal.push(text));
    expect(() => {
      for (let i = 0; i < 10; i++) logging.logger.info({ i }, 'a line');
      logging.fileLogger.error({ err: new Error('boom') }, 'a failure with its stack');
    }).not.toThrow();
    expect(logging.droppedLines()).toBe(11);
    expect(terminal).toHaveLength(1);
    expect(terminal[0]).toMatch(/WARN {2}logging: the log file .*vigil\.log cannot be written/);
    expect(terminal[0]).toContain('vigil_log_lines_dropped_total');
    const registry = new Registry();
    registerLogMetrics(registry, logging.droppedLines);
    expect(await registry.metrics()).toContain('vigil_log_lines_dropped_total 11');
    logging.logger.info('one more');
    expect(await registry.metrics()).toContain('vigil_log_lines_dropped_total 12');
  });
});
