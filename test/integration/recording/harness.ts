// One real station for the recording tests: the runtime's station core (as `vigil serve` and the desktop app run
// it) on the lab's Janus, its REST API on 127.0.0.1, recording into a folder of the test's choosing.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import pino from 'pino';

import type { StationEvent } from '../../../common/events';
import { createRootLogger } from '../../../main/base/log';
import { startStationCore, type StationCore } from '../../../main/runtime/station-core';
import { Teardown } from '../../../main/runtime/teardown';
import { DEFAULT_WALL_FILES } from '../../../main/runtime/wall';
import { createKeyFileCipher } from '../../../main/store/secret-cipher';
import { parseSegment } from '../../../main/recording/mp4-boxes';
import type { Lab } from '../../lab';
import { decodeTimecode } from '../../lab/timecode';
import { freePort } from '../../lab/ports';
import { labGateway } from '../station/harness';

const run = promisify(execFile);

/** A running station that records. */
export interface RecordingStation {
  core: StationCore;
  baseUrl: string;
  manageKey: string;
  dataDir: string;
  /** Every event announced since start. */
  events: StationEvent[];
  /** GET (or another method) on the API with the manage key. */
  call(path: string, init?: { method?: string; body?: unknown }): Promise<Response>;
  stop(): Promise<void>;
}

