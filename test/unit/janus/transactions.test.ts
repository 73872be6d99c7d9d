import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { systemClock } from '../../../main/janus/clock';
import {
  JanusApiError,
  JanusClosedError,
  JanusSessionNotFoundError,
  JanusTimeoutError,
  JanusUnauthorizedError,
} from '../../../main/janus/errors';
import { TransactionManager } from '../../../main/janus/transactions';

describe('TransactionManager', () => {
  let transactions: TransactionManager;
  beforeEach(() => {
    vi.useFakeTimers();
    transactions = new TransactionManager(systemClock);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const start = (ackIsFinal = false, owner = {}) =>
    transactions.start({ owner, request: 'message', ackIsFinal, timeoutMs: 1_000 });

  it('resolves with the success that carries its transaction', async () => {
    const { id, promise } = start();
    expect(transactions.settle({ janus: 'success', transaction: id, data: { id: 7 } })).toBe(true);
    await expect(promise).resolves.toMatchObject({ janus: 'success', data: { id: 7 } });
    expect(transactions.size).toBe(0);
  });

  it.each([
    [403, JanusUnauthorizedError, 'JANUS_ERR_UNAUTHORIZED'],
    [458, JanusSessionNotFoundError, 'JANUS_ERR_SESSION_NOT_FOUND'],
    [490, JanusApiError, 'JANUS_ERR_API'],
  ])('rejects an error %i with a typed error carrying janusCode', async (code, type, stable) => {
    const { id, promise } = start();
    transactions.settle({ janus: 'error', transaction: id, error: { code, reason: 'nope' } });
    const error: unknown = await promise.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(type);
    expect(error).toMatchObject({ code: stable, janusCode: code, message: 'nope' });
  });

  it('waits past an ack for the event of an async plugin request', async () => {
    const { id, promise } = start(false);
    expect(transactions.settle({ janus: 'ack', transaction: id })).toBe(true);
    expect(transactions.size).toBe(1);
    transactions.settle({ janus: 'event', transaction: id, plugindata: { plugin: 'p', data: { ok: 1 } } });
    await expect(promise).resolves.toMatchObject({ janus: 'event' });
  });

  it('settles on the ack when the ack is final (keepalive, trickle)', async () => {
    const { id, promise } = start(true);
    transactions.settle({ janus: 'ack', transaction: id });
    await expect(promise).resolves.toMatchObject({ janus: 'ack' });
  });

  it('ignores answers for unknown transactions and answers after settlement', async () => {
    expect(transactions.settle({ janus: 'success', transaction: 'nope' })).toBe(false);
    expect(transactions.settle({ janus: 'success' })).toBe(false);
    const { id, promise } = start();
    transactions.settle({ janus: 'success', transaction: id });
    expect(transactions.settle({ janus: 'error', transaction: id, error: { code: 490 } })).toBe(false);
    await expect(promise).resolves.toMatchObject({ janus: 'success' });
  });

  it('times out each request on its own timer', async () => {
    const { promise } = start();
    const rejected = expect(promise).rejects.toBeInstanceOf(JanusTimeoutError);
    await vi.advanceTimersByTimeAsync(999);
    expect(transactions.size).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    await rejected;
    expect(transactions.size).toBe(0);
  });

  it('fails only the transactions of the owner being torn down', async () => {
    const a = start(false, { sessionId: 1 });
    const b = start(false, { sessionId: 1, handleId: 5 });
    const c = start(false, { sessionId: 2 });
    transactions.failWhere(
      (owner) => owner.sessionId === 1,
      () => new JanusClosedError('closed'),
    );
    await expect(a.promise).rejects.toBeInstanceOf(JanusClosedError);
    await expect(b.promise).rejects.toBeInstanceOf(JanusClosedError);
    expect(transactions.size).toBe(1);
    transactions.failAll(() => new JanusClosedError('closed'));
    await expect(c.promise).rejects.toBeInstanceOf(JanusClosedError);
  });

  it('does not fire the timeout of a settled transaction', async () => {
    const { id, promise } = start();
    transactions.settle({ janus: 'success', transaction: id });
    await vi.advanceTimersByTimeAsync(5_000);
    await expect(promise).resolves.toMatchObject({ janus: 'success' });
    expect(vi.getTimerCount()).toBe(0);
  });
});
