// The REST API's bearer keys, in api-keys.json: only SHA-256 hashes are stored. `vigil keys` changes the file from
// another process while a station runs, so the document is shared: each use reads it again if it changed on disk.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { Type, type Static } from 'typebox';

import { ErrorCode, VigilError } from '../../common/errors';
import { openDocument } from './document-store';
import { LastUseRecorder } from './key-last-use';
import { assertRecord, listDocumentCheck } from './record-checks';
import type { StoreBackendFactory } from './store-backend';
import { StoreUnreadableError, errnoOf } from './store-errors';
import { STORE_FILE_MODE } from './store-file';

/**
 * What a REST API key may do: `manage` (change cameras, keys, settings), `view` (read and watch) or `alarm`
 * (raise and read alarms, nothing else: what a VAS that only tells the desk "look at this" needs).
 */
export const ApiKeyScope = Type.Union([Type.Literal('manage'), Type.Literal('view'), Type.Literal('alarm')]);

/** An API key's scope. */
export type ApiKeyScope = Static<typeof ApiKeyScope>;

/** One API key as `api-keys.json` holds it: the SHA-256 of the key, never the key. */
export const StoredApiKey = Type.Object(
  {
    id: Type.String({ pattern: '^key_[0-9a-f]{16}$' }),
    name: Type.String({ minLength: 1, maxLength: 64 }),
    scope: ApiKeyScope,
    sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
    created_at: Type.String({ format: 'date-time' }),
    last_used_at: Type.Optional(Type.String({ format: 'date-time' })),
  },
  { additionalProperties: false, $id: 'StoredApiKey' },
);

/** A stored API key. */
export type StoredApiKey = Static<typeof StoredApiKey>;

/** api-keys.json as a whole. */
const ApiKeysDocument = Type.Object({ keys: Type.Array(StoredApiKey) });

/** api-keys.json's content. */
type ApiKeysDocument = { keys: StoredApiKey[] };

/** An API key as listings show it: no secret, no hash. */
export type ApiKeyInfo = Omit<StoredApiKey, 'sha256'>;

/** The API key store's file inside the data directory. */
export const API_KEYS_FILE = 'api-keys.json';
/** The file the first manage key is written to. */
export const MANAGE_KEY_FILE = 'manage.key';

const KEY_FORMAT = /^vigil_(manage|view|alarm)_[A-Za-z0-9_-]{43}$/;

/** The REST API's bearer keys. */
export interface ApiKeyStore {
  /** The `api-keys.json` file. */
  readonly path: string;
  /** Creates a key; the plaintext `key` (`vigil_<scope>_<43 chars>`) is returned this once and never stored. */
  create(name: string, scope: ApiKeyScope): Promise<{ id: string; key: string }>;
  /** Every key, oldest first, without secrets. */
  list(): ApiKeyInfo[];
  /** Deletes a key; throws `VIGIL_ERR_NOT_FOUND` (field `id`) for an unknown id. */
  revoke(id: string): Promise<void>;
  /**
   * The key's id and scope when `presented` is a live key (compared in constant time), else undefined. Never
   * writes: the use is written to `last_used_at` later, in the background (best effort).
   */
  verify(presented: string): { id: string; scope: ApiKeyScope; name: string } | undefined;
  /**
   * First start: creates a manage key and writes it to `<dataDir>/manage.key` (0600), returning that path. Returns the
   * path untouched when the file holds a live manage key; undefined when manage keys exist but the file was removed.
   */
  ensureManageKey(): Promise<string | undefined>;
  /** Every key as stored (hashes included), oldest first: for moving keys between stores (`vigil cluster`). */
  stored(): readonly StoredApiKey[];
  /** Stores a key moved from another store as it is; throws `VIGIL_ERR_CONFLICT` (field `id`) for a taken id. */
  adopt(record: StoredApiKey): Promise<void>;
}

/** Where a key store keeps its keys: api-keys.json, or cluster mode's KV bucket. */
export interface ApiKeyRecords {
  /** The keys now, oldest first. */
  current(): readonly StoredApiKey[];
  /** Stores a new key. */
  add(record: StoredApiKey): Promise<void>;
  /** Deletes a key the records hold. */
  delete(id: string): Promise<void>;
  /** Writes these last uses (key id → ISO time) in one go; throws when that cannot be done now. */
  writeLastUses(uses: ReadonlyMap<string, string>): void;
}

/** What else the key store is opened with. */
export interface ApiKeyStoreOptions {
  /** Told once when `last_used_at` cannot be written (full or read-only folder); keys keep working. */
  onLastUseWriteFailed?: (error: unknown) => void;
}

/**
 * Opens `<dataDir>/api-keys.json` (0600, atomic writes); a damaged file throws `StoreCorruptError`.
 * @example
 * const keys = openApiKeyStore(dataDir);
 * const manageKeyFile = keys.ensureManageKey();
 */
