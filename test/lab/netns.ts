// The lab's private network namespace. Janus never gathers ICE candidates on a LOOPBACK-flagged interface,
// so each lab gets `lo` plus an ifb device `v0` holding 127.0.0.2/32: still loopback range, never routed.
import { execFile } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The interface Janus's ICE uses inside the lab (nat.ice_enforce_list). */
export const LAB_ICE_INTERFACE = 'v0';

/** The address on that interface (general.interface); loopback range, reachable only inside the lab. */
export const LAB_ICE_ADDRESS = '127.0.0.2';

/** Lab names double as namespace names and state folder names. */
export const LAB_NAME_PATTERN = /^[a-z0-9][a-z0-9-]{0,39}$/;

/** The spawn prefix that runs a program inside namespace `name` (`ip netns exec` execs: same PID). */
export function namespacePrefix(name: string): string[] {
  return ['ip', 'netns', 'exec', name];
}

/** Creates namespace `name` with lo up and v0 = 127.0.0.2/32 up; removes it again if a step fails. */
export async function createNamespace(name: string): Promise<void> {
  if (!LAB_NAME_PATTERN.test(name)) throw new Error(`lab name "${name}" must match ${LAB_NAME_PATTERN}`);
  if (namespaceExists(name)) {
    throw new Error(
      `network namespace ${name} already exists: pick another --name or run "lab down --name ${name}"`,
    );
  }
  await ip(['netns', 'add', name]);
  try {
    await ip(['-n', name, 'link', 'set', 'lo', 'up']);
    await ip(['-n', name, 'link', 'add', LAB_ICE_INTERFACE, 'type', 'ifb']);
    await ip(['-n', name, 'link', 'set', LAB_ICE_INTERFACE, 'addrgenmode', 'none']);
    await ip(['-n', name, 'addr', 'add', `${LAB_ICE_ADDRESS}/32`, 'dev', LAB_ICE_INTERFACE]);
    await ip(['-n', name, 'link', 'set', LAB_ICE_INTERFACE, 'up']);
  } catch (error) {
    await deleteNamespace(name);
    throw error;
  }
}

/** Removes namespace `name` if it exists. */
export async function deleteNamespace(name: string): Promise<void> {
  if (namespaceExists(name)) await ip(['netns', 'delete', name]);
}

/** True if namespace `name` exists. */
export function namespaceExists(name: string): boolean {
  return existsSync(namespaceFile(name));
}

/** PIDs of every process inside namespace `name` (none if it does not exist). */
export async function namespacePids(name: string): Promise<number[]> {
  if (!namespaceExists(name)) return [];
  const { stdout } = await ip(['netns', 'pids', name]);
  return stdout
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map(Number);
}

/** True if process `pid` runs inside namespace `name` (guards against a reused PID). */
export function isPidInNamespace(pid: number, name: string): boolean {
  try {
    return statSync(`/proc/${pid}/ns/net`).ino === statSync(namespaceFile(name)).ino;
  } catch {
    return false;
  }
}

function namespaceFile(name: string): string {
  return `/run/netns/${name}`;
}

async function ip(args: string[]): Promise<{ stdout: string }> {
  try {
    return await run('ip', args);
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim() ?? '';
    throw new Error(
      `"ip ${args.join(' ')}" failed: ${stderr || String(error)} (the lab needs root and iproute2)`,
      {
        cause: error,
      },
    );
  }
}
