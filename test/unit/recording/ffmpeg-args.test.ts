import { describe, expect, it } from 'vitest';

import {
  concatScript,
  parseListLine,
  recorderArgs,
  redactCredentials,
  urlWithCredentials,
} from '../../../main/recording/ffmpeg-args';

const SOURCE = { url: 'rtsp://192.0.2.10:554/stream1', username: 'admin', password: "s3cr:t@'x" };

describe('the recorder command line', () => {
  it('never holds the camera URL or its credentials (ps shows every argument)', () => {
    const args = recorderArgs('/rec/lobby/.incoming', 'run1').join(' ');
    expect(args).not.toContain('192.0.2.10');
    expect(args).not.toContain('admin');
    expect(args).toContain('-i pipe:3');
    expect(args).toContain('-c copy');
    expect(args).toContain('-segment_list pipe:4');
    expect(args).toContain('/rec/lobby/.incoming/run1-%06d.mp4');
  });

  it('gives ffmpeg the URL with credentials, escaped, in the script it reads from fd 3', () => {
    expect(urlWithCredentials(SOURCE)).toBe("rtsp://admin:s3cr%3At%40'x@192.0.2.10:554/stream1");
    expect(concatScript(SOURCE)).toBe(
      "ffconcat version 1.0\nfile 'rtsp://admin:s3cr%3At%40'\\''x@192.0.2.10:554/stream1'\n" +
        'option rtsp_transport tcp\noption timeout 5000000\n',
    );
    expect(urlWithCredentials({ ...SOURCE, username: '', password: '' })).toBe(SOURCE.url);
  });

  it('reads the segment list and redacts credentials from ffmpeg’s errors', () => {
    expect(parseListLine('/rec/x/.incoming/run1-000002.mp4,5.960000,9.960000')).toEqual({
      name: 'run1-000002.mp4',
      startSeconds: 5.96,
      endSeconds: 9.96,
    });
    expect(parseListLine('garbage')).toBeUndefined();
    const line = `Impossible to open '${urlWithCredentials(SOURCE)}' (${SOURCE.password})`;
    const redacted = redactCredentials(line, SOURCE);
    expect(redacted).not.toContain('s3cr');
    expect(redacted).toContain('rtsp://[redacted]@192.0.2.10');
  });
});
