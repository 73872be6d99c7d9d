import { readdir, readFile, readlink } from 'node:fs/promises';

const TICKS_PER_SECOND = 100;

async function chromiumTicks(): Promise<number> {
  const ownNetns = await readlink('/proc/self/ns/net');
  let ticks = 0;
  for (const pid of await readdir('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const comm = (await readFile(`/proc/${pid}/comm`, 'utf8')).trim();
      if (!/^(chromium|chrome)/.test(comm) || (await readlink(`/proc/${pid}/ns/net`)) !== ownNetns) continue;
      // Fields after the command name: utime and stime are the 12th and 13th.
      const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // The process ended while we looked.
    }
  }
  return ticks;
}

/** Chromium's CPU (all its processes in this network namespace) over `ms`, in % of one core. */
export async function chromiumCpuPercent(ms: number): Promise<number> {
  const before = await chromiumTicks();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const after = await chromiumTicks();
  return ((after - before) / TICKS_PER_SECOND / (ms / 1_000)) * 100;
}
