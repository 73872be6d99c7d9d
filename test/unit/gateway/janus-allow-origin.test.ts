import { describe, expect, it } from 'vitest';

import { janusAllowOrigin } from '../../../main/gateway/janus-allow-origin';

describe('janusAllowOrigin', () => {
  it.each<[string, string[], string | null]>([
    ['the station alone', [], 'http://127.0.0.1:3000'],
    ['a portal on the same origin', ['http://127.0.0.1:3000'], 'http://127.0.0.1:3000'],
    ['a portal on another port of the same host', ['http://127.0.0.1:8080'], 'http://127.0.0.1:'],
    ['ports that share leading digits', ['http://127.0.0.1:30001'], 'http://127.0.0.1:'],
    ['a portal on another host', ['http://127.0.0.2:3000'], null],
    ['a portal over https', ['https://127.0.0.1:3000'], null],
  ])('%s', (_name, portals, expected) => {
    expect(janusAllowOrigin('http://127.0.0.1:3000', portals)).toBe(expected);
  });
});
