import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { readSelectedView, writeSelectedView } from '../../../../renderer/views/selectedView';

/** localStorage as a Map (the page's own storage is what the functions use). */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => {
      items.clear();
    },
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => {
      items.delete(key);
    },
    setItem: (key, value) => {
      items.set(key, value);
    },
  };
}

beforeEach(() => {
  vi.stubGlobal('localStorage', memoryStorage());
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('selected view per window', () => {
  it('keeps one view for a browser tab', () => {
    writeSelectedView('lobby', '');
    expect(readSelectedView('')).toBe('lobby');
    writeSelectedView(null, '');
    expect(readSelectedView('')).toBeNull();
  });

  it('keeps a view per desktop wall, so two monitors show two views', () => {
    writeSelectedView('lobby', '?wall=dell-u2720q');
    writeSelectedView('garage', '?wall=lg-27');
    expect(readSelectedView('?wall=dell-u2720q')).toBe('lobby');
    expect(readSelectedView('?wall=lg-27')).toBe('garage');
    expect(readSelectedView('')).toBeNull();
  });

  it('falls back to the view main saved for the wall when this window remembers none', () => {
    expect(readSelectedView('?wall=lg-27&view=garage')).toBe('garage');
    writeSelectedView('lobby', '?wall=lg-27&view=garage');
    expect(readSelectedView('?wall=lg-27&view=garage')).toBe('lobby');
  });
});
