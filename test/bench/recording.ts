// `npm run bench -- recording`: what recording costs on the lab's real camera with Debian's ffmpeg, through the
// station core both hosts run. Prints CPU per recorded camera at 1, 4 and 16 cameras (against a bare ffmpeg that
// only receives the same stream), disk bytes per camera-hour, request → first playback bytes and first complete
// fragment (against the JSON timeline), and index work over 7 days of synthetic segment files (against readdir).
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

import { parseSegment } from '../../main/recording/mp4-boxes';
import { dayFolder, parseSegmentName, segmentName } from '../../main/recording/segment-files';
import { SegmentIndex } from '../../main/recording/segment-index';
import { scanCamera } from '../../main/recording/segment-scan';
import { startRecordingStation, type RecordingStation } from '../integration/recording/harness';
import type { Lab } from '../lab';
import { quantile } from './measure';

const WINDOW_MS = 20_000;
const TICKS_PER_SECOND = 100;

/** CPU seconds (user + system) a process has used, from /proc. */
async function cpuSeconds(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11] ?? 0) + Number(fields[12] ?? 0)) / TICKS_PER_SECOND;
}

/**
 * Percent of one core each process used over `ms`, for those alive at both ends of the window (a recorder that
 * restarted inside it took its CPU seconds with it).
 */
async function corePercents(pids: readonly number[], ms: number): Promise<number[]> {
  const before = await Promise.all(pids.map(cpuSeconds));
  await sleep(ms);
  const after = await Promise.all(pids.map(cpuSeconds));
  return after.flatMap((value, i) => (value > 0 ? [((value - (before[i] ?? 0)) / (ms / 1000)) * 100] : []));
}

/** A bare ffmpeg receiving the camera and throwing the packets away: the floor of any recorder. */
async function baselineCpu(url: string): Promise<number> {
  const child = spawn(
    'ffmpeg',
    ['-v', 'error', '-nostdin', '-rtsp_transport', 'tcp', '-i', url, '-c', 'copy', '-f', 'null', '-'],
    {
      stdio: 'ignore',
    },
  );
  await sleep(4_000);
  const [percent = Number.NaN] = await corePercents(child.pid === undefined ? [] : [child.pid], WINDOW_MS);
  child.kill('SIGTERM');
  return percent;
}

async function addCameras(station: RecordingStation, lab: Lab, from: number, to: number): Promise<void> {
  for (let i = from; i < to; i += 1) {
    const camera = lab.cameras[i % lab.cameras.length];
    if (camera === undefined) throw new Error('no lab camera');
    const response = await station.call('/cameras', {
      method: 'POST',
      body: {
        camera_id: `bench-${i + 1}`,
        name: `Bench ${i + 1}`,
        rtsp_url: camera.url,
        skip_probe: true,
        recording: { mode: 'continuous', retention_hours: 1 },
      },
    });
    if (response.status !== 201) throw new Error(`camera ${i + 1}: ${response.status}`);
  }
}

/** A camera's bytes on disk per hour of video it has recorded (its segments' names hold both). */
async function bytesPerHour(station: RecordingStation, cameraId: string): Promise<number> {
  const folder = join(station.dataDir, 'recordings', cameraId);
  let bytes = 0;
  let ms = 0;
  for (const day of await readdir(folder)) {
    if (day.startsWith('.')) continue;
    for (const name of await readdir(join(folder, day))) {
      const parsed = parseSegmentName(name);
      bytes += parsed?.bytes ?? 0;
      ms += parsed?.durationMs ?? 0;
    }
  }
  return (bytes / Math.max(1, ms)) * 3_600_000;
}

