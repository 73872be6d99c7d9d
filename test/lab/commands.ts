// The lab CLI's commands: up, exec, down, status, run. `up` starts Janus and the camera behind
// `ip netns exec NS` as their own sessions, so they outlive it; `down` stops them by PID.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { constants } from 'node:os';

import { startLabDocker, stopLabDocker } from './docker';
import { labEnvironment, resolveLabOptions, type LabJson, type LabOptions } from './model';
import {
  createNamespace,
  deleteNamespace,
  isPidInNamespace,
  LAB_NAME_PATTERN,
  namespaceExists,
  namespacePids,
  namespacePrefix,
} from './netns';
import { ensureLabPackages } from './packages';
import { startParts } from './parts';
import { isPidAlive, stopPid } from './processes';
import { setSceneObject } from './scene';
import {
  createLabStateDir,
  labStateDir,
  listLabNames,
  readLabState,
  removeLabState,
  writeLabState,
} from './state';

/** Starts a lab (namespace, Janus, camera) and returns its JSON; on failure removes what it made. */
export async function up(name: string | undefined, options: LabOptions): Promise<LabJson> {
  const labName = name ?? `vigil-lab-${randomBytes(3).toString('hex')}`;
  if (!LAB_NAME_PATTERN.test(labName)) {
    throw new Error(`lab name "${labName}" must match ${LAB_NAME_PATTERN}`);
  }
  resolveLabOptions(options);
  if (existsSync(labStateDir(labName))) {
    throw new Error(
      `a lab named ${labName} exists: pick another --name or run "npm run lab -- down --name ${labName}"`,
    );
  }
  await ensureLabPackages();
  const stateDir = await createLabStateDir(labName);
  try {
    await createNamespace(labName);
    const docker = resolveLabOptions(options).docker ? await startLabDocker(labName, stateDir) : undefined;
    try {
      const launch = { prefix: namespacePrefix(labName), detached: true };
      const parts = await startParts({ name: labName, namespace: labName, stateDir }, options, launch);
      parts.janus.process.release();
      parts.camera.process.release();
      docker?.process.release();
      const lab = { ...parts.json, docker: docker?.json };
      await writeLabState(lab);
      return lab;
    } catch (error) {
      if (docker !== undefined) await stopLabDocker(docker.json, true);
      throw error;
    }
  } catch (error) {
    await down(labName);
    throw error;
  }
}

/** Stops every process of lab `name` (by PID, then anything left in its namespace) and removes it. */
export async function down(name: string): Promise<void> {
  if (!existsSync(labStateDir(name))) throw new Error(`no lab named ${name} (see "npm run lab -- status")`);
  const lab = await readLabState(name);
  // dockerd first: it stops its containers itself.
  if (lab?.docker !== undefined) await stopLabDocker(lab.docker, isPidInNamespace(lab.docker.pid, name));
  const started = lab === undefined ? [] : [lab.janus.pid, lab.camera_pid];
  await Promise.all(started.filter((pid) => isPidInNamespace(pid, name)).map((pid) => stopPid(pid)));
  // Only processes this lab started can be inside its private namespace (e.g. startLab's parts).
  await Promise.all((await namespacePids(name)).map((pid) => stopPid(pid)));
  await deleteNamespace(name);
  await removeLabState(name);
}

/** Runs `argv` inside lab `name` with the lab's environment; resolves with its exit code. */
export async function exec(name: string, argv: readonly string[]): Promise<number> {
  const lab = await readLabState(name);
  if (lab === undefined)
    throw new Error(`lab ${name} has no state (did "up" finish?): run "npm run lab -- down --name ${name}"`);
  return runInside(lab, argv);
}

/** Switches the moving object of lab `name`'s path /scene<index> on or off. */
export async function scene(name: string, index: number, on: boolean): Promise<void> {
  const lab = await readLabState(name);
  if (lab === undefined) throw new Error(`lab ${name} has no state (did "up" finish?)`);
  if (index > lab.scenes.length) {
    throw new Error(`lab ${name} has ${lab.scenes.length} scene path(s): /scene${index} does not exist`);
  }
  await setSceneObject(lab.scene_control_dir, index, on);
}

/** One line per lab: whether its namespace exists and its processes are alive. */
export async function status(): Promise<string[]> {
  const lines: string[] = [];
  for (const name of await listLabNames()) {
    const lab = await readLabState(name);
    const alive = (pid: number | undefined): string =>
      pid !== undefined && isPidAlive(pid) && isPidInNamespace(pid, name) ? `alive (pid ${pid})` : 'dead';
    lines.push(
      `${name}  namespace: ${namespaceExists(name) ? 'yes' : 'no'}  janus: ${alive(lab?.janus.pid)}  camera: ${alive(lab?.camera_pid)}`,
    );
  }
  return lines;
}

/** up, exec `argv`, then always down (also on SIGINT/SIGTERM); resolves with the command's exit code. */
export async function run(
  name: string | undefined,
  options: LabOptions,
  argv: readonly string[],
): Promise<number> {
  let interrupted: NodeJS.Signals | undefined;
  const onSignal = (signal: NodeJS.Signals): void => {
    interrupted = signal;
  };
  process.on('SIGINT', onSignal).on('SIGTERM', onSignal);
  try {
    const lab = await up(name, options);
    try {
      console.error(`lab: ${lab.name} is up; running ${argv.join(' ')}`);
      if (interrupted !== undefined) return 128 + constants.signals[interrupted];
      return await runInside(lab, argv);
    } finally {
      await down(lab.name);
      console.error(`lab: ${lab.name} is down`);
    }
  } finally {
    process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
  }
}

/** The lab to use when --name is left out: the only one that is up. */
export async function onlyLabName(): Promise<string> {
  const names = await listLabNames();
  if (names.length === 1 && names[0] !== undefined) return names[0];
  throw new Error(
    names.length === 0
      ? 'no lab is up: run "npm run lab -- up" first'
      : `several labs are up (${names.join(', ')}): pass --name`,
  );
}

function runInside(lab: LabJson, argv: readonly string[]): Promise<number> {
  const child = spawn('ip', ['netns', 'exec', lab.namespace, ...argv], {
    stdio: 'inherit',
    env: { ...process.env, ...labEnvironment(lab) },
  });
  // Passed on even when the terminal already sent it to the command too (Ctrl-C): a repeated SIGINT is
  // harmless, a lost one (signal sent to this process only) would leave the command and the lab running.
  const forward = (signal: NodeJS.Signals): void => {
    child.kill(signal);
  };
  process.on('SIGINT', forward).on('SIGTERM', forward);
  return new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      resolve(code ?? 128 + (signal === null ? 0 : constants.signals[signal]));
    });
  }).finally(() => {
    process.off('SIGINT', forward).off('SIGTERM', forward);
  });
}
