import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { VigilError } from '../../../common/errors';
import { CAMERA_STORE_FILE, openCameraStore, type CameraStore } from '../../../main/store/camera-store';
import { createKeyFileCipher, type SecretCipher } from '../../../main/store/secret-cipher';
import type { StoreBackend, StoreBackendOptions } from '../../../main/store/store-backend';
import { StoreCorruptError, StoreUnreadableError } from '../../../main/store/store-errors';
import { MOUNTPOINT_ID_MAX, MOUNTPOINT_ID_MIN, type StoredCamera } from '../../../main/store/stored-camera';
import { refusingBackend } from './refusing-backend';

// Root ignores file modes, so EACCES is also injected: reads of paths in `denied` fail as a non-root user's would.
const denied = new Set<string>();
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof fs>();
  const readFileSync = ((path: fs.PathOrFileDescriptor, ...rest: unknown[]) => {
    if (typeof path === 'string' && denied.has(path)) {
      throw Object.assign(new Error(`EACCES: permission denied, open '${path}'`), { code: 'EACCES' });
    }
    return (real.readFileSync as (...args: unknown[]) => unknown)(path, ...rest);
  }) as typeof real.readFileSync;
  return { ...real, readFileSync, default: { ...real, readFileSync } };
});

const PASSWORD = 'Sup3r-S3cret-Pa55';
const isRoot = process.getuid?.() === 0;

let dataDir: string;
let file: string;
let cipher: SecretCipher;

beforeEach(async () => {
  dataDir = fs.mkdtempSync(join(tmpdir(), 'vigil-store-'));
  file = join(dataDir, CAMERA_STORE_FILE);
  cipher = await createKeyFileCipher(dataDir);
  denied.clear();
});

