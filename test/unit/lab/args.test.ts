import { describe, expect, it } from 'vitest';

import { LabUsageError, parseLabArgs, type LabCommand } from '../../lab/args';

describe('parseLabArgs', () => {
  it.each<[string[], LabCommand]>([
    [['up'], { command: 'up', name: undefined, options: {} }],
    [
      ['up', '--cameras', '4', '--auth', 'basic', '--name', 'vigil-x', '--keyframe-interval', '25'],
      { command: 'up', name: 'vigil-x', options: { cameras: 4, auth: 'basic', keyframeInterval: 25 } },
    ],
    [
      ['run', '--audio', 'opus', '--', 'true'],
      { command: 'run', name: undefined, options: { audio: 'opus' }, argv: ['true'] },
    ],
    [
      ['up', '--session-timeout=5', '--allow-origin', 'http://127.0.0.1:5173'],
      {
        command: 'up',
        name: undefined,
        options: { sessionTimeout: 5, allowOrigin: 'http://127.0.0.1:5173' },
      },
    ],
    [
      ['run', '--cameras', '2', '--', 'vitest', 'run', '--project', 'integration'],
      {
        command: 'run',
        name: undefined,
        options: { cameras: 2 },
        argv: ['vitest', 'run', '--project', 'integration'],
      },
    ],
    [
      ['exec', '--name', 'a', '--', 'sh', '-c', 'echo -- $LAB_NAME'],
      { command: 'exec', name: 'a', argv: ['sh', '-c', 'echo -- $LAB_NAME'] },
    ],
    [['exec', '--', 'true'], { command: 'exec', name: undefined, argv: ['true'] }],
    [
      ['run', '--docker', '--cameras', '1', '--', 'vitest'],
      { command: 'run', name: undefined, options: { docker: true, cameras: 1 }, argv: ['vitest'] },
    ],
    [['down'], { command: 'down', name: undefined }],
    [['down', '--name', 'b'], { command: 'down', name: 'b' }],
    [['status'], { command: 'status' }],
    [['scene', 'on'], { command: 'scene', name: undefined, index: 1, on: true }],
    [
      ['scene', '--name', 'motion', '--path', '3', 'off'],
      { command: 'scene', name: 'motion', index: 3, on: false },
    ],
    [[], { command: 'help' }],
    [['--help'], { command: 'help' }],
  ])('%j', (args, expected) => {
    expect(parseLabArgs(args)).toEqual(expected);
  });

  it.each([
    [['launch'], /unknown command "launch"/],
    [['up', '--cameras', 'two'], /--cameras must be a whole number/],
    [['up', '--auth', 'ntlm'], /--auth must be digest\|basic\|none/],
    [['up', '--audio', 'aac'], /--audio must be none\|opus\|pcmu/],
    [['up', '--cameras'], /--cameras needs a value/],
    [['up', 'extra'], /unexpected argument "extra"/],
    [['up', '--', 'ls'], /up takes no command/],
    [['exec', '--cameras', '2', '--', 'ls'], /exec does not take --cameras/],
    [['exec'], /exec needs a command after --/],
    [['scene', '--name', 'a'], /scene needs "on" or "off"/],
    [['scene', '--cameras', '2', 'on'], /scene does not take --cameras/],
    [['scene', '--path', '0', 'on'], /--path must be 1 or more/],
    [['run', '--'], /run needs a command after --/],
    [['status', '--name', 'x'], /status does not take --name/],
    [['up', '--docker=yes'], /--docker takes no value/],
  ])('refuses %j', (args, message) => {
    expect(() => parseLabArgs(args)).toThrow(LabUsageError);
    expect(() => parseLabArgs(args)).toThrow(message);
  });
});
