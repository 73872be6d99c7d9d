import { RtspProtocolError } from './errors';

/** One `m=` section of an SDP, described by its first payload format. */
export interface SdpTrack {
  /** `video`, `audio`, `application`, … */
  kind: string;
  /** Transport protocol of the `m=` line, e.g. `RTP/AVP` or `RTP/AVP/TCP`. */
  protocol: string;
  /** The first payload format of the `m=` line; -1 when it lists no numeric one. */
  payload_type: number;
  /** Lower-case encoding name (`h264`, `h265`, `vp8`, `jpeg`, `pcmu`, `mpeg4-generic`, …); `unknown` when neither rtpmap nor the static table names it. */
  codec: string;
  clock_rate?: number;
  channels?: number;
  fmtp?: string;
  /** True when an `a=rtpmap` line names the codec (false: only the static payload table does). */
  rtpmap: boolean;
  /** The `a=control` value as written (relative, absolute or `*`). */
  control?: string;
}

/** What a DESCRIBE's SDP says: the session-level control URL and the media sections in order. */
export interface SdpDescription {
  control?: string;
  tracks: SdpTrack[];
}

/** Static RTP payload types (RFC 3551) that cameras send without an rtpmap. */
const STATIC_PAYLOADS: Readonly<Record<number, { codec: string; clock_rate: number; channels?: number }>> = {
  0: { codec: 'pcmu', clock_rate: 8000, channels: 1 },
  8: { codec: 'pcma', clock_rate: 8000, channels: 1 },
  14: { codec: 'mpa', clock_rate: 90000 },
  26: { codec: 'jpeg', clock_rate: 90000 },
  32: { codec: 'mpv', clock_rate: 90000 },
  33: { codec: 'mp2t', clock_rate: 90000 },
};

interface Section {
  kind: string;
  protocol: string;
  formats: number[];
  rtpmaps: Map<number, string>;
  fmtps: Map<number, string>;
  control?: string;
}

/** Parses an SDP (RFC 8866) as far as an RTSP probe needs; throws RtspProtocolError when it is not one. */
export function parseSdp(text: string): SdpDescription {
  const lines = text.split(/\r?\n/).filter((line) => line !== '');
  if (lines[0]?.trim() !== 'v=0') throw new RtspProtocolError('bad_sdp', 'the body does not start with v=0');
  let sessionControl: string | undefined;
  const sections: Section[] = [];
  for (const line of lines) {
    const current = sections.at(-1);
    if (line.startsWith('m=')) {
      const [kind = '', , protocol = '', ...formats] = line.slice(2).trim().split(/\s+/);
      sections.push({
        kind,
        protocol,
        formats: formats.filter((f) => /^\d+$/.test(f)).map(Number),
        rtpmaps: new Map(),
        fmtps: new Map(),
      });
    } else if (line.startsWith('a=control:')) {
      const control = line.slice('a=control:'.length).trim();
      if (current === undefined) sessionControl = control;
      else current.control = control;
    } else if (current !== undefined) {
      const attribute = /^a=(rtpmap|fmtp):(\d+)\s+(.*)$/.exec(line.trim());
      if (attribute?.[1] !== undefined && attribute[3] !== undefined) {
        (attribute[1] === 'rtpmap' ? current.rtpmaps : current.fmtps).set(Number(attribute[2]), attribute[3]);
      }
    }
  }
  return {
    ...(sessionControl === undefined ? {} : { control: sessionControl }),
    tracks: sections.map(toTrack),
  };
}

/**
 * Resolves a track's `a=control` against the DESCRIBE's base URL the way RTSP clients do (RFC 2326 C.1.1):
 * absolute URLs stay, `*` or none means the base, `/x` replaces the base's path, anything else is appended.
 */
export function resolveControlUrl(base: string, control: string | undefined): string {
  if (control === undefined || control === '' || control === '*') return base;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(control)) return control;
  if (control.startsWith('/')) {
    const origin = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(base)?.[0] ?? '';
    return origin + control;
  }
  return base.endsWith('/') ? base + control : `${base}/${control}`;
}

function toTrack(section: Section): SdpTrack {
  const payloadType = section.formats[0] ?? -1;
  const rtpmap = section.rtpmaps.get(payloadType);
  const fmtp = section.fmtps.get(payloadType);
  const mapped =
    rtpmap === undefined ? undefined : (/^([^/\s]+)\/(\d+)(?:\/(\d+))?/.exec(rtpmap) ?? undefined);
  const fallback = STATIC_PAYLOADS[payloadType];
  const track: SdpTrack = {
    kind: section.kind.toLowerCase(),
    protocol: section.protocol,
    payload_type: payloadType,
    codec: mapped?.[1]?.toLowerCase() ?? fallback?.codec ?? 'unknown',
    rtpmap: mapped !== undefined,
  };
  const clockRate = mapped?.[2] === undefined ? fallback?.clock_rate : Number(mapped[2]);
  const channels =
    mapped === undefined ? fallback?.channels : mapped[3] === undefined ? undefined : Number(mapped[3]);
  if (clockRate !== undefined) track.clock_rate = clockRate;
  if (channels !== undefined) track.channels = channels;
  if (fmtp !== undefined) track.fmtp = fmtp;
  if (section.control !== undefined) track.control = section.control;
  return track;
}
