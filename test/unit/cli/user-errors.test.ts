import { describe, expect, it } from 'vitest';

import { CliError, UsageError } from '../../../main/cli/cli-error';
import type { Output } from '../../../main/cli/output';
import { reportError } from '../../../main/cli/user-errors';
import { StartupError } from '../../../main/runtime/errors';

function capture(): Output & { err: string } {
  const sink = {
    err: '',
    stdout: () => undefined,
    stderr: (text: string) => {
      sink.err += text;
    },
  };
  return sink;
}

describe('reportError', () => {
  it.each([
    ['a usage error', new UsageError('unknown option --x', 'serve'), 2, 'Usage: vigil serve'],
    [
      'contradictory settings',
      new StartupError('--janus-mode native runs a Janus of its own', 'contradictory-settings'),
      2,
      'Usage: vigil serve',
    ],
    [
      'a setting that cannot work',
      new StartupError('port 3000 on 127.0.0.1 is in use by another program', 'unusable-setting'),
      1,
      'vigil: port 3000 on 127.0.0.1 is in use by another program\n',
    ],
    ['a CLI error', new CliError('No API key "k"'), 1, 'vigil: No API key "k"\n'],
    [
      'a bug',
      new TypeError('x is undefined'),
      1,
      'unexpected error (TypeError: x is undefined). See the log.',
    ],
  ])('%s exits %i', (_name, error, code, text) => {
    const out = capture();
    expect(reportError(error, out, { topic: 'serve', detailsHint: 'See the log.' })).toBe(code);
    expect(out.err).toContain(text);
  });
});
