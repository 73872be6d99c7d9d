// `npm run bench -- motion`: CPU of motion detection per camera at 1, 4 and 16 cameras (640×360 at 25 fps, the
// lab's /scene1 with its object moving), beside a baseline measured in the same run: ffmpeg decoding the same
// stream to nothing (no scaling, no pipe, no detector). Detection = its ffmpeg (decode, select 5 fps, scale to
// 160×90 grey, pipe) + this process reading the pipe and comparing frames. Budget: ≤ 3 % of one core per camera.
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

import pino from 'pino';

import { motionSettings } from '../../common/motion';
import { CameraWatch } from '../../main/motion/camera-watch';
import { concatScript, startFrameStream } from '../../main/motion/ffmpeg-frames';
import type { Lab } from '../lab';

const COUNTS = [1, 4, 16] as const;
const WARMUP_MS = 4_000;
const WINDOW_MS = 20_000;
const TICKS_PER_SECOND = 100;
const BUDGET_PERCENT = 3;

interface Source {
  url: string;
  username: string;
  password: string;
}

/** CPU seconds a process has used (utime + stime), or 0 once it is gone. */
async function cpuSeconds(pid: number): Promise<number> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

async function totalCpu(pids: readonly number[]): Promise<number> {
  return (await Promise.all(pids.map(cpuSeconds))).reduce((a, b) => a + b, 0);
}

/** N plain decoders (`-f null`): what decoding the stream costs by itself. */
async function baseline(source: Source, count: number): Promise<{ ffmpegPercent: number }> {
  const children = Array.from({ length: count }, () => {
    const child = spawn(
      'ffmpeg',
      [
        ...['-hide_banner', '-nostdin', '-loglevel', 'error', '-threads', '1'],
        ...['-protocol_whitelist', 'pipe,rtsp,rtp,udp,tcp', '-f', 'concat', '-safe', '0', '-i', 'pipe:3'],
        ...['-map', '0:v:0', '-an', '-f', 'null', '-'],
      ],
      { stdio: ['ignore', 'ignore', 'ignore', 'pipe'] },
    );
    const pipe = child.stdio[3] as NodeJS.WritableStream;
    pipe.end(concatScript(source));
    return child;
  });
  try {
    await sleep(WARMUP_MS);
    const pids = children.flatMap((c) => (c.pid === undefined ? [] : [c.pid]));
    const before = await totalCpu(pids);
    await sleep(WINDOW_MS);
    const used = (await totalCpu(pids)) - before;
    return { ffmpegPercent: (100 * used) / (WINDOW_MS / 1000) / count };
  } finally {
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            child.once('close', () => {
              resolve();
            });
            child.kill('SIGTERM');
          }),
      ),
    );
  }
}

/** N motion watches as the station runs them: ffmpeg CPU, this process's CPU, frames compared. */
async function detection(
  source: Source,
  count: number,
): Promise<{ ffmpegPercent: number; detectorPercent: number; fps: number; motionOn: number }> {
  const logger = pino({ level: 'silent' });
  const settings = motionSettings({ enabled: true });
  let changes = 0;
  const watches = Array.from(
    { length: count },
    (_, i) =>
      new CameraWatch({
        cameraId: `bench-${i}`,
        settings,
        source: () => Promise.resolve(source),
        onChange: () => {
          changes++;
        },
        logger,
        startStream: startFrameStream,
      }),
  );
  for (const watch of watches) watch.start();
  try {
    await sleep(WARMUP_MS);
    const pids = watches.flatMap((w) => (w.pid === undefined ? [] : [w.pid]));
    const framesBefore = watches.reduce((sum, w) => sum + w.frames, 0);
    const ffmpegBefore = await totalCpu(pids);
    const own = process.cpuUsage();
    await sleep(WINDOW_MS);
    const ownUsed = process.cpuUsage(own);
    const ffmpegUsed = (await totalCpu(pids)) - ffmpegBefore;
    const frames = watches.reduce((sum, w) => sum + w.frames, 0) - framesBefore;
    const seconds = WINDOW_MS / 1000;
    return {
      ffmpegPercent: (100 * ffmpegUsed) / seconds / count,
      detectorPercent: (100 * (ownUsed.user + ownUsed.system)) / 1e6 / seconds / count,
      fps: frames / seconds / count,
      motionOn: watches.filter((w) => w.active).length,
    };
  } finally {
    await Promise.all(watches.map((w) => w.stop()));
    logger.debug({ changes }, 'motion changes during the bench');
  }
}

/** Measures and prints one table: per camera, baseline decode vs detection, at 1, 4 and 16 cameras. */
export async function benchMotion(lab: Lab): Promise<void> {
  const scene = lab.scenes[0];
  if (scene === undefined) throw new Error('the lab has no scene path');
  await lab.scene(true);
  const source = { url: scene.url, username: scene.username, password: scene.password };
  const idle = process.cpuUsage();
  await sleep(WINDOW_MS / 2);
  const idleUsed = process.cpuUsage(idle);
  const idlePercent = (100 * (idleUsed.user + idleUsed.system)) / 1e6 / (WINDOW_MS / 2000);
  console.log(
    `motion detection CPU per camera (% of one core), 640×360 25 fps H.264, object moving; ` +
      `${WINDOW_MS / 1000} s windows after ${WARMUP_MS / 1000} s warm-up; budget ${BUDGET_PERCENT} %; ` +
      `this process idle (not subtracted): ${idlePercent.toFixed(2)} %`,
  );
  const header = [
    'cameras',
    'decode only',
    'ffmpeg',
    'detector',
    'total',
    'total/decode',
    'fps/cam',
    'moving',
  ];
  const rows: string[][] = [];
  for (const count of COUNTS) {
    const base = await baseline(source, count);
    const run = await detection(source, count);
    const total = run.ffmpegPercent + run.detectorPercent;
    rows.push([
      String(count),
      base.ffmpegPercent.toFixed(2),
      run.ffmpegPercent.toFixed(2),
      run.detectorPercent.toFixed(2),
      total.toFixed(2),
      `${(total / base.ffmpegPercent).toFixed(2)}×`,
      run.fps.toFixed(1),
      `${run.motionOn}/${count}`,
    ]);
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]?.length ?? 0)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  console.log([line(header), ...rows.map(line)].join('\n'));
}
