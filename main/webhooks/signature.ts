// How a delivery is signed and what it carries: `X-Vigil-Signature: sha256=<hex HMAC-SHA256(secret, body)>` over
// the exact body bytes, plus the event type and the delivery id (the same on every retry).
import { createHmac, timingSafeEqual } from 'node:crypto';

/** The signature header's value for `body` under `secret`. */
export function signatureOf(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/** Whether `header` is the signature of `body` under `secret` (constant time), as a receiver checks it. */
export function verifySignature(secret: string, body: string, header: string | undefined): boolean {
  if (header === undefined) return false;
  const expected = Buffer.from(signatureOf(secret, body));
  const given = Buffer.from(header);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The headers of one delivery attempt. */
export function deliveryHeaders(
  secret: string,
  body: string,
  meta: { deliveryId: string; eventType: string; userAgent: string },
): Record<string, string> {
  return {
    'content-type': 'application/json',
    'user-agent': meta.userAgent,
    'x-vigil-event': meta.eventType,
    'x-vigil-delivery': meta.deliveryId,
    'x-vigil-signature': signatureOf(secret, body),
  };
}
