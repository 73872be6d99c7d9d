// The lab camera's motion scenes: /scene1../sceneN show a still, textured scene, and a moving object while the
// control file <control dir>/sceneN holds "on" (resources/demo/camera.py reads it every 20 ms). Switched from
// tests (Lab.scene), from the CLI (`npm run lab -- scene --name NAME on|off`) or by hand.
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The folder holding a lab's scene control files, inside its state folder. */
export function sceneControlDir(stateDir: string): string {
  return join(stateDir, 'scene');
}

/** Creates the control folder with every scene's object off (mode 0700: only the lab's user switches). */
export async function prepareSceneControl(controlDir: string, scenes: number): Promise<void> {
  await mkdir(controlDir, { recursive: true, mode: 0o700 });
  for (let index = 1; index <= scenes; index++) await setSceneObject(controlDir, index, false);
}

/** Switches path /scene<index>'s moving object on or off (atomically: the camera never reads half a file). */
export async function setSceneObject(controlDir: string, index: number, on: boolean): Promise<void> {
  if (!Number.isInteger(index) || index < 1)
    throw new RangeError(`scene index must be 1 or more, got ${index}`);
  const file = join(controlDir, `scene${index}`);
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, on ? 'on\n' : 'off\n', { mode: 0o600 });
  await rename(temp, file);
}
