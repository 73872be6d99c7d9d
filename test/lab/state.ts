// Where `up` keeps a lab's state so later commands (exec, down, status) find it: /run/vigil-lab/<name>/
// with lab.json (0600: it holds secrets), the Janus config folder and the logs.
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import type { LabJson } from './model';

/** The folder holding one sub-folder per lab started with `up`. */
export const LAB_STATE_ROOT = '/run/vigil-lab';

/** The state folder of lab `name`. */
export function labStateDir(name: string): string {
  return join(LAB_STATE_ROOT, name);
}

/** Creates lab `name`'s state folder (mode 0700) and returns its path. */
export async function createLabStateDir(name: string): Promise<string> {
  const dir = labStateDir(name);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  return dir;
}

/** Saves the lab's JSON in its state folder. */
export async function writeLabState(lab: LabJson): Promise<void> {
  await writeFile(join(labStateDir(lab.name), 'lab.json'), `${JSON.stringify(lab, null, 2)}\n`, {
    mode: 0o600,
  });
}

/** The saved JSON of lab `name`, or undefined if `up` never finished for it. */
export async function readLabState(name: string): Promise<LabJson | undefined> {
  try {
    return JSON.parse(await readFile(join(labStateDir(name), 'lab.json'), 'utf8')) as LabJson;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Names of every lab with a state folder. */
export async function listLabNames(): Promise<string[]> {
  try {
    return (await readdir(LAB_STATE_ROOT, { withFileTypes: true }))
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** Deletes lab `name`'s state folder (config, logs, JSON). */
export async function removeLabState(name: string): Promise<void> {
  await rm(labStateDir(name), { recursive: true, force: true });
}
