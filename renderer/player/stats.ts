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

/** Watches `framesDecoded` for stalls, measured from the last advance (or from the last reset). */
export class StallDetector {
  #frames: number | undefined;
  #lastProgressAt: number;

  constructor(now: number) {
    this.#lastProgressAt = now;
  }

  /** Starts over (a new PeerConnection, or media resumed after a pause). */
  reset(now: number): void {
    this.#frames = undefined;
    this.#lastProgressAt = now;
  }

  /** Records a sample; returns how long (ms) framesDecoded has not advanced. */
  update(framesDecoded: number, now: number): number {
    if (this.#frames !== undefined && framesDecoded > this.#frames) this.#lastProgressAt = now;
    this.#frames = framesDecoded;
    return now - this.#lastProgressAt;
  }
}