async function recordingCpu(station: RecordingStation, lab: Lab): Promise<string[]> {
  const recordings = station.core.recording.recordings;
  const floor = await baselineCpu(lab.cameras[0]?.url ?? '');
  console.log(`\nCPU per recorded camera (640x360@25, copy only; % of one core over ${WINDOW_MS / 1000} s)`);
  console.log(`  baseline: a bare ffmpeg receiving one camera (-f null): ${floor.toFixed(2)} %`);
  console.log('  cameras  ffmpeg/camera  ratio  station process/camera  recorder restarts');
  let ids: string[] = [];
  for (const count of [1, 4, 16]) {
    await addCameras(station, lab, ids.length, count);
    ids = Array.from({ length: count }, (_, i) => `bench-${i + 1}`);
    const started = (): number =>
      new Set(station.events.flatMap((e) => (e.type === 'recording.started' ? [e.camera_id] : []))).size;
    for (let i = 0; i < 40 && started() < count; i += 1) await sleep(500);
    const pids = ids.flatMap((id) => recordings.recorderPid(id) ?? []);
    const stopsBefore = station.events.length;
    const node = process.cpuUsage();
    const percents = await corePercents(pids, WINDOW_MS);
    const nodeUsed = process.cpuUsage(node);
    const stops = station.events
      .slice(stopsBefore)
      .flatMap((e) => (e.type === 'recording.stopped' ? [e.reason] : []));
    const restarts = stops.length;
    const perCamera = percents.reduce((a, b) => a + b, 0) / Math.max(1, percents.length);
    const nodePercent = ((nodeUsed.user + nodeUsed.system) / 1000 / WINDOW_MS) * 100;
    console.log(
      `  ${String(count).padStart(7)}  ${perCamera.toFixed(2).padStart(11)} %  ${(perCamera / floor).toFixed(2).padStart(5)}` +
        `  ${(nodePercent / count).toFixed(2).padStart(20)} %  ${String(restarts).padStart(17)}`,
    );
    for (const reason of new Set(stops)) console.log(`           restarted because: ${reason}`);
  }
  return ids;
}

/** Time to the first bytes and to the first complete fragment of one playback request. */
async function playbackOnce(
  station: RecordingStation,
  from: string,
): Promise<{ bytes: number; frame: number } | string> {
  const started = performance.now();
  const response = await station.call(`/cameras/bench-1/playback?from=${from}`);
  if (!response.ok) return `${from}: ${response.status} ${await response.text()}`;
  const reader: ReadableStreamDefaultReader<Uint8Array> | undefined = response.body?.getReader();
  if (reader === undefined) throw new Error(`playback ${response.status}`);
  let bytes = -1;
  const chunks: Uint8Array[] = [];
  for (;;) {
    const read: { done: boolean; value?: Uint8Array } = await reader.read();
    if (read.done || read.value === undefined) return `${from}: the stream ended before a whole fragment`;
    if (bytes < 0) bytes = performance.now() - started;
    chunks.push(read.value);
    if ((parseSegment(Buffer.concat(chunks))?.fragments.length ?? 0) > 0) break;
  }
  const frame = performance.now() - started;
  await reader.cancel();
  return { bytes, frame };
}

async function playbackLatency(station: RecordingStation): Promise<void> {
  // Instants inside what bench-1 recorded (a gap would rightly answer 404), at least 2 s before each span ends.
  const spans = station.core.recording.recordings
    .timeline('bench-1', {})
    .spans.map((span) => ({ start: Date.parse(span.start), end: Date.parse(span.end) - 2_000 }))
    .filter((span) => span.end > span.start);
  const recorded = spans.reduce((total, span) => total + span.end - span.start, 0);
  const instant = (): string => {
    let offset = Math.random() * recorded;
    for (const span of spans) {
      if (offset < span.end - span.start) return new Date(span.start + offset).toISOString();
      offset -= span.end - span.start;
    }
    return new Date(spans[0]?.start ?? Date.now()).toISOString();
  };
  const firstBytes: number[] = [];
  const firstFrames: number[] = [];
  const timelines: number[] = [];
  const failures: string[] = [];
  for (let i = 0; i < 20; i += 1) {
    const at = instant();
    const answer = await playbackOnce(station, at);
    if (typeof answer === 'string') {
      failures.push(answer);
      continue;
    }
    firstBytes.push(answer.bytes);
    firstFrames.push(answer.frame);
    const t0 = performance.now();
    await (await station.call(`/cameras/bench-1/recordings?from=${at}`)).json();
    timelines.push(performance.now() - t0);
  }
  const row = (label: string, values: number[], base: number): string => {
    const sorted = [...values].sort((a, b) => a - b);
    return `  ${label.padEnd(34)} p50 ${quantile(sorted, 0.5).toFixed(1).padStart(6)} ms  p99 ${quantile(sorted, 0.99).toFixed(1).padStart(6)} ms  ratio ${(quantile(sorted, 0.5) / base).toFixed(1)}`;
  };
  const base = quantile(
    [...timelines].sort((a, b) => a - b),
    0.5,
  );
  console.log('\nRequest → playback (20 requests at random recorded instants, 16 cameras recording)');
  console.log(row('baseline: GET /recordings (JSON)', timelines, base));
  for (const failure of failures) console.log(`  FAILED ${failure}`);
  console.log(row('first bytes', firstBytes, base));
  console.log(row('first complete fragment (a frame)', firstFrames, base));
}

