import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { systemClock } from '../../../main/janus/clock';
import { ViewerTokens } from '../../../main/station/viewer-tokens';

const TTL = 10 * 60_000;

function fakeJanus() {
  const added: string[] = [];
  const removed: string[] = [];
  const janus = {
    addViewerToken: (token: string) => {
      added.push(token);
      return Promise.resolve();
    },
    removeViewerToken: (token: string) => {
      removed.push(token);
      return Promise.resolve();
    },
  };
  return { janus, added, removed };
}

const tokensOn = (janus: ReturnType<typeof fakeJanus>['janus']) =>
  new ViewerTokens(janus, pino({ level: 'silent' }), TTL, systemClock);

describe('ViewerTokens', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('hands one fresh token to concurrent viewers (one add_token for a whole wall)', async () => {
    const { janus, added } = fakeJanus();
    const tokens = tokensOn(janus);
    const issued = await Promise.all(Array.from({ length: 16 }, () => tokens.issue()));
    expect(added).toHaveLength(1);
    expect(new Set(issued.map((t) => t.token)).size).toBe(1);
  });

  it('mints a new token once the latest has less than half its life left, and removes each at expiry', async () => {
    const { janus, added, removed } = fakeJanus();
    const tokens = tokensOn(janus);
    const first = await tokens.issue();
    await vi.advanceTimersByTimeAsync(TTL / 2 - 1_000);
    expect((await tokens.issue()).token).toBe(first.token);
    await vi.advanceTimersByTimeAsync(2_000);
    const second = await tokens.issue();
    expect(second.token).not.toBe(first.token);
    expect(added).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(TTL);
    expect(removed).toEqual([first.token, second.token]);
  });

  it('mints a new token after Janus came back (a restarted Janus forgot the old one)', async () => {
    const { janus, added } = fakeJanus();
    const tokens = tokensOn(janus);
    const first = await tokens.issue();
    tokens.forgetLatest();
    expect((await tokens.issue()).token).not.toBe(first.token);
    expect(added).toHaveLength(2);
  });

  it('stop removes every outstanding token at once, and nothing is removed twice later', async () => {
    const { janus, added, removed } = fakeJanus();
    const tokens = tokensOn(janus);
    await tokens.issue();
    await vi.advanceTimersByTimeAsync(TTL / 2 + 1);
    await tokens.issue();
    await tokens.stop();
    expect(removed).toEqual(added);
    await vi.advanceTimersByTimeAsync(TTL);
    expect(removed).toHaveLength(2);
  });
});
