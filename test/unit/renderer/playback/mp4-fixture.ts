// Builds small ISO BMFF byte strings for the playback tests: boxes, an init segment with an avcC, a fragment.

/** A box: size, type, payload. */
export function box(type: string, ...payload: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const size = 8 + payload.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(size);
  new DataView(out.buffer).setUint32(0, size);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  let at = 8;
  for (const part of payload) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** Big-endian 32-bit words. */
export function words(...values: number[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(values.length * 4);
  const view = new DataView(out.buffer);
  values.forEach((v, i) => {
    view.setUint32(i * 4, v);
  });
  return out;
}

/** An init segment (ftyp + moov) for H.264 with this profile, compatibility and level, and an mdhd timescale. */
export function initSegment(
  profile: number,
  compat: number,
  level: number,
  timescale: number,
): Uint8Array<ArrayBuffer> {
  const avcC = box('avcC', new Uint8Array([1, profile, compat, level, 0xff, 0xe0, 0]));
  const avc1 = box('avc1', new Uint8Array(78), avcC);
  const stsd = box('stsd', words(0, 1), avc1);
  const mdhd = box('mdhd', words(0, 0, 0, timescale, 0, 0));
  const stbl = box('stbl', stsd);
  const minf = box('minf', stbl);
  const mdia = box('mdia', mdhd, minf);
  const moov = box('moov', box('mvhd', words(0)), box('trak', mdia));
  return concat(box('ftyp', new Uint8Array(8)), moov);
}

/** A fragment (moof + mdat) whose tfhd gives a default sample duration of `ticks`. */
export function fragment(ticks: number): Uint8Array<ArrayBuffer> {
  const tfhd = box('tfhd', words(0x08, 1, ticks));
  const trun = box('trun', words(0, 1));
  const moof = box('moof', box('mfhd', words(0, 1)), box('traf', tfhd, trun));
  return concat(moof, box('mdat', new Uint8Array(16)));
}

/** A fragment whose trun carries per-sample durations (flag 0x100) and a data offset (flag 0x1). */
export function fragmentWithTrunDurations(ticks: number): Uint8Array<ArrayBuffer> {
  const tfhd = box('tfhd', words(0, 1));
  const trun = box('trun', words(0x101, 2, 0, ticks, ticks));
  return concat(box('moof', box('traf', tfhd, trun)), box('mdat', new Uint8Array(4)));
}

/** The bytes one after the other. */
export function concat(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
