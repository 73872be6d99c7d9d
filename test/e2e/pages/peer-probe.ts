// Tracks every RTCPeerConnection a page makes (installed before the page's own scripts), whoever makes it
// (janus.js inside the player or the SDK), so tests can count open connections and read the inbound RTP
// stats of the tracks a <video> shows.
import type { InboundStats, PeerCount } from '../peer-types';

const connections: RTCPeerConnection[] = [];
const Native = globalThis.RTCPeerConnection;

class TrackedPeerConnection extends Native {
  constructor(configuration?: RTCConfiguration) {
    super(configuration);
    connections.push(this);
  }
}

globalThis.RTCPeerConnection = TrackedPeerConnection;

function number(entry: Record<string, unknown>, key: string): number {
  const value = entry[key];
  return typeof value === 'number' ? value : 0;
}

/** The inbound-rtp stats of the receiver that plays `track`, if any connection receives it. */
async function inboundOf(track: MediaStreamTrack): Promise<InboundStats | undefined> {
  for (const connection of connections) {
    if (connection.connectionState === 'closed') continue;
    const receiver = connection.getReceivers().find((r) => r.track === track);
    if (!receiver) continue;
    let found: InboundStats | undefined;
    (await receiver.getStats()).forEach((entry: Record<string, unknown>) => {
      if (entry['type'] !== 'inbound-rtp') return;
      found = {
        kind: track.kind,
        packetsReceived: number(entry, 'packetsReceived'),
        framesDecoded: number(entry, 'framesDecoded'),
        totalSamplesReceived: number(entry, 'totalSamplesReceived'),
        totalAudioEnergy: number(entry, 'totalAudioEnergy'),
      };
    });
    return found;
  }
  return undefined;
}

const peerProbe = {
  /** How many connections the page made and how many are not closed. */
  count(): PeerCount {
    return {
      total: connections.length,
      open: connections.filter((c) => c.connectionState !== 'closed').length,
    };
  },
  /** Inbound stats of each track the matching <video> shows (audio and video), plus whether it is muted. */
  async inbound(selector: string): Promise<{ muted: boolean; tracks: InboundStats[] } | undefined> {
    const video = document.querySelector(selector);
    if (!(video instanceof HTMLVideoElement)) return undefined;
    const stream = video.srcObject instanceof MediaStream ? video.srcObject : undefined;
    const stats = await Promise.all((stream?.getTracks() ?? []).map(inboundOf));
    return { muted: video.muted, tracks: stats.flatMap((s) => (s ? [s] : [])) };
  },
};

(globalThis as { peerProbe?: typeof peerProbe }).peerProbe = peerProbe;