afterEach(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const open = (): Promise<CameraStore> => openCameraStore({ dataDir, cipher });

async function newRecord(store: CameraStore, cameraId: string, password = ''): Promise<StoredCamera> {
  const now = new Date().toISOString();
  return {
    camera_id: cameraId,
    name: `Camera ${cameraId}`,
    rtsp_url: `rtsp://127.0.0.7:554/${cameraId}`,
    username: password === '' ? '' : 'admin',
    password_sealed: await store.sealPassword(password),
    auth_method: 'digest',
    description: '',
    enabled: true,
    substream_url: null,
    tags: ['lobby'],
    mountpoint: await store.newMountpoint(),
    created_at: now,
    updated_at: now,
  };
}

/** Opens the store expecting it to refuse, and returns the error. */
async function openFails(): Promise<unknown> {
  return open().then(
    () => expect.unreachable('the store opened'),
    (error: unknown) => error,
  );
}

describe('CameraStore records', () => {
  it('inserts, gets, lists in creation order, replaces and removes', async () => {
    const store = await open();
    expect(store.list()).toEqual([]);
    const ids = ['zulu', '42', 'alpha'];
    for (const id of ids) await store.insert(await newRecord(store, id));
    expect(store.list().map((r) => r.camera_id)).toEqual(ids);
    expect(store.get('42')?.name).toBe('Camera 42');
    expect(store.get('nope')).toBeUndefined();

    const renamed = { ...(await newRecord(store, '42')), name: 'Gate' };
    await store.replace(renamed);
    expect(store.get('42')?.name).toBe('Gate');
    expect(store.list().map((r) => r.camera_id)).toEqual(ids);

    await store.remove('zulu');
    expect(store.list().map((r) => r.camera_id)).toEqual(['42', 'alpha']);
  });

  it('refuses a duplicate camera_id with VIGIL_ERR_CAMERA_EXISTS on field camera_id', async () => {
    const store = await open();
    await store.insert(await newRecord(store, 'lobby'));
    const error = await newRecord(store, 'lobby').then(async (r) => {
      try {
        await store.insert(r);
      } catch (e) {
        return e;
      }
      return undefined;
    });
    expect(error).toBeInstanceOf(VigilError);
    expect(error).toMatchObject({ code: 'VIGIL_ERR_CAMERA_EXISTS', field: 'camera_id' });
    expect(store.list()).toHaveLength(1);
  });

  it('answers unknown ids with VIGIL_ERR_CAMERA_NOT_FOUND', async () => {
    const store = await open();
    const ghost = await newRecord(store, 'ghost');
    await expect(store.replace(ghost)).rejects.toThrow(
      expect.objectContaining({ code: 'VIGIL_ERR_CAMERA_NOT_FOUND' }),
    );
    await expect(store.remove('ghost')).rejects.toThrow(
      expect.objectContaining({ code: 'VIGIL_ERR_CAMERA_NOT_FOUND' }),
    );
  });

  it('validates records on the way in and names the field', async () => {
    const store = await open();
    const record = { ...(await newRecord(store, 'cam')), rtsp_url: 'rtsp://admin:pw@127.0.0.7/x' };
    await expect(store.insert(record)).rejects.toThrow(
      expect.objectContaining({ code: 'VIGIL_ERR_VALIDATION', field: 'rtsp_url' }),
    );
  });

  it('hands out frozen records that cannot change the store behind its back', async () => {
    const store = await open();
    const record = await newRecord(store, 'cam');
    await store.insert(record);
    record.name = 'changed by the caller';
    expect(store.get('cam')?.name).toBe('Camera cam');
    expect(Object.isFrozen(store.get('cam'))).toBe(true);
  });

  it('keeps its records equal to the file when the disk refuses a write (no half-applied change)', async () => {
    let full = false;
    const store = await openCameraStore({ dataDir, cipher, backend: refusingBackend('ENOSPC', () => full) });
    const lobby = await newRecord(store, 'lobby');
    await store.insert(lobby);
    full = true;
    const hall = await newRecord(store, 'hall');
    await expect(store.insert(hall)).rejects.toThrow(
      expect.objectContaining({ code: 'VIGIL_ERR_STORAGE_UNAVAILABLE' }),
    );
    await expect(store.replace({ ...lobby, name: 'Renamed' })).rejects.toThrow(
      expect.objectContaining({ code: 'VIGIL_ERR_STORAGE_UNAVAILABLE' }),
    );
    await expect(store.remove('lobby')).rejects.toThrow(
      expect.objectContaining({ code: 'VIGIL_ERR_STORAGE_UNAVAILABLE' }),
    );
    expect(store.list().map((c) => [c.camera_id, c.name])).toEqual([['lobby', 'Camera lobby']]);
    expect((await open()).list().map((c) => [c.camera_id, c.name])).toEqual([['lobby', 'Camera lobby']]);
    full = false;
    await store.insert(hall);
    expect((await open()).list().map((c) => c.camera_id)).toEqual(['lobby', 'hall']);
  });

  it('persists across reopen', async () => {
    const first = await open();
    for (const id of ['a', 'b', 'c']) await first.insert(await newRecord(first, id, PASSWORD));
    await first.remove('b');
    const second = await open();
    expect(second.list()).toEqual(first.list());
    const a = second.get('a');
    expect(a).toBeDefined();
    await expect(second.unsealPassword(a as StoredCamera)).resolves.toBe(PASSWORD);
  });
});

describe('CameraStore mountpoints', () => {
  it('allocates unique random ids in [1_000_000, 2^31-1], never len+1', async () => {
    const store = await open();
    const ids = Array.from({ length: 2000 }, () => store.allocateMountpointId());
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(id).toBeGreaterThanOrEqual(MOUNTPOINT_ID_MIN);
      expect(id).toBeLessThanOrEqual(MOUNTPOINT_ID_MAX);
    }
  });

  it('keeps ids stable across reopen and refuses one already owned by another camera', async () => {
    const first = await open();
    await first.insert(await newRecord(first, 'a'));
    await first.insert(await newRecord(first, 'b'));
    const before = first.list().map((r) => r.mountpoint.id);
    const second = await open();
    expect(second.list().map((r) => r.mountpoint.id)).toEqual(before);
    const clash = { ...(await newRecord(second, 'c')), mountpoint: second.get('a')?.mountpoint };
    await expect(second.insert(clash as StoredCamera)).rejects.toThrow(
      expect.objectContaining({ code: 'VIGIL_ERR_INTERNAL', field: 'mountpoint.id' }),
    );
  });

  it('seals a random mountpoint secret and keeps the viewer pin', async () => {
    const store = await open();
    const record = await newRecord(store, 'cam');
    await store.insert(record);
    const secret = await store.unsealMountpointSecret(record);
    expect(secret).toMatch(/^[\w-]{43}$/);
    expect(fs.readFileSync(file, 'utf8')).not.toContain(secret);
  });
});

