import { describe, expect, it } from 'vitest';

import type { WebhookDelivery } from '../../../common/webhooks';
import { afterAttempt, DEFAULT_RETRY } from '../../../main/webhooks/delivery-state';

const pending: WebhookDelivery = {
  delivery_id: 'dlv_1',
  webhook_id: 'whk_0000000000000000',
  event_type: 'alarm.raised',
  state: 'pending',
  attempts: 0,
  created_at: '2026-12-02T10:00:00.000Z',
};
const at = (seconds: number) => new Date(Date.parse(pending.created_at) + seconds * 1000);

describe('afterAttempt', () => {
  it('a 2xx delivers it', () => {
    expect(afterAttempt(pending, { ok: true, status: 204 }, at(1), DEFAULT_RETRY)).toEqual({
      next: {
        ...pending,
        state: 'delivered',
        attempts: 1,
        status: 204,
        last_attempt_at: at(1).toISOString(),
      },
    });
  });

  it('a failure retries on the backoff (1 s, 2 s, 4 s … up to 1 min), saying why', () => {
    let delivery = pending;
    const delays: number[] = [];
    for (let i = 0; i < 9; i++) {
      const { next, retryInMs } = afterAttempt(
        delivery,
        { ok: false, error: 'connection failed (ECONNREFUSED)' },
        at(i),
        DEFAULT_RETRY,
      );
      expect(next).toMatchObject({
        state: 'pending',
        error: 'connection failed (ECONNREFUSED)',
        attempts: i + 1,
      });
      delays.push(retryInMs ?? -1);
      delivery = next;
    }
    expect(delays).toEqual([1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000]);
    const after500 = afterAttempt(
      delivery,
      { ok: false, status: 500, error: 'HTTP 500' },
      at(100),
      DEFAULT_RETRY,
    );
    expect(after500.next).toMatchObject({ status: 500, next_attempt_at: at(160).toISOString() });
  });

  it('gives up once the retry window has run out', () => {
    const late = at(DEFAULT_RETRY.windowMs / 1000);
    expect(afterAttempt(pending, { ok: false, error: 'timed out' }, late, DEFAULT_RETRY)).toEqual({
      next: {
        ...pending,
        state: 'failed',
        attempts: 1,
        error: 'timed out',
        last_attempt_at: late.toISOString(),
      },
    });
  });
});
