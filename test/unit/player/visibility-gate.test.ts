import { describe, expect, it } from 'vitest';

import { createVisibilityGate } from '../../../renderer/player/visibility-gate';

function recorder() {
  const calls: string[] = [];
  return { calls, tile: { pause: () => calls.push('pause'), resume: () => calls.push('resume') } };
}

describe('visibility gate', () => {
  it('pauses when the tile leaves the screen or the page hides, resumes when both are back', () => {
    const { calls, tile } = recorder();
    const gate = createVisibilityGate(tile, true);
    gate.setOnScreen(true);
    expect(calls).toEqual([]);
    gate.setOnScreen(false);
    gate.setPageVisible(false);
    gate.setOnScreen(true);
    expect(calls).toEqual(['pause']);
    gate.setPageVisible(true);
    expect(calls).toEqual(['pause', 'resume']);
  });

  it('pauses at once when created on a hidden page', () => {
    const { calls, tile } = recorder();
    createVisibilityGate(tile, false);
    expect(calls).toEqual(['pause']);
  });
});