describe('CameraStore file', () => {
  it('is written with mode 0600, by rename (atomic), without any password in plain text', async () => {
    const store = await open();
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const inodeBefore = fs.statSync(file).ino;
    await store.insert(await newRecord(store, 'cam', PASSWORD));
    expect(fs.statSync(file).ino).not.toBe(inodeBefore);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const text = fs.readFileSync(file, 'utf8');
    expect(text).toContain('"password_sealed": "v1.');
    expect(text).not.toContain(PASSWORD);
    expect(JSON.parse(text)).toMatchObject({ __internal__: { migrations: { version: '1.0.0' } } });
  });

  it('passes conf-compatible options to an injected backend (the electron-store seam)', async () => {
    const seen: StoreBackendOptions[] = [];
    let data: Record<string, unknown> = {};
    const backend = (options: StoreBackendOptions): StoreBackend => {
      seen.push(options);
      return {
        path: join(options.cwd, `${options.configName}.json`),
        get store() {
          return data;
        },
        set store(value) {
          data = value;
        },
        set: (values) => {
          data = { ...data, ...values };
        },
      };
    };
    const store = await openCameraStore({ dataDir, cipher, backend });
    await store.insert(await newRecord(store, 'cam'));
    expect(seen[0]).toMatchObject({
      cwd: dataDir,
      configName: 'cameras',
      configFileMode: 0o600,
      clearInvalidConfig: false,
      projectVersion: '1.0.0',
      schema: { cameras: expect.objectContaining({ type: 'array' }) as unknown },
    });
    expect(store.path).toBe(file);
    expect(data.cameras).toEqual(store.list());
  });
});

describe('CameraStore migration from schema v0', () => {
  const seedFile = (internal: object) => ({
    ...internal,
    cameras: [
      {
        camera_id: 'lobby',
        name: 'Lobby',
        rtsp_url: 'rtsp://admin:hunter2@127.0.0.5:554/stream1',
        auth_method: 'digest',
        description: 'front door',
        stream_id: 1,
        status: 'active',
      },
      {
        camera_id: 'gate',
        name: 'Gate',
        rtsp_url: 'rtsp://127.0.0.6/live',
        username: 'op',
        password: 'g4te-pass',
      },
      { camera_id: 'yard', name: 'Yard', rtsp_url: 'rtsp://127.0.0.8/live' },
    ],
  });

  it.each([
    ['no version (the seed)', {}],
    ['version 0.0.0', { __internal__: { migrations: { version: '0.0.0' } } }],
  ])('seals plaintext passwords and adds mountpoints: %s', async (_label, internal) => {
    fs.writeFileSync(file, JSON.stringify(seedFile(internal)), { mode: 0o644 });
    const store = await open();

    expect(store.list().map((r) => r.camera_id)).toEqual(['lobby', 'gate', 'yard']);
    const [lobby, gate, yard] = store.list() as [StoredCamera, StoredCamera, StoredCamera];
    expect(lobby).toMatchObject({
      rtsp_url: 'rtsp://127.0.0.5:554/stream1',
      username: 'admin',
      auth_method: 'digest',
      description: 'front door',
      enabled: true,
      substream_url: null,
      tags: [],
    });
    await expect(store.unsealPassword(lobby)).resolves.toBe('hunter2');
    await expect(store.unsealPassword(gate)).resolves.toBe('g4te-pass');
    expect(gate).toMatchObject({ username: 'op', auth_method: 'basic' });
    expect(yard.password_sealed).toBeNull();
    expect(new Set(store.list().map((r) => r.mountpoint.id)).size).toBe(3);
    expect(lobby.mountpoint.id).toBeGreaterThanOrEqual(MOUNTPOINT_ID_MIN);

    const text = fs.readFileSync(file, 'utf8');
    for (const secret of ['hunter2', 'g4te-pass', '"password"']) expect(text).not.toContain(secret);
    expect(JSON.parse(text)).toMatchObject({ __internal__: { migrations: { version: '1.0.0' } } });
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);

    // Migrates once: a reopen keeps the records, mountpoint ids and sealed values as they are.
    const reopened = await open();
    expect(reopened.list()).toEqual(store.list());
  });

  it('refuses a v0 record it cannot convert, naming the record and field, and leaves the file alone', async () => {
    const seed = seedFile({});
    (seed.cameras[1] as Record<string, unknown>).auth_method = 'ntlm';
    const original = JSON.stringify(seed);
    fs.writeFileSync(file, original);
    const error = await openFails();
    expect(error).toBeInstanceOf(StoreCorruptError);
    expect((error as StoreCorruptError).problem).toMatch(
      /^record "gate" \(entry 2\) \(schema v0\) field auth_method/,
    );
    expect(fs.readFileSync(file, 'utf8')).toBe(original);
  });
});

