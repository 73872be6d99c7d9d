// The little of ISO BMFF (MP4) that recording needs, on whole buffers: the top-level boxes of a fragmented MP4
// segment (ftyp, moov, then moof + mdat pairs), the video track's timescale, each fragment's decode time and
// duration, and rewriting a fragment's decode time for a playback timeline. Pure; table-tested.

/** One box: its type, where it starts and how long it is (header included). */
export interface Box {
  type: string;
  start: number;
  size: number;
}

/** One fragment (moof + mdat): where it is in the file, its decode time and its duration, in timescale units. */
export interface Fragment {
  start: number;
  end: number;
  /** Offset of the tfdt box inside the file (its version byte is at +8). */
  tfdtAt: number;
  decodeTime: number;
  duration: number;
}

/** A parsed fragmented MP4 segment: its init part (ftyp + moov), timescale and complete fragments. */
export interface Segment {
  /** Bytes [0, initEnd) are ftyp + moov. */
  initEnd: number;
  timescale: number;
  fragments: Fragment[];
  /** The end of the last complete fragment: bytes past it are a torn tail (a killed writer). */
  completeEnd: number;
}

/** The boxes laid end to end in `data` from `start` to `end`; stops at a box that runs past `end` (torn). */
export function boxesIn(data: Buffer, start = 0, end = data.length): Box[] {
  const boxes: Box[] = [];
  let at = start;
  while (at + 8 <= end) {
    let size = data.readUInt32BE(at);
    const type = data.toString('latin1', at + 4, at + 8);
    if (size === 1) {
      if (at + 16 > end) break;
      size = Number(data.readBigUInt64BE(at + 8));
    } else if (size === 0) size = end - at;
    if (size < 8 || at + size > end) break;
    boxes.push({ type, start: at, size });
    at += size;
  }
  return boxes;
}

/** The first child box of `type` inside `parent` (its header is 8 bytes; full boxes add `skip`). */
export function childBox(data: Buffer, parent: Box, type: string, skip = 0): Box | undefined {
  return boxesIn(data, parent.start + 8 + skip, parent.start + parent.size).find((box) => box.type === type);
}

/** The box at the end of a path of types (`['moov', 'trak', 'mdia', 'mdhd']`) under `parent`. */
function pathBox(data: Buffer, parent: Box, path: readonly string[]): Box | undefined {
  let box: Box | undefined = parent;
  for (const type of path) {
    if (box === undefined) return undefined;
    box = childBox(data, box, type);
  }
  return box;
}

/** The first track's media timescale from a moov box (mdhd), or undefined. */
export function timescaleOf(data: Buffer, moov: Box): number | undefined {
  const mdhd = pathBox(data, moov, ['trak', 'mdia', 'mdhd']);
  if (mdhd === undefined) return undefined;
  const version = data.readUInt8(mdhd.start + 8);
  return data.readUInt32BE(mdhd.start + (version === 1 ? 28 : 20));
}

/** The default sample duration of the first track's trex (moov/mvex/trex), or 0. */
function trexDuration(data: Buffer, moov: Box): number {
  const trex = pathBox(data, moov, ['mvex', 'trex']);
  return trex === undefined ? 0 : data.readUInt32BE(trex.start + 20);
}

/** A traf's duration: the trun's sample durations, or the sample count times the tfhd's (or trex's) default. */
function trafDuration(data: Buffer, traf: Box, fallback: number): number {
  const tfhd = childBox(data, traf, 'tfhd');
  let defaultDuration = fallback;
  if (tfhd !== undefined) {
    const flags = data.readUInt32BE(tfhd.start + 8) & 0xffffff;
    let at = tfhd.start + 16;
    if (flags & 0x1) at += 8;
    if (flags & 0x2) at += 4;
    if (flags & 0x8) defaultDuration = data.readUInt32BE(at);
  }
  let total = 0;
  for (const trun of boxesIn(data, traf.start + 8, traf.start + traf.size)) {
    if (trun.type !== 'trun') continue;
    const flags = data.readUInt32BE(trun.start + 8) & 0xffffff;
    const count = data.readUInt32BE(trun.start + 12);
    let at = trun.start + 16;
    if (flags & 0x1) at += 4;
    if (flags & 0x4) at += 4;
    if (!(flags & 0x100)) {
      total += count * defaultDuration;
      continue;
    }
    const stride = 4 * [0x100, 0x200, 0x400, 0x800].filter((bit) => flags & bit).length;
    for (let i = 0; i < count; i += 1) total += data.readUInt32BE(at + i * stride);
  }
  return total;
}

/** Reads a tfdt's decode time (version 0: 32 bits, 1: 64 bits). */
function readDecodeTime(data: Buffer, tfdt: Box): number {
  return data.readUInt8(tfdt.start + 8) === 1
    ? Number(data.readBigUInt64BE(tfdt.start + 12))
    : data.readUInt32BE(tfdt.start + 12);
}

/**
 * Parses a fragmented MP4 segment: undefined when it has no ftyp + moov (nothing usable). Fragments without a
 * tfdt or whose mdat is cut short are left out; `completeEnd` says where the usable bytes end.
 */
export function parseSegment(data: Buffer): Segment | undefined {
  const boxes = boxesIn(data);
  const moov = boxes.find((box) => box.type === 'moov');
  if (boxes[0]?.type !== 'ftyp' || moov === undefined) return undefined;
  const timescale = timescaleOf(data, moov);
  if (timescale === undefined || timescale === 0) return undefined;
  const fallback = trexDuration(data, moov);
  const fragments: Fragment[] = [];
  const initEnd = moov.start + moov.size;
  let completeEnd = initEnd;
  for (let i = 0; i < boxes.length; i += 1) {
    const moof = boxes[i];
    const mdat = boxes[i + 1];
    if (moof?.type !== 'moof' || mdat?.type !== 'mdat') continue;
    const traf = childBox(data, moof, 'traf');
    const tfdt = traf === undefined ? undefined : childBox(data, traf, 'tfdt');
    if (traf === undefined || tfdt === undefined) continue;
    const end = mdat.start + mdat.size;
    fragments.push({
      start: moof.start,
      end,
      tfdtAt: tfdt.start,
      decodeTime: readDecodeTime(data, tfdt),
      duration: trafDuration(data, traf, fallback),
    });
    completeEnd = end;
    i += 1;
  }
  return { initEnd, timescale, fragments, completeEnd };
}

/** A copy of a fragment's bytes with its decode time set to `decodeTime` (kept within 32 bits for a version-0 tfdt). */
export function retimedFragment(data: Buffer, fragment: Fragment, decodeTime: number): Buffer {
  const copy = Buffer.from(data.subarray(fragment.start, fragment.end));
  const at = fragment.tfdtAt - fragment.start;
  const time = Math.max(0, Math.round(decodeTime));
  if (copy.readUInt8(at + 8) === 1) copy.writeBigUInt64BE(BigInt(time), at + 12);
  else copy.writeUInt32BE(time % 2 ** 32, at + 12);
  return copy;
}
