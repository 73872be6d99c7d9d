import { describe, expect, it } from 'vitest';

import type { StatsEntry } from '../../../renderer/player/janus-like';
import { inboundVideo, readStats, stallFrom, updateStall, type Stall } from '../../../renderer/player/stats';

const report = (entries: StatsEntry[]) => ({
  forEach: (cb: (entry: StatsEntry) => void) => {
    entries.forEach(cb);
  },
});

describe('stats', () => {
  it('finds the inbound video entry, ignoring audio and other types', () => {
    const video = { type: 'inbound-rtp', kind: 'video', framesDecoded: 3 };
    expect(inboundVideo(report([{ type: 'inbound-rtp', kind: 'audio' }, { type: 'transport' }, video]))).toBe(
      video,
    );
    expect(inboundVideo(report([{ type: 'candidate-pair' }]))).toBeUndefined();
  });

  it('turns counters into rates against the previous sample', () => {
    const first = readStats({ timestamp: 1000, bytesReceived: 10_000, framesDecoded: 10 }, undefined);
    expect(first.stats).toMatchObject({ fps: 0, bitrateKbps: 0, framesDecoded: 10 });
    const { stats } = readStats(
      {
        timestamp: 3000,
        bytesReceived: 510_000,
        framesDecoded: 60,
        frameWidth: 1920,
        frameHeight: 1080,
        packetsLost: 4,
        jitterBufferDelay: 3,
        jitterBufferEmittedCount: 50,
      },
      first.sample,
    );
    expect(stats).toEqual({
      width: 1920,
      height: 1080,
      fps: 25,
      bitrateKbps: 2000,
      packetsLost: 4,
      jitterBufferDelayMs: 60,
      framesDecoded: 60,
    });
  });

  it('prefers the browser framesPerSecond and survives missing or reset counters', () => {
    const previous = { timestamp: 1000, bytesReceived: 900_000, framesDecoded: 500 };
    const { stats } = readStats(
      { timestamp: 2000, bytesReceived: 1000, framesDecoded: 5, framesPerSecond: 15 },
      previous,
    );
    expect(stats).toMatchObject({ fps: 15, bitrateKbps: 0, jitterBufferDelayMs: 0, width: 0 });
  });

  it('measures how long framesDecoded has not advanced', () => {
    let stall: Stall = stallFrom(0);
    const sample = (frames: number, now: number): number => {
      const next = updateStall(stall, frames, now);
      stall = next.stall;
      return next.stalledMs;
    };
    expect(sample(10, 1000)).toBe(1000);
    expect(sample(20, 2000)).toBe(0);
    expect(sample(20, 5000)).toBe(3000);
    expect(sample(21, 6000)).toBe(0);
    stall = stallFrom(7000);
    expect(sample(21, 8000)).toBe(1000);
  });
});
