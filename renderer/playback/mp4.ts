// Just enough ISO BMFF (MP4) reading for a playback stream's head: the codec string Media Source Extensions
// needs before the first append (from the init segment's avcC) and the frame duration frame steps use (from
// the first fragment's tfhd/trun). Pure: bytes in, numbers out.

/** The MSE type used when the init segment names no H.264 profile (Constrained Baseline 3.1, Chromium plays it). */
export const DEFAULT_MIME = 'video/mp4; codecs="avc1.42E01F"';

/** A frame at 25 fps, when the stream does not say. */
export const DEFAULT_FRAME_SECONDS = 0.04;

/** What the head of a playback stream says about it. */
export interface StreamHead {
  /** The MIME type with codecs for `MediaSource.addSourceBuffer`. */
  mime: string;
  /** The video track's timescale (ticks per second), from mdhd. */
  timescale: number | undefined;
  /** One frame's duration in seconds (from the first fragment), else DEFAULT_FRAME_SECONDS. */
  frameSeconds: number;
}

interface Box {
  type: string;
  /** Where its payload starts and the box ends (absolute offsets). */
  body: number;
  end: number;
}

const CONTAINERS = new Set(['moov', 'trak', 'mdia', 'minf', 'stbl', 'moof', 'traf']);

function u32(bytes: Uint8Array, at: number): number {
  return (
    (((bytes[at] ?? 0) << 24) |
      ((bytes[at + 1] ?? 0) << 16) |
      ((bytes[at + 2] ?? 0) << 8) |
      (bytes[at + 3] ?? 0)) >>>
    0
  );
}

/** The complete boxes in `bytes[from, to)`; stops at the first box that is cut off. */
function boxes(bytes: Uint8Array, from: number, to: number): Box[] {
  const found: Box[] = [];
  let at = from;
  while (at + 8 <= to) {
    let size = u32(bytes, at);
    let header = 8;
    if (size === 1) {
      if (at + 16 > to) break;
      size = u32(bytes, at + 8) * 2 ** 32 + u32(bytes, at + 12);
      header = 16;
    } else if (size === 0) size = to - at;
    if (size < header || at + size > to) break;
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    found.push({ type, body: at + header, end: at + size });
    at += size;
  }
  return found;
}

/** The first box of `type` at any depth of the containers this module knows, or undefined. */
function find(bytes: Uint8Array, from: number, to: number, type: string): Box | undefined {
  for (const box of boxes(bytes, from, to)) {
    if (box.type === type) return box;
    if (CONTAINERS.has(box.type)) {
      const inner = find(bytes, box.body, box.end, type);
      if (inner) return inner;
    }
  }
  return undefined;
}

const hex = (n: number): string => n.toString(16).toUpperCase().padStart(2, '0');

/** `avc1.PPCCLL` from the avcC inside stsd (the sample entry's 78 fixed bytes come before its child boxes). */
function codecOf(bytes: Uint8Array, moov: Box): string | undefined {
  const stsd = find(bytes, moov.body, moov.end, 'stsd');
  if (!stsd) return undefined;
  const [entry] = boxes(bytes, stsd.body + 8, stsd.end);
  if (!entry || (entry.type !== 'avc1' && entry.type !== 'avc3')) return undefined;
  const avcC = boxes(bytes, entry.body + 78, entry.end).find((box) => box.type === 'avcC');
  if (!avcC || avcC.body + 4 > avcC.end) return undefined;
  const [profile, compat, level] = [1, 2, 3].map((i) => bytes[avcC.body + i] ?? 0);
  return `${entry.type}.${hex(profile ?? 0)}${hex(compat ?? 0)}${hex(level ?? 0)}`;
}

function timescaleOf(bytes: Uint8Array, moov: Box): number | undefined {
  const mdhd = find(bytes, moov.body, moov.end, 'mdhd');
  if (!mdhd) return undefined;
  const version = bytes[mdhd.body] ?? 0;
  const scale = u32(bytes, mdhd.body + (version === 1 ? 20 : 12));
  return scale > 0 ? scale : undefined;
}

/** The first sample's duration in ticks: tfhd's default (flag 0x08) or trun's first (flag 0x100). */
function sampleTicks(bytes: Uint8Array, moof: Box): number | undefined {
  const tfhd = find(bytes, moof.body, moof.end, 'tfhd');
  const trun = find(bytes, moof.body, moof.end, 'trun');
  if (trun) {
    const flags = u32(bytes, trun.body) & 0xffffff;
    if (flags & 0x100) {
      const at = trun.body + 8 + (flags & 0x1 ? 4 : 0) + (flags & 0x4 ? 4 : 0);
      const ticks = u32(bytes, at);
      if (ticks > 0) return ticks;
    }
  }
  if (!tfhd) return undefined;
  const flags = u32(bytes, tfhd.body) & 0xffffff;
  if (!(flags & 0x08)) return undefined;
  const at = tfhd.body + 8 + (flags & 0x01 ? 8 : 0) + (flags & 0x02 ? 4 : 0);
  return u32(bytes, at) || undefined;
}

/**
 * Reads the head of a playback stream once the init segment (moov) and the first fragment's moof are complete;
 * undefined while more bytes are needed.
 */
export function readHead(bytes: Uint8Array): StreamHead | undefined {
  const top = boxes(bytes, 0, bytes.length);
  const moov = top.find((box) => box.type === 'moov');
  const moof = top.find((box) => box.type === 'moof');
  if (!moov || !moof) return undefined;
  const codec = codecOf(bytes, moov);
  const timescale = timescaleOf(bytes, moov);
  const ticks = sampleTicks(bytes, moof);
  const frameSeconds = timescale && ticks ? ticks / timescale : DEFAULT_FRAME_SECONDS;
  return { mime: codec ? `video/mp4; codecs="${codec}"` : DEFAULT_MIME, timescale, frameSeconds };
}