export function openApiKeyStore(
  dataDir: string,
  backend?: StoreBackendFactory,
  options: ApiKeyStoreOptions = {},
): ApiKeyStore {
  const document = openDocument<ApiKeysDocument>(
    {
      name: 'api-keys',
      schema: ApiKeysDocument,
      version: '1.0.0',
      shared: true,
      check: listDocumentCheck(StoredApiKey, { list: 'keys', record: 'key', idField: 'id' }),
    },
    { dataDir, backend },
  );
  const current = (): readonly StoredApiKey[] => document.read().keys;
  const write = (keys: StoredApiKey[]): void => {
    document.write({ keys });
  };
  const records: ApiKeyRecords = {
    current,
    add: (record) =>
      settle(() => {
        write([...current(), record]);
      }),
    delete: (id) =>
      settle(() => {
        write(current().filter((k) => k.id !== id));
      }),
    writeLastUses: (uses) => {
      write(current().map((k) => ({ ...k, ...(uses.has(k.id) ? { last_used_at: uses.get(k.id) } : {}) })));
    },
  };
  return apiKeyStoreOn(records, { path: document.path, dataDir, ...options });
}

/** The key store on `records`; `dataDir` holds manage.key. */
export function apiKeyStoreOn(
  records: ApiKeyRecords,
  options: ApiKeyStoreOptions & { path: string; dataDir: string },
): ApiKeyStore {
  const current = (): readonly StoredApiKey[] => records.current();
  const lastUse = new LastUseRecorder({
    write: (uses) => {
      records.writeLastUses(uses);
    },
    onWriteFailed: options.onLastUseWriteFailed ?? (() => undefined),
  });

  const match = (presented: string): StoredApiKey | undefined => {
    if (!KEY_FORMAT.test(presented)) return undefined;
    const digest = sha256(presented);
    let found: StoredApiKey | undefined;
    // Every key is compared, with no early exit, so the time taken says nothing about which key came close.
    for (const key of current()) {
      if (timingSafeEqual(digest, Buffer.from(key.sha256, 'hex'))) found = key;
    }
    return found;
  };

  return {
    path: options.path,
    async create(name, scope) {
      const { record, key } = mintApiKey(name, scope);
      await records.add(record);
      return { id: record.id, key };
    },
    list: () => current().map(({ sha256: _hash, ...info }) => info),
    async revoke(id) {
      if (!current().some((k) => k.id === id))
        throw new VigilError(ErrorCode.NotFound, `No API key "${id}"`, 'id');
      await records.delete(id);
    },
    verify(presented) {
      const key = match(presented);
      if (key === undefined) return undefined;
      lastUse.used(key.id, key.last_used_at);
      return { id: key.id, scope: key.scope, name: key.name };
    },
    stored: current,
    async adopt(record) {
      assertRecord(StoredApiKey, record, 'API key');
      if (current().some((k) => k.id === record.id)) {
        throw new VigilError(ErrorCode.Conflict, `API key ${record.id} exists already`, 'id');
      }
      await records.add(record);
    },
    async ensureManageKey() {
      const keyFile = join(options.dataDir, MANAGE_KEY_FILE);
      const written = readKeyFile(keyFile);
      if (written !== undefined && match(written)?.scope === 'manage') return keyFile;
      // The operator took the key file away (and so holds the key): never mint another manage key behind their back.
      if (current().some((k) => k.scope === 'manage')) return undefined;
      // The file is written before the key is stored: a crash in between leaves a file no key matches, replaced next start.
      const { record, key } = mintApiKey('initial manage key', 'manage');
      writeSecretFile(keyFile, `${key}\n`);
      await records.add(record);
      return keyFile;
    },
  };
}

/** A new key and its record (the record holds only the key's SHA-256). */
function mintApiKey(name: string, scope: ApiKeyScope): { record: StoredApiKey; key: string } {
  const key = `vigil_${scope}_${randomBytes(32).toString('base64url')}`;
  const id = `key_${randomBytes(8).toString('hex')}`;
  const record = { id, name, scope, sha256: sha256(key).toString('hex'), created_at: now() };
  assertRecord(StoredApiKey, record, 'API key');
  return { record, key };
}

/** A synchronous file write as the records' async one. */
function settle(write: () => void): Promise<void> {
  try {
    write();
    return Promise.resolve();
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}

function readKeyFile(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch (error) {
    const errno = errnoOf(error) ?? 'unknown error';
    if (errno === 'ENOENT') return undefined;
    throw new StoreUnreadableError(path, errno, { cause: error });
  }
}

/** Writes a secret file atomically with mode 0600 from the first byte (temp file, then rename over the target). */
function writeSecretFile(path: string, data: string): void {
  const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    writeFileSync(temp, data, { mode: STORE_FILE_MODE, flag: 'wx' });
    renameSync(temp, path);
  } finally {
    rmSync(temp, { force: true });
  }
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

function now(): string {
  return new Date().toISOString();
}
