import { JetStreamApiError } from '@nats-io/jetstream';
import { describe, expect, it } from 'vitest';

import { clusterUnavailable, type ClusterConnection } from '../../../main/cluster/connection';
import { clusterWrite } from '../../../main/cluster/kv-writes';

const connection = (up: boolean): ClusterConnection =>
  ({
    assertUp: () => {
      if (!up) throw clusterUnavailable();
    },
  }) as unknown as ClusterConnection;

const wrongSequence = new JetStreamApiError({
  code: 400,
  err_code: 10071,
  description: 'wrong last sequence: 3',
});
const taken = (): Error => new Error('taken');

describe('clusterWrite', () => {
  it('answers the write when NATS takes it', async () => {
    await expect(clusterWrite(connection(true), () => Promise.resolve(7), taken)).resolves.toBe(7);
  });

  it('refuses at once while NATS is down, without trying the write', async () => {
    let tried = false;
    const write = () => {
      tried = true;
      return Promise.resolve(1);
    };
    await expect(clusterWrite(connection(false), write, taken)).rejects.toMatchObject({
      code: 'VIGIL_ERR_CLUSTER_UNAVAILABLE',
    });
    expect(tried).toBe(false);
  });

  it("turns a revision mismatch into the caller's error, and a timeout into unavailable", async () => {
    await expect(clusterWrite(connection(true), () => Promise.reject(wrongSequence), taken)).rejects.toThrow(
      'taken',
    );
    const timeout = new Error('TIMEOUT');
    await expect(clusterWrite(connection(true), () => Promise.reject(timeout), taken)).rejects.toMatchObject({
      code: 'VIGIL_ERR_CLUSTER_UNAVAILABLE',
      cause: timeout,
    });
  });
});
