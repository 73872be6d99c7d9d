import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  concatScript,
  ffmpegArgs,
  redactCredentials,
  startFrameStream,
} from '../../../main/motion/ffmpeg-frames';

const camera = { url: 'rtsp://192.0.2.7:554/sub', username: 'ad min', password: "p@ss:w/rd'x" };
const grid = { width: 4, height: 2 };

describe('ffmpeg arguments and script', () => {
  it('puts neither the URL nor a credential on the command line', () => {
    const args = ffmpegArgs({ grid, fps: 5 }).join(' ');
    expect(args).not.toMatch(/rtsp:\/\/|ad min|p@ss/);
    expect(args).toContain('-i pipe:3');
    expect(args).toContain("select='isnan(prev_selected_t)+gte(t-prev_selected_t,0.190)',scale=4:2");
    expect(args).toContain('format=gray');
  });

  it('names the camera in the concat script with percent-encoded credentials, over TCP', () => {
    expect(concatScript(camera).split('\n')).toEqual([
      'ffconcat version 1.0',
      "file 'rtsp://ad%20min:p%40ss%3Aw%2Frd%27x@192.0.2.7:554/sub'",
      'option rtsp_transport tcp',
      'option timeout 5000000',
      'option max_delay 0',
      '',
    ]);
    expect(concatScript({ ...camera, username: '', password: '' })).toContain(
      "file 'rtsp://192.0.2.7:554/sub'",
    );
  });

  it("quotes a quote in the URL the way ffconcat reads it ('\\'')", () => {
    expect(concatScript({ url: "rtsp://h/it's", username: '', password: '' })).toContain(
      "file 'rtsp://h/it'\\''s'",
    );
  });

  it('redacts credentials from what ffmpeg says', () => {
    const said = "Impossible to open 'rtsp://ad%20min:p%40ss%3Aw%2Frd%27x@192.0.2.7/sub' p@ss:w/rd'x";
    const redacted = redactCredentials(said, camera.password);
    expect(redacted).toBe("Impossible to open 'rtsp://***@192.0.2.7/sub' ***");
  });
});

describe('startFrameStream (a stand-in ffmpeg)', () => {
  let dir: string;
  let fake: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vigil-fake-ffmpeg-'));
    fake = join(dir, 'ffmpeg');
    // Saves what arrives on fd 3 and its arguments, writes 2.5 frames in odd-sized pieces, then fails loudly.
    await writeFile(
      fake,
      [
        '#!/bin/sh',
        `cat <&3 > "${dir}/script"`,
        `echo "$@" > "${dir}/args"`,
        "printf '\\001\\002\\003\\004\\005'",
        "printf '\\006\\007\\010\\011\\012\\013'",
        "printf '\\014\\015\\016\\017\\020\\021\\022\\023\\024'",
        'echo "Impossible to open \'rtsp://ad%20min:secret@192.0.2.7/sub\'" >&2',
        'exit 1',
      ].join('\n'),
    );
    await chmod(fake, 0o700);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('hands the script over fd 3, cuts stdout into frames and reports the exit with stderr redacted', async () => {
    const frames: number[][] = [];
    const stream = startFrameStream(
      { ...camera, password: 'secret', grid, fps: 5, ffmpeg: fake },
      (frame) => {
        frames.push([...frame]);
      },
    );
    const end = await stream.exited;
    expect(end).toMatchObject({ code: 1, signal: null });
    expect(end.stderr).toBe("Impossible to open 'rtsp://***@192.0.2.7/sub'");
    expect(frames).toEqual([
      [1, 2, 3, 4, 5, 6, 7, 8],
      [9, 10, 11, 12, 13, 14, 15, 16],
    ]);
    expect(await readFile(join(dir, 'script'), 'utf8')).toBe(concatScript({ ...camera, password: 'secret' }));
    expect(await readFile(join(dir, 'args'), 'utf8')).not.toContain('secret');
  });

  it('reports a missing binary through exited', async () => {
    const stream = startFrameStream({ ...camera, grid, fps: 5, ffmpeg: join(dir, 'none') }, () => undefined);
    expect((await stream.exited).stderr).toMatch(/ENOENT/);
  });
});
