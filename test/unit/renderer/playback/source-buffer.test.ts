import { describe, expect, it } from 'vitest';

import { appendTo, concat, evictBefore } from '../../../../renderer/playback/source-buffer';
import { FakeSourceBuffer } from './fakes';

const bytes = new Uint8Array([1, 2, 3]);

describe('SourceBuffer helpers', () => {
  it('appends and waits for the update', async () => {
    const buffer = new FakeSourceBuffer('video/mp4', 5, 0);
    await appendTo(buffer, bytes, 0);
    expect(buffer.list).toEqual([[0, 5]]);
    expect(buffer.updating).toBe(false);
  });

  it('makes room when the browser says the buffer is full, keeping 2 s behind the picture, then appends', async () => {
    const buffer = new FakeSourceBuffer('video/mp4', 5, 0);
    buffer.list = [[0, 100]];
    const append = buffer.appendBuffer.bind(buffer);
    let refused = false;
    buffer.appendBuffer = () => {
      if (!refused) {
        refused = true;
        throw new DOMException('full', 'QuotaExceededError');
      }
      append();
    };
    await appendTo(buffer, bytes, 50);
    expect(buffer.list).toEqual([[48, 105]]);
  });

  it('drops what lies behind the picture once more than 5 s piled up', async () => {
    const buffer = new FakeSourceBuffer('video/mp4', 5, 0);
    buffer.list = [[0, 40]];
    await evictBefore(buffer, 3);
    expect(buffer.list).toEqual([[0, 40]]);
    await evictBefore(buffer, 10);
    expect(buffer.list).toEqual([[10, 40]]);
  });

  it('joins chunks', () => {
    expect([...concat([new Uint8Array([1]), new Uint8Array([2, 3])])]).toEqual([1, 2, 3]);
  });
});
