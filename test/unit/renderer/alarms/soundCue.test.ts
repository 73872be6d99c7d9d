import { describe, expect, it } from 'vitest';

import {
  createSoundCues,
  CUES,
  scheduleCue,
  type AudioContextLike,
} from '../../../../renderer/alarms/soundCue';

/** A fake AudioContext that records each tone's frequency and start/stop times. */
function fakeContext(state: 'running' | 'suspended' = 'running') {
  const tones: { hz: number; start: number; stop: number }[] = [];
  const param = () => ({ setValueAtTime: () => undefined, linearRampToValueAtTime: () => undefined });
  let resumed = 0;
  const context: AudioContextLike = {
    currentTime: 2,
    destination: { connect: () => undefined },
    state,
    resume: () => {
      resumed += 1;
      return Promise.resolve();
    },
    createOscillator: () => {
      const tone = { hz: 0, start: 0, stop: 0 };
      return {
        type: 'square',
        frequency: {
          ...param(),
          setValueAtTime: (hz: number) => {
            tone.hz = hz;
          },
        },
        connect: () => undefined,
        start: (at: number) => {
          tone.start = at;
        },
        stop: (at: number) => {
          tone.stop = at;
          tones.push(tone);
        },
      };
    },
    createGain: () => ({ gain: param(), connect: () => undefined }),
  };
  return { context, tones, resumed: () => resumed };
}

describe('the alarm sound cue', () => {
  it('plays more and higher tones the more severe the alarm, one after another', () => {
    const { context, tones } = fakeContext();
    scheduleCue(context, CUES.critical);
    expect(tones.map((t) => t.hz)).toEqual([1046, 1046, 1046]);
    expect(tones[0]?.start).toBe(2);
    expect(tones[1]?.start).toBeCloseTo(2 + (200 + 120) / 1000);
    expect(tones.every((t) => Math.abs(t.stop - t.start - 0.2) < 1e-9)).toBe(true);
    expect(CUES.info.count).toBeLessThan(CUES.warning.count);
    expect(CUES.warning.hz).toBeLessThan(CUES.critical.hz);
  });

  it('says what happened: played, muted (nothing scheduled), or held until the page is clicked', () => {
    const running = fakeContext();
    const cues = createSoundCues(() => running.context);
    expect(cues.play('warning', true)).toBe('muted');
    expect(running.tones).toHaveLength(0);
    expect(cues.play('warning', false)).toBe('played');
    expect(running.tones).toHaveLength(2);

    let made = 0;
    const warmed = createSoundCues(() => {
      made += 1;
      return running.context;
    });
    warmed.warm();
    warmed.warm();
    expect(made).toBe(1);
    expect(warmed.play('info', false)).toBe('played');
    expect(made).toBe(1);

    const suspended = fakeContext('suspended');
    expect(createSoundCues(() => suspended.context).play('info', false)).toBe('blocked');
    expect(suspended.resumed()).toBe(1);
    expect(createSoundCues(undefined).play('info', false)).toBe('blocked');
  });
});
