import { chmod, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { Recorder, type RecorderEvents } from '../../../main/recording/recorder';
import { segmentBytes } from './fmp4-fixture';

const SOURCE = { url: 'rtsp://192.0.2.10/stream1', username: 'admin', password: 'pa55word' };
let folder: string;
let fakeFfmpeg: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'vigil-recorder-'));
  await writeFile(join(folder, 'fixture.mp4'), segmentBytes(12_800, 2));
  // A stand-in for ffmpeg: keeps its arguments and the script it reads on fd 3, writes one 4 s segment where the
  // last argument says and lists it on fd 4, prints the URL it "failed" on, and exits 1.
  fakeFfmpeg = join(folder, 'ffmpeg');
  await writeFile(
    fakeFfmpeg,
    [
      '#!/bin/sh',
      `printf '%s\\n' "$@" > "${folder}/argv.txt"`,
      `cat <&3 > "${folder}/script.txt"`,
      'for last; do :; done',
      'out=$(printf "$last" 0)',
      `cp "${folder}/fixture.mp4" "$out"`,
      'printf "%s,0.000000,4.000000\\n" "$out" >&4',
      `echo "Impossible to open 'rtsp://admin:pa55word@192.0.2.10/stream1'" >&2`,
      'exit 1',
      '',
    ].join('\n'),
  );
  await chmod(fakeFfmpeg, 0o755);
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('Recorder', () => {
  it('runs ffmpeg with the URL only on fd 3, finishes its segment, and restarts a failed run saying why', async () => {
    const root = join(folder, 'recordings');
    const events = {
      started: vi.fn<RecorderEvents['started']>(),
      stopped: vi.fn<RecorderEvents['stopped']>(),
      segment: vi.fn<RecorderEvents['segment']>(),
    };
    const recorder = new Recorder({
      root,
      cameraId: 'lobby',
      source: () => Promise.resolve(SOURCE),
      events,
      logger: pino({ level: 'silent' }),
      ffmpeg: fakeFfmpeg,
      backoff: { initialDelayMs: 60_000, maxDelayMs: 60_000 },
    });
    recorder.start();
    await vi.waitFor(() => {
      expect(events.stopped).toHaveBeenCalled();
    });
    expect(await readFile(join(folder, 'argv.txt'), 'utf8')).not.toContain('pa55word');
    expect(await readFile(join(folder, 'script.txt'), 'utf8')).toContain(
      "file 'rtsp://admin:pa55word@192.0.2.10/stream1'",
    );
    expect(events.started).toHaveBeenCalledOnce();
    expect(events.segment.mock.calls[0]?.[0].endMs).toBeGreaterThan(0);
    const days = await readdir(join(root, 'lobby'));
    expect(days.filter((day) => !day.startsWith('.'))).toHaveLength(1);
    const [cause, reason, retryAt] = events.stopped.mock.calls[0] ?? ['off', '', undefined];
    expect(cause).toBe('failed');
    expect(reason).toContain('ffmpeg exited with code 1');
    expect(reason).toContain('rtsp://[redacted]@192.0.2.10/stream1');
    expect(reason).not.toContain('pa55word');
    expect(retryAt).toBeGreaterThan(Date.now() + 30_000);
    await recorder.stop('off', 'recording was turned off');
    expect(events.stopped).toHaveBeenLastCalledWith('off', 'recording was turned off', undefined);
  });

  it('says how to install ffmpeg when there is none', async () => {
    const stopped = vi.fn<RecorderEvents['stopped']>();
    const recorder = new Recorder({
      root: join(folder, 'recordings'),
      cameraId: 'lobby',
      source: () => Promise.resolve(SOURCE),
      events: { started: vi.fn(), stopped, segment: vi.fn() },
      logger: pino({ level: 'silent' }),
      ffmpeg: join(folder, 'no-such-ffmpeg'),
      backoff: { initialDelayMs: 60_000, maxDelayMs: 60_000 },
    });
    recorder.start();
    await vi.waitFor(() => {
      expect(stopped).toHaveBeenCalled();
    });
    expect(stopped.mock.calls[0]?.[1]).toContain('apt-get install ffmpeg');
    await recorder.stop('off', 'test over');
  });
});