/** Starts the station core recording into `recordingsDir` (default `<dataDir>/recordings`). */
export async function startRecordingStation(
  lab: Lab,
  options: { recordingsDir?: string; maxBytes?: number } = {},
): Promise<RecordingStation> {
  const dataDir = await mkdtemp(join(tmpdir(), 'vigil-recording-'));
  // Outside the data folder, kept when VIGIL_KEEP_TEST_LOGS is set (to read after a failure).
  const logFile = `${dataDir}.log`;
  const logger = createRootLogger(
    { level: 'debug' },
    pino.destination({ dest: logFile, sync: true, mkdir: true }),
  );
  const teardown = new Teardown(logger);
  const port = await freePort();
  const core = await startStationCore(
    {
      dataDir,
      logger,
      cipher: await createKeyFileCipher(dataDir),
      gateway: { mode: 'remote', endpoints: labGateway(lab) },
      iceServers: [],
      api: { host: '127.0.0.1', port, allowedHosts: [], corsOrigins: [], changeWith: { port: '--port' } },
      wall: DEFAULT_WALL_FILES,
      recording: { dir: options.recordingsDir, maxBytes: options.maxBytes ?? 8 * 2 ** 30 },
    },
    teardown,
  );
  const events: StationEvent[] = [];
  core.station.onEvent((event) => events.push(event));
  const manageKey = (await core.keys.create('tests', 'manage')).key;
  const baseUrl = core.apiUrl;
  return {
    core,
    baseUrl,
    manageKey,
    dataDir,
    events,
    call: (path, init = {}) =>
      fetch(`${baseUrl}${path}`, {
        method: init.method ?? 'GET',
        headers: {
          authorization: `Bearer ${manageKey}`,
          ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      }),
    stop: async () => {
      await teardown.run();
      logger.flush();
      await rm(dataDir, { recursive: true, force: true });
      if (process.env.VIGIL_KEEP_TEST_LOGS === undefined) await rm(logFile, { force: true });
    },
  };
}

/** Adds lab camera `index` (0-based) as `camera_id`, recording continuously. */
export async function addRecordingCamera(
  station: RecordingStation,
  lab: Lab,
  cameraId: string,
  index = 0,
): Promise<void> {
  const camera = lab.cameras[index];
  if (camera === undefined) throw new Error(`the lab has no camera ${index + 1}`);
  const response = await station.call('/cameras', {
    method: 'POST',
    body: {
      camera_id: cameraId,
      name: cameraId,
      rtsp_url: camera.url,
      username: camera.username,
      password: camera.password,
      recording: { mode: 'continuous', retention_hours: 24 },
    },
  });
  if (response.status !== 201)
    throw new Error(`adding ${cameraId}: ${response.status} ${await response.text()}`);
}

/** ffprobe's duration (s) of a file, or it throws with ffprobe's error. */
export async function probeDuration(path: string): Promise<number> {
  const { stdout } = await run('ffprobe', [
    '-v',
    'error',
    '-show_entries',
    'format=duration',
    '-of',
    'csv=p=0',
    path,
  ]);
  return Number(stdout.trim());
}

/** Decodes a file fully (`ffmpeg -f null`): resolves to ffmpeg's error output ('' when clean). */
export async function decodeErrors(path: string): Promise<string> {
  // Each frame keeps its own timestamp (the demuxer's time base): a camera's first two frames after a recorder
  // restart come 0.08 ms apart, which the null muxer's default 1/25 s would round onto one tick and call an error.
  const { stderr } = await run('ffmpeg', [
    ...['-v', 'error', '-nostdin', '-i', path],
    ...['-enc_time_base:v', '-1', '-f', 'null', '-'],
  ]);
  return stderr.trim();
}

/** Reads a playback answer for `ms`, then closes it; resolves to its complete fragments (a torn tail cut off). */
export async function readPlayback(
  response: Response,
  ms: number,
): Promise<{ bytes: Buffer; firstByteMs: number }> {
  const reader: ReadableStreamDefaultReader<Uint8Array> | undefined = response.body?.getReader();
  if (reader === undefined) throw new Error('no body');
  const started = Date.now();
  const chunks: Uint8Array[] = [];
  let firstByteMs = -1;
  const end = started + ms;
  while (Date.now() < end) {
    const read: { done: boolean; value?: Uint8Array } | undefined = await Promise.race([
      reader.read(),
      new Promise<undefined>((resolve) => {
        setTimeout(
          () => {
            resolve(undefined);
          },
          Math.max(1, end - Date.now()),
        );
      }),
    ]);
    if (read?.value === undefined || read.done) break;
    if (firstByteMs < 0) firstByteMs = Date.now() - started;
    chunks.push(read.value);
  }
  await reader.cancel();
  const whole = Buffer.concat(chunks);
  const parsed = parseSegment(whole);
  return { bytes: whole.subarray(0, parsed?.completeEnd ?? 0), firstByteMs };
}

/** A decoded frame: its media time (ms) and the wall-clock timecode the lab camera drew into it (undefined: unread). */
export interface FrameTimecode {
  mediaMs: number;
  timecode: number | undefined;
}

/** Decodes every `step`-th frame of a 640x360 file to read the lab camera's timecode strip. */
export async function frameTimecodes(path: string, step: number): Promise<FrameTimecode[]> {
  const width = 640;
  const height = 360;
  const { stdout: times } = await run('ffprobe', [
    ...['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'frame=pts_time', '-of', 'csv=p=0', path],
  ]);
  const pts = times
    .trim()
    .split('\n')
    .map((line) => Number(line.split(',')[0]) * 1000);
  const { stdout } = await run(
    'ffmpeg',
    [
      ...['-v', 'error', '-nostdin', '-i', path, '-fps_mode', 'passthrough'],
      ...['-f', 'rawvideo', '-pix_fmt', 'gray', '-'],
    ],
    { encoding: 'buffer', maxBuffer: 1024 * 1024 * 1024 },
  );
  const frames: FrameTimecode[] = [];
  for (let i = 0; i * width * height < stdout.length && i < pts.length; i += step) {
    const base = i * width * height;
    frames.push({
      mediaMs: pts[i] ?? Number.NaN,
      timecode: decodeTimecode((x, y) => stdout[base + y * width + x] ?? 0),
    });
  }
  return frames;
}

/** The signed difference `a − b` of two instants modulo 2^32 ms (the timecode wraps). */
export function wrappedDifference(a: number, b: number): number {
  const modulus = 2 ** 32;
  const difference = (((a - b) % modulus) + modulus) % modulus;
  return difference > modulus / 2 ? difference - modulus : difference;
}