async function indexWeek(): Promise<void> {
  const root = await mkdtemp(join(tmpdir(), 'vigil-bench-week-'));
  try {
    const end = Date.now();
    const start = end - 7 * 24 * 3_600_000;
    let files = 0;
    for (let at = start; at < end; at += 4_000) {
      // An hour missing every day: the timeline has gaps to report.
      if (new Date(at).getUTCHours() === 3) continue;
      const folder = join(root, 'week', dayFolder(at));
      if (files === 0 || new Date(at).getUTCHours() === 0) await mkdir(folder, { recursive: true });
      await writeFile(join(folder, segmentName(at, 4_000, 150_000)), '');
      files += 1;
    }
    const t0 = performance.now();
    for (const day of await readdir(join(root, 'week'))) await readdir(join(root, 'week', day));
    const readdirMs = performance.now() - t0;
    const t1 = performance.now();
    const index = new SegmentIndex();
    index.load('week', await scanCamera(root, 'week'));
    const scanMs = performance.now() - t1;
    const query = (from: number, to: number): number[] => {
      const times: number[] = [];
      for (let i = 0; i < 50; i += 1) {
        const q0 = performance.now();
        index.timeline('week', from, to);
        times.push(performance.now() - q0);
      }
      return times.sort((a, b) => a - b);
    };
    const week = query(start, end);
    const hour = query(end - 3_600_000, end);
    console.log(`\nIndex over 7 days of synthetic segment files (${files} files, one camera)`);
    console.log(`  baseline: readdir of the day folders   ${readdirMs.toFixed(0)} ms`);
    console.log(
      `  rebuild at start (from the names)       ${scanMs.toFixed(0)} ms  ratio ${(scanMs / readdirMs).toFixed(1)}`,
    );
    console.log(
      `  timeline query, whole week             p50 ${quantile(week, 0.5).toFixed(2)} ms  p99 ${quantile(week, 0.99).toFixed(2)} ms`,
    );
    console.log(
      `  timeline query, last hour              p50 ${quantile(hour, 0.5).toFixed(3)} ms  p99 ${quantile(hour, 0.99).toFixed(3)} ms`,
    );
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

/** The recording benchmark (see the file's header). */
export async function benchRecording(lab: Lab): Promise<void> {
  await indexWeek();
  const station = await startRecordingStation(lab);
  try {
    const ids = await recordingCpu(station, lab);
    const perHour = await Promise.all(ids.map((id) => bytesPerHour(station, id)));
    const mib = perHour.map((bytes) => bytes / 2 ** 20).sort((x, y) => x - y);
    console.log(
      `\nDisk per camera-hour (each camera's bytes ÷ its recorded time): median ${quantile(mib, 0.5).toFixed(0)} MiB, ` +
        `min ${(mib[0] ?? 0).toFixed(0)}, max ${(mib.at(-1) ?? 0).toFixed(0)} (${ids.length} cameras)`,
    );
    await playbackLatency(station);
  } finally {
    await station.stop();
  }
}
