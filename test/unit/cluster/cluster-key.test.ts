import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { KV, KvEntry } from '@nats-io/kv';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { checkClusterKey, createClusterKeyCipher, initClusterKey } from '../../../main/cluster/cluster-key';
import { KeyFileError } from '../../../main/store/secret-cipher';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vigil-cluster-key-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** A stand-in for the meta bucket: one key, create refuses a taken key as NATS does. */
function metaBucket(): KV & { held: Map<string, string> } {
  const held = new Map<string, string>();
  const stub = {
    held,
    get: (key: string) =>
      Promise.resolve(
        held.has(key)
          ? ({ operation: 'PUT', string: () => held.get(key) ?? '' } as unknown as KvEntry)
          : null,
      ),
    create: (key: string, value: string) => {
      if (held.has(key)) return Promise.reject(new Error('wrong last sequence'));
      held.set(key, value);
      return Promise.resolve(1);
    },
  };
  return stub as unknown as KV & { held: Map<string, string> };
}

describe('cluster key', () => {
  it('writes a 32-byte key with mode 0600 and never overwrites it', async () => {
    const path = join(dir, 'cluster.key');
    await initClusterKey(path);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readFileSync(path)).toHaveLength(32);
    const before = readFileSync(path);
    await expect(initClusterKey(path)).rejects.toThrow(/already exists: it is not overwritten/);
    expect(readFileSync(path)).toEqual(before);
  });

  it('seals and opens with the same key, and refuses a key file others can read', async () => {
    const path = join(dir, 'cluster.key');
    await initClusterKey(path);
    const cipher = await createClusterKeyCipher(path);
    expect(cipher.kind).toBe('cluster-key');
    const sealed = await cipher.encrypt('hunter2');
    expect(sealed).not.toContain('hunter2');
    expect(await cipher.decrypt(sealed)).toBe('hunter2');
    const open = join(dir, 'open.key');
    writeFileSync(open, readFileSync(path), { mode: 0o644 });
    await expect(createClusterKeyCipher(open)).rejects.toThrow(/chmod 600/);
  });

  it('seals a canary at the first start and refuses a station whose key differs', async () => {
    const meta = metaBucket();
    const [first, other] = [join(dir, 'first.key'), join(dir, 'other.key')];
    await initClusterKey(first);
    await initClusterKey(other);
    await checkClusterKey(meta, await createClusterKeyCipher(first), first);
    expect(meta.held.size).toBe(1);
    await checkClusterKey(meta, await createClusterKeyCipher(first), first);
    const refused = checkClusterKey(meta, await createClusterKeyCipher(other), other);
    await expect(refused).rejects.toThrow(KeyFileError);
    await expect(refused).rejects.toThrow(/differs from the cluster's/);
  });
});