describe('CameraStore refuses a damaged or unreadable file', () => {
  it('stops on bad JSON: names the file and position, backs it up, leaves it untouched, leaks nothing', async () => {
    const broken =
      '{\n  "cameras": [\n    { "camera_id": "lobby", "password": "topsecret" }\n    { "camera_id": "x" }\n  ]\n}';
    fs.writeFileSync(file, broken, { mode: 0o600 });
    const error = await openFails();
    expect(error).toBeInstanceOf(StoreCorruptError);
    const corrupt = error as StoreCorruptError;
    expect(corrupt.code).toBe('VIGIL_ERR_STORE_CORRUPT');
    expect(corrupt.path).toBe(file);
    expect(corrupt.message).toContain(file);
    expect(corrupt.problem).toMatch(/^bad JSON at line 4 column 5/);
    expect(corrupt.message).not.toContain('topsecret');
    expect(corrupt.backupPath).toMatch(
      new RegExp(`^${file}\\.corrupt-\\d{4}-\\d\\d-\\d\\dT[\\d-]+\\.\\d{3}Z$`),
    );
    expect(corrupt.message).toContain(corrupt.backupPath);
    expect(fs.readFileSync(corrupt.backupPath as string, 'utf8')).toBe(broken);
    expect(fs.statSync(corrupt.backupPath as string).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(file, 'utf8')).toBe(broken);
  });

  it.each([
    ['an empty file', '', /ends too early/],
    [
      'a quoted snippet',
      '{"cameras": nonsense-with-secret}',
      /^bad JSON: an unexpected character where a value should start$/,
    ],
    ['a top-level array', '[]', /top level is not a JSON object/],
  ])('stops on %s', async (_label, text, problem) => {
    fs.writeFileSync(file, text);
    const error = await openFails();
    expect(error).toBeInstanceOf(StoreCorruptError);
    expect((error as StoreCorruptError).problem).toMatch(problem);
    expect((error as Error).message).not.toContain('secret');
    expect(fs.readFileSync(file, 'utf8')).toBe(text);
  });

  it('stops on a schema-invalid record, naming the record and the field', async () => {
    const store = await open();
    await store.insert(await newRecord(store, 'lobby'));
    await store.insert(await newRecord(store, 'gate'));
    const data = JSON.parse(fs.readFileSync(file, 'utf8')) as { cameras: { mountpoint: { pin: unknown } }[] };
    (data.cameras[1] as { mountpoint: { pin: unknown } }).mountpoint.pin = 1234;
    const text = JSON.stringify(data);
    fs.writeFileSync(file, text);
    const error = await openFails();
    expect(error).toBeInstanceOf(StoreCorruptError);
    expect((error as StoreCorruptError).problem).toBe(
      'record "gate" (entry 2) field mountpoint.pin must be string',
    );
    expect(fs.readFileSync(file, 'utf8')).toBe(text);
    expect(fs.readFileSync((error as StoreCorruptError).backupPath as string, 'utf8')).toBe(text);
  });

  it('stops on an unknown field and on repeated mountpoint ids', async () => {
    const store = await open();
    await store.insert(await newRecord(store, 'a'));
    await store.insert(await newRecord(store, 'b'));
    const data = JSON.parse(fs.readFileSync(file, 'utf8')) as { cameras: Record<string, unknown>[] };
    const [a, b] = data.cameras as [Record<string, unknown>, Record<string, unknown>];
    fs.writeFileSync(file, JSON.stringify({ ...data, cameras: [{ ...a, password: 'x' }, b] }));
    expect(await openFails()).toMatchObject({
      problem: 'record "a" (entry 1) field password is not an allowed field',
    });
    fs.writeFileSync(file, JSON.stringify({ ...data, cameras: [a, { ...b, mountpoint: a.mountpoint }] }));
    expect(await openFails()).toMatchObject({
      problem: expect.stringMatching(/^record "b" \(entry 2\) field mountpoint\.id repeats/) as string,
    });
  });

  it('reports EACCES as unreadable with the fix (injected: root ignores file modes)', async () => {
    fs.writeFileSync(file, '{}');
    denied.add(file);
    const error = await openFails();
    expect(error).toBeInstanceOf(StoreUnreadableError);
    expect(error).toMatchObject({ code: 'VIGIL_ERR_STORE_UNREADABLE', errno: 'EACCES', path: file });
    expect((error as Error).message).toContain(`chmod 600 '${file}'`);
    expect(fs.readdirSync(dataDir).filter((name) => name.includes('corrupt'))).toEqual([]);
  });

  it.skipIf(isRoot)('reports a real chmod 000 file as unreadable', async () => {
    fs.writeFileSync(file, '{}', { mode: 0o000 });
    expect(await openFails()).toMatchObject({ code: 'VIGIL_ERR_STORE_UNREADABLE', errno: 'EACCES' });
  });

  if (isRoot) {
    console.info(
      'camera-store: skipped the real chmod 000 test: running as root, which ignores file modes (EACCES is injected instead)',
    );
  }

  it('reports a directory in place of the file as unreadable', async () => {
    fs.mkdirSync(file);
    expect(await openFails()).toMatchObject({ code: 'VIGIL_ERR_STORE_UNREADABLE', errno: 'EISDIR' });
  });
});
