// Small synthetic fragmented MP4s for the recording unit tests: just the boxes recording reads (ftyp, moov with
// mdhd and trex, moof with tfhd, tfdt and trun, mdat), laid out as ffmpeg lays them out.

/** A box of `type` around `payload`. */
export function box(type: string, ...payload: Buffer[]): Buffer {
  const body = Buffer.concat(payload);
  const header = Buffer.alloc(8);
  header.writeUInt32BE(8 + body.length, 0);
  header.write(type, 4, 'latin1');
  return Buffer.concat([header, body]);
}

function u32(...values: number[]): Buffer {
  const out = Buffer.alloc(4 * values.length);
  values.forEach((value, i) => out.writeUInt32BE(value, 4 * i));
  return out;
}

/** ftyp + moov whose track has `timescale` and a trex default duration. */
export function init(timescale: number, trexDuration = 0): Buffer {
  const mdhd = box('mdhd', u32(0, 0, 0, timescale, 0, 0));
  const trex = box('trex', u32(0, 1, 1, trexDuration, 0, 0));
  return Buffer.concat([
    box('ftyp', Buffer.from('isom\0\0\x02\0isomiso6', 'latin1')),
    box('moov', box('trak', box('mdia', mdhd)), box('mvex', trex)),
  ]);
}

/** One fragment: a moof (tfdt version `version`) whose trun lists `durations`, and an mdat of `mdatBytes`. */
export function fragment(
  decodeTime: number,
  durations: number[],
  version: 0 | 1 = 1,
  mdatBytes = 100,
): Buffer {
  const tfhd = box('tfhd', u32(0x020000, 1));
  const time = version === 1 ? Buffer.alloc(8) : Buffer.alloc(4);
  if (version === 1) time.writeBigUInt64BE(BigInt(decodeTime));
  else time.writeUInt32BE(decodeTime);
  const tfdt = box('tfdt', Buffer.from([version, 0, 0, 0]), time);
  const trun = box('trun', u32(0x000101, durations.length, 0), u32(...durations));
  return Buffer.concat([
    box('moof', box('mfhd', u32(0, 1)), box('traf', tfhd, tfdt, trun)),
    box('mdat', Buffer.alloc(mdatBytes, 7)),
  ]);
}

/** A whole segment: the init, then fragments of `perFragment` samples of `sampleTicks` each. */
export function segmentBytes(
  timescale: number,
  fragments: number,
  perFragment = 50,
  sampleTicks = timescale / 25,
): Buffer {
  const parts = [init(timescale)];
  for (let i = 0; i < fragments; i += 1) {
    parts.push(fragment(i * perFragment * sampleTicks, Array<number>(perFragment).fill(sampleTicks)));
  }
  return Buffer.concat(parts);
}
