// `npm run lab -- <command>` argument parsing (pure; see LAB_USAGE).
import {
  CAMERA_AUDIO_CODECS,
  CAMERA_AUTH_METHODS,
  type CameraAudio,
  type CameraAuth,
  type LabOptions,
} from './model';

/** The lab CLI's help text. */
export const LAB_USAGE = `usage: npm run lab -- <command>
  up     [--name NS] [--cameras N] [--auth digest|basic|none] [--keyframe-interval N]
         [--audio none|opus|pcmu] [--session-timeout S] [--allow-origin URL] [--docker]
                                                          start a lab, print its JSON (one line);
                                                          --docker adds a Docker engine (LAB_DOCKER_HOST)
  exec   [--name NS] -- CMD...                            run CMD inside the lab (LAB_*, JANUS_* env)
  down   [--name NS]                                      stop the lab's processes, remove it
  status                                                  list labs and whether their processes live
  run    [up options] -- CMD...                           up, exec CMD, always down; exit with CMD's code
  scene  [--name NS] [--path N] on|off                    switch the moving object of /sceneN (default 1)
--name may be left out when exactly one lab is up.`;

/** A parsed lab command. */
export type LabCommand =
  | { command: 'up'; name?: string; options: LabOptions }
  | { command: 'run'; name?: string; options: LabOptions; argv: string[] }
  | { command: 'exec'; name?: string; argv: string[] }
  | { command: 'down'; name?: string }
  | { command: 'scene'; name?: string; index: number; on: boolean }
  | { command: 'status' }
  | { command: 'help' };

/** Thrown for arguments the CLI does not understand; the message says what and shows the usage. */
export class LabUsageError extends Error {
  /** Stable error code. */
  readonly code = 'VIGIL_ERR_LAB_USAGE';
}

const UP_FLAGS = [
  '--name',
  '--cameras',
  '--auth',
  '--keyframe-interval',
  '--audio',
  '--session-timeout',
  '--allow-origin',
  '--docker',
];

/** Flags that take no value. */
const BOOLEAN_FLAGS = new Set(['--docker']);

/** Parses the arguments after `cli.ts` into a command. */
export function parseLabArgs(args: readonly string[]): LabCommand {
  const [command, ...rest] = args;
  if (command === 'scene') return parseScene(rest);
  const dashdash = rest.indexOf('--');
  const flags = parseFlags(dashdash === -1 ? rest : rest.slice(0, dashdash));
  const argv = dashdash === -1 ? [] : rest.slice(dashdash + 1);
  const only = (allowed: string[]): void => {
    for (const flag of flags.keys()) if (!allowed.includes(flag)) usage(`${command} does not take ${flag}`);
  };
  const needsCommand = (): void => {
    if (argv.length === 0) usage(`${command} needs a command after --`);
  };
  const name = flags.get('--name');
  switch (command) {
    case 'up':
      only(UP_FLAGS);
      if (dashdash !== -1) usage('up takes no command: use run or exec');
      return { command, name, options: labOptions(flags) };
    case 'run':
      only(UP_FLAGS);
      needsCommand();
      return { command, name, options: labOptions(flags), argv };
    case 'exec':
      only(['--name']);
      needsCommand();
      return { command, name, argv };
    case 'down':
      only(['--name']);
      return { command, name };
    case 'status':
      only([]);
      return { command };
    case undefined:
    case 'help':
    case '--help':
      return { command: 'help' };
    default:
      return usage(`unknown command "${command}"`);
  }
}

/** `scene [--name NS] [--path N] on|off`: the switch is the last argument. */
function parseScene(args: readonly string[]): LabCommand {
  const last = args.at(-1);
  if (last !== 'on' && last !== 'off') usage('scene needs "on" or "off" as its last argument');
  const flags = parseFlags(args.slice(0, -1));
  for (const flag of flags.keys())
    if (flag !== '--name' && flag !== '--path') usage(`scene does not take ${flag}`);
  const path = flags.get('--path');
  const index = path === undefined ? 1 : wholeNumber('--path', path);
  if (index < 1) usage('--path must be 1 or more (the N of /sceneN)');
  return { command: 'scene', name: flags.get('--name'), index, on: last === 'on' };
}

function parseFlags(args: readonly string[]): Map<string, string> {
  const flags = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (!arg.startsWith('--')) usage(`unexpected argument "${arg}"`);
    const equals = arg.indexOf('=');
    const flag = equals === -1 ? arg : arg.slice(0, equals);
    if (BOOLEAN_FLAGS.has(flag)) {
      if (equals !== -1) usage(`${flag} takes no value`);
      flags.set(flag, 'true');
      continue;
    }
    const value = equals === -1 ? args[++i] : arg.slice(equals + 1);
    if (value === undefined) usage(`${flag} needs a value`);
    flags.set(flag, value);
  }
  return flags;
}

function labOptions(flags: Map<string, string>): LabOptions {
  const options: LabOptions = {};
  const cameras = flags.get('--cameras');
  if (cameras !== undefined) options.cameras = wholeNumber('--cameras', cameras);
  const auth = flags.get('--auth');
  if (auth !== undefined) {
    if (!CAMERA_AUTH_METHODS.includes(auth as CameraAuth))
      usage(`--auth must be ${CAMERA_AUTH_METHODS.join('|')}`);
    options.auth = auth as CameraAuth;
  }
  const audio = flags.get('--audio');
  if (audio !== undefined) {
    if (!CAMERA_AUDIO_CODECS.includes(audio as CameraAudio))
      usage(`--audio must be ${CAMERA_AUDIO_CODECS.join('|')}`);
    options.audio = audio as CameraAudio;
  }
  const keyframes = flags.get('--keyframe-interval');
  if (keyframes !== undefined) options.keyframeInterval = wholeNumber('--keyframe-interval', keyframes);
  const timeout = flags.get('--session-timeout');
  if (timeout !== undefined) options.sessionTimeout = wholeNumber('--session-timeout', timeout);
  const origin = flags.get('--allow-origin');
  if (origin !== undefined) options.allowOrigin = origin;
  if (flags.has('--docker')) options.docker = true;
  return options;
}

function wholeNumber(flag: string, value: string): number {
  if (!/^\d+$/.test(value)) usage(`${flag} must be a whole number, got "${value}"`);
  return Number(value);
}

function usage(problem: string): never {
  throw new LabUsageError(`${problem}\n${LAB_USAGE}`);
}
