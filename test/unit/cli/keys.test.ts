import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { ApiKeyInfo } from '../../../main/store/api-keys';
import { CliError } from '../../../main/cli/cli-error';
import { createKey, formatKeyTable, listKeys, revokeKey } from '../../../main/cli/keys';
import type { Output } from '../../../main/cli/output';

describe('formatKeyTable', () => {
  it('aligns id, name, scope, created and last used; "never" for unused keys', () => {
    const keys: ApiKeyInfo[] = [
      {
        id: 'key_0123456789abcdef',
        name: 'initial manage key',
        scope: 'manage',
        created_at: '2025-01-02T03:04:05.678Z',
        last_used_at: '2025-01-03T00:00:00.000Z',
      },
      {
        id: 'key_fedcba9876543210',
        name: 'VAS portal',
        scope: 'view',
        created_at: '2025-01-04T10:11:12.000Z',
      },
    ];
    expect(formatKeyTable(keys)).toBe(
      [
        'ID                    NAME                SCOPE   CREATED               LAST USED',
        'key_0123456789abcdef  initial manage key  manage  2025-01-02 03:04:05Z  2025-01-03 00:00:00Z',
        'key_fedcba9876543210  VAS portal          view    2025-01-04 10:11:12Z  never',
        '',
      ].join('\n'),
    );
  });

  it('says how to create a key when there is none', () => {
    expect(formatKeyTable([])).toContain('vigil keys create --name NAME --scope manage|view');
  });
});

describe('keys commands', () => {
  let dataDir: string;
  let out: string;
  const io: Output = {
    stdout: (text) => {
      out += text;
    },
    stderr: () => undefined,
  };
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'vigil-cli-keys-'));
    out = '';
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('create prints the key once; list never shows it; revoke removes it', async () => {
    await createKey({ dataDir }, 'VAS portal', 'view', io);
    const key = /^ {2}(vigil_view_\S+)$/m.exec(out)?.[1];
    const id = /key_[0-9a-f]{16}/.exec(out)?.[0];
    expect(key).toBeDefined();
    expect(out).toContain('cannot be shown again');

    out = '';
    await listKeys({ dataDir }, io);
    expect(out).toContain(`${id ?? '?'}  VAS portal  view`);
    expect(out).not.toContain(key);

    out = '';
    await revokeKey({ dataDir }, id ?? '', io);
    expect(out).toBe(`Revoked key ${id ?? '?'}.\n`);
    out = '';
    await listKeys({ dataDir }, io);
    expect(out).toContain('No API keys');
  });

  it('an unknown id or a bad name is a CliError with the store’s message', async () => {
    await expect(revokeKey({ dataDir }, 'key_0000000000000000', io)).rejects.toThrow(
      new CliError('No API key "key_0000000000000000"'),
    );
    await expect(createKey({ dataDir }, 'x'.repeat(65), 'view', io)).rejects.toThrow(CliError);
  });
});
