import { describe, expect, it } from 'vitest';

import { DEFAULT_FRAME_SECONDS, DEFAULT_MIME, readHead } from '../../../../renderer/playback/mp4';
import { box, concat, fragment, fragmentWithTrunDurations, initSegment, words } from './mp4-fixture';

describe('readHead', () => {
  it('names the codec from the avcC and the frame duration from the first fragment', () => {
    const head = readHead(concat(initSegment(0x64, 0x00, 0x1f, 90_000), fragment(3600)));
    expect(head).toEqual({ mime: 'video/mp4; codecs="avc1.64001F"', timescale: 90_000, frameSeconds: 0.04 });
  });

  it('reads per-sample durations from trun when tfhd has no default', () => {
    const head = readHead(concat(initSegment(0x42, 0xe0, 0x1e, 1000), fragmentWithTrunDurations(40)));
    expect(head?.mime).toBe('video/mp4; codecs="avc1.42E01E"');
    expect(head?.frameSeconds).toBe(0.04);
  });

  it('waits for more bytes while the moov or the first moof is cut off', () => {
    const whole = concat(initSegment(0x4d, 0x40, 0x1f, 90_000), fragment(3000));
    const moofAt = initSegment(0x4d, 0x40, 0x1f, 90_000).length;
    expect(readHead(whole.subarray(0, 40))).toBeUndefined();
    expect(readHead(whole.subarray(0, moofAt))).toBeUndefined();
    expect(readHead(whole.subarray(0, moofAt + 20))).toBeUndefined();
    expect(readHead(whole)?.frameSeconds).toBeCloseTo(1 / 30, 6);
  });

  it('falls back to a safe H.264 type and 25 fps when the stream does not say', () => {
    const moov = box('moov', box('trak', box('mdia', box('minf', box('stbl', box('stsd', words(0, 0)))))));
    const head = readHead(concat(box('ftyp'), moov, box('moof', box('traf')), box('mdat')));
    expect(head).toEqual({ mime: DEFAULT_MIME, timescale: undefined, frameSeconds: DEFAULT_FRAME_SECONDS });
  });

  it('reads 64-bit box sizes', () => {
    const init = initSegment(0x42, 0xc0, 0x1f, 90_000);
    const mdat = concat(words(1), new Uint8Array([0x6d, 0x64, 0x61, 0x74]), words(0, 16));
    expect(readHead(concat(init, fragment(3600), mdat))?.mime).toBe('video/mp4; codecs="avc1.42C01F"');
  });
});
