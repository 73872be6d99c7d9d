import type { StatsEntry } from './janus-like';
import type { TileStats } from './model';

/** The counters of one `inbound-rtp` video sample that the next sample needs for its deltas. */
export interface StatsSample {
  /** `RTCStats.timestamp`, ms. */
  timestamp: number;
  bytesReceived: number;
  framesDecoded: number;
}

function num(entry: StatsEntry, key: string): number {
  const value = entry[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

/** The `inbound-rtp` video entry of a stats report, if the PeerConnection has one. */
export function inboundVideo(report: {
  forEach(callback: (entry: StatsEntry) => void): void;
}): StatsEntry | undefined {
  let found: StatsEntry | undefined;
  report.forEach((entry) => {
    if (entry['type'] === 'inbound-rtp' && (entry['kind'] ?? entry['mediaType']) === 'video') found = entry;
  });
  return found;
}

/** Turns an `inbound-rtp` entry (and the previous sample, for rates) into tile stats and the next sample. */
export function readStats(
  entry: StatsEntry,
  previous: StatsSample | undefined,
): { stats: TileStats; sample: StatsSample } {
  const sample: StatsSample = {
    timestamp: num(entry, 'timestamp'),
    bytesReceived: num(entry, 'bytesReceived'),
    framesDecoded: num(entry, 'framesDecoded'),
  };
  const elapsedMs = previous ? sample.timestamp - previous.timestamp : 0;
  const rates = previous !== undefined && elapsedMs > 0 && sample.bytesReceived >= previous.bytesReceived;
  const emitted = num(entry, 'jitterBufferEmittedCount');
  const fps =
    typeof entry['framesPerSecond'] === 'number'
      ? num(entry, 'framesPerSecond')
      : rates
        ? ((sample.framesDecoded - previous.framesDecoded) * 1000) / elapsedMs
        : 0;
  return {
    stats: {
      width: num(entry, 'frameWidth'),
      height: num(entry, 'frameHeight'),
      fps,
      // bits per millisecond are kilobits per second
      bitrateKbps: rates ? ((sample.bytesReceived - previous.bytesReceived) * 8) / elapsedMs : 0,
      packetsLost: num(entry, 'packetsLost'),
      jitterBufferDelayMs: emitted > 0 ? (num(entry, 'jitterBufferDelay') / emitted) * 1000 : 0,
      framesDecoded: sample.framesDecoded,
    },
    sample,
  };
}

/** How far `framesDecoded` had got at the last sample, and when it last advanced (or was reset). */
export interface Stall {
  frames: number | undefined;
  progressAt: number;
}

/** A fresh stall watch (a new PeerConnection, or media resumed after a pause): measured from `now`. */
export function stallFrom(now: number): Stall {
  return { frames: undefined, progressAt: now };
}

/** Records a sample; returns the next stall watch and how long (ms) framesDecoded has not advanced. */
export function updateStall(
  stall: Stall,
  framesDecoded: number,
  now: number,
): { stall: Stall; stalledMs: number } {
  const advanced = stall.frames !== undefined && framesDecoded > stall.frames;
  const progressAt = advanced ? now : stall.progressAt;
  return { stall: { frames: framesDecoded, progressAt }, stalledMs: now - progressAt };
}
