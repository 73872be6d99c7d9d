import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { bundledJanusConfig } from '../../../main/gateway/bundled-config';
import {
  CONTAINER_MODULES_DIR,
  containerUser,
  IMAGE_JANUS_ID,
  writeContainerConfig,
} from '../../../main/gateway/container-config';

describe('containerUser', () => {
  it.each([
    ['a desktop user runs Janus as itself', 1001, 1002, { user: '1001:1002', chownTo: undefined }],
    [
      'root hands the files to the image user, never runs Janus as root',
      0,
      0,
      { user: `${IMAGE_JANUS_ID}:${IMAGE_JANUS_ID}`, chownTo: { uid: IMAGE_JANUS_ID, gid: IMAGE_JANUS_ID } },
    ],
    ['Windows (no uid) uses the image user', undefined, undefined, { user: undefined, chownTo: undefined }],
  ])('%s', (_case, uid, gid, expected) => {
    expect(containerUser(uid, gid)).toEqual(expected);
  });
});

describe('writeContainerConfig', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vigil-container-config-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('renders for the paths inside the container, with fresh secrets, files only, 0600', async () => {
    const { options } = bundledJanusConfig({ origin: 'http://127.0.0.1:3000' }, '0.0.0.0');
    const hostDir = join(dir, 'janus-container');
    const secrets = await writeContainerConfig(hostDir, options, { user: undefined, chownTo: undefined });
    expect(secrets.apiSecret).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect((await readdir(hostDir)).sort()).toEqual([
      'janus.jcfg',
      'janus.plugin.streaming.jcfg',
      'janus.transport.http.jcfg',
      'janus.transport.websockets.jcfg',
    ]);
    const core = await readFile(join(hostDir, 'janus.jcfg'), 'utf8');
    expect(core).toContain('configs_folder = "/janus-config"');
    expect(core).toContain(`plugins_folder = "${CONTAINER_MODULES_DIR}/plugins"`);
    expect(core).toContain(`admin_secret = "${secrets.adminSecret}"`);
    const http = await readFile(join(hostDir, 'janus.transport.http.jcfg'), 'utf8');
    expect(http).toContain('ip = "0.0.0.0"');
    expect((await stat(join(hostDir, 'janus.jcfg'))).mode & 0o777).toBe(0o600);
    expect((await stat(hostDir)).mode & 0o777).toBe(0o700);
  });
});
