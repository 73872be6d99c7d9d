import { describe, expect, it } from 'vitest';

import { terminalLine, terminalStream } from '../../../main/runtime/terminal-log';

const AT = new Date(2026, 11, 2, 14, 2, 11).getTime();

describe('terminalLine', () => {
  it.each([
    [
      'a warning with its subsystem and fields',
      { level: 40, time: AT, name: 'station/janus', msg: 'Janus is down', reason: 'lost the connection' },
      'warn',
      '14:02:11 WARN  station/janus: Janus is down (reason=lost the connection)\n',
    ],
    [
      'an error with its error message, not its stack',
      { level: 50, time: AT, name: 'api', msg: 'request failed', err: { message: 'boom', stack: 'at x' } },
      'warn',
      '14:02:11 ERROR api: request failed: boom\n',
    ],
    [
      'info hidden at the default (warn)',
      { level: 30, time: AT, msg: 'station listening' },
      'warn',
      undefined,
    ],
    [
      'info shown when asked for',
      { level: 30, time: AT, msg: 'station listening' },
      'info',
      '14:02:11 INFO  station listening\n',
    ],
    ['a request at debug hidden at info', { level: 20, time: AT, msg: 'request' }, 'info', undefined],
    [
      'Janus output hidden at info, even its warnings',
      { level: 40, time: AT, source: 'janus', msg: "Couldn't find any address" },
      'info',
      undefined,
    ],
    [
      'Janus output shown at debug',
      { level: 30, time: AT, name: 'gateway/native', source: 'janus', pid: 7, msg: 'Janus commit: x' },
      'debug',
      '14:02:11 INFO  gateway/native: janus: Janus commit: x\n',
    ],
  ] as const)('%s', (_what, entry, level, expected) => {
    expect(terminalLine(entry, level)).toBe(expected);
  });

  it('clips long field lists and leaves objects out', () => {
    const line = terminalLine(
      { level: 40, time: AT, msg: 'm', big: 'x'.repeat(500), nested: { a: 1 } },
      'warn',
    );
    expect(line).toContain('…)');
    expect(line).not.toContain('nested');
    expect(line?.length).toBeLessThan(260);
  });
});

describe('terminalStream', () => {
  it('writes the lines it shows and passes text that is not JSON through', () => {
    const out: string[] = [];
    const stream = terminalStream('warn', (text) => out.push(text));
    stream.write(`${JSON.stringify({ level: 30, time: AT, msg: 'quiet' })}\n`);
    stream.write(`${JSON.stringify({ level: 40, time: AT, msg: 'loud' })}\n`);
    stream.write('plain text\n');
    expect(out).toEqual(['14:02:11 WARN  loud\n', 'plain text\n']);
  });
});
