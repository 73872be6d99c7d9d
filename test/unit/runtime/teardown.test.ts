import pino from 'pino';
import { describe, expect, it } from 'vitest';

import { Teardown } from '../../../main/runtime/teardown';

describe('Teardown', () => {
  it('runs steps newest first, once, and keeps going past a failing step', async () => {
    const order: string[] = [];
    const teardown = new Teardown(pino({ level: 'silent' }));
    teardown.add('Janus', () => {
      order.push('Janus');
      return Promise.resolve();
    });
    teardown.add('station', () => Promise.reject(new Error('boom')));
    teardown.add('REST API', () => {
      order.push('REST API');
      return Promise.resolve();
    });
    expect(await teardown.run()).toBe(false);
    expect(order).toEqual(['REST API', 'Janus']);
    expect(await teardown.run()).toBe(true);
    expect(order).toEqual(['REST API', 'Janus']);
  });
});
