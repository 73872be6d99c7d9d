import { createHmac } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { deliveryHeaders, signatureOf, verifySignature } from '../../../main/webhooks/signature';

describe('webhook signatures', () => {
  it('sign the exact body with HMAC-SHA256 as sha256=<hex>, as any receiver recomputes it', () => {
    const body = '{"type":"alarm.raised"}';
    const hex = createHmac('sha256', 'a-long-shared-secret').update(body).digest('hex');
    expect(signatureOf('a-long-shared-secret', body)).toBe(`sha256=${hex}`);
    expect(verifySignature('a-long-shared-secret', body, `sha256=${hex}`)).toBe(true);
    expect(verifySignature('a-long-shared-secret', `${body} `, `sha256=${hex}`)).toBe(false);
    expect(verifySignature('another-secret-value', body, `sha256=${hex}`)).toBe(false);
    expect(verifySignature('a-long-shared-secret', body, undefined)).toBe(false);
  });

  it('send the event type, the delivery id and the signature, never the secret', () => {
    const headers = deliveryHeaders('a-long-shared-secret', '{}', {
      deliveryId: 'dlv_1',
      eventType: 'alarm.updated',
      userAgent: 'Vigil/1',
    });
    expect(headers).toMatchObject({
      'content-type': 'application/json',
      'x-vigil-event': 'alarm.updated',
      'x-vigil-delivery': 'dlv_1',
      'x-vigil-signature': signatureOf('a-long-shared-secret', '{}'),
    });
    expect(JSON.stringify(headers)).not.toContain('a-long-shared-secret');
  });
});
