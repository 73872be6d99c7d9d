import { describe, expect, it } from 'vitest';

import { doorUrl, withTicket } from '../../../main/door/door-url';

describe('doorUrl', () => {
  it.each([
    ['http://127.0.0.1:3000', 'ws://127.0.0.1:3000/janus'],
    ['http://[::1]:3000', 'ws://[::1]:3000/janus'],
    ['https://vigil.example.com', 'wss://vigil.example.com/janus'],
    ['https://vigil.example.com:8443/', 'wss://vigil.example.com:8443/janus'],
  ])('%s → %s', (station, door) => {
    expect(doorUrl(station)).toBe(door);
  });
});

describe('withTicket', () => {
  it('puts the ticket in the query', () => {
    expect(withTicket('ws://127.0.0.1:3000/janus', 'abc_-1')).toBe('ws://127.0.0.1:3000/janus?ticket=abc_-1');
  });
});
