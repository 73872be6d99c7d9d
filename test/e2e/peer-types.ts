/** One received track's counters from its receiver's `inbound-rtp` stats. */
export interface InboundStats {
  kind: string;
  packetsReceived: number;
  framesDecoded: number;
  totalSamplesReceived: number;
  totalAudioEnergy: number;
}

/** A page's RTCPeerConnections: how many it made and how many are not closed. */
export interface PeerCount {
  total: number;
  open: number;
}
