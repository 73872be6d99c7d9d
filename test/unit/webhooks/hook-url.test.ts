import { describe, expect, it } from 'vitest';

import { checkHookUrl } from '../../../main/webhooks/hook-url';

describe('checkHookUrl', () => {
  it.each([
    'https://vas.example/hooks',
    'http://127.0.0.1:9000/in',
    'http://[::1]:8080/',
    'http://10.0.0.5/x?y=1',
  ])('accepts %s', (url) => {
    expect(checkHookUrl(url, 3000).href).toBeTruthy();
  });

  it.each([
    ['ftp://vas.example/x', 'http:// or https://'],
    ['https://user:pw@vas.example/x', 'user:password'],
    ['http://127.0.0.1:3000/alarms', "station's own API"],
    ['http://localhost:3000/', "station's own API"],
    ['http://', 'not a valid URL'],
  ])('refuses %s (field url: %s)', (url, words) => {
    expect(() => checkHookUrl(url, 3000)).toThrow(
      expect.objectContaining({
        code: 'VIGIL_ERR_VALIDATION',
        field: 'url',
        message: expect.stringContaining(words) as string,
      }),
    );
  });
});
