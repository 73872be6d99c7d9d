import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

import { bundledFiles } from '../../../main/app/bundled-files';

const ROOT = join(import.meta.dirname, '../../..');

describe('bundledFiles', () => {
  it('finds every file in the repository for a development run', () => {
    const files = bundledFiles({ packaged: false, resourcesPath: '/nowhere', repoRoot: ROOT });
    expect(existsSync(join(files.janusTemplates, 'janus.jcfg'))).toBe(true);
    expect(existsSync(join(files.janusImage, 'Dockerfile'))).toBe(true);
    expect(existsSync(files.trayIcon)).toBe(true);
  });

  it('looks where electron-builder.yml puts each file in an installed app', () => {
    const config = parse(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as {
      extraResources: { from: string; to: string }[];
    };
    const installed = bundledFiles({ packaged: true, resourcesPath: '/opt/Vigil/resources', repoRoot: ROOT });
    const development = bundledFiles({ packaged: false, resourcesPath: '', repoRoot: ROOT });
    for (const key of ['janusTemplates', 'janusImage', 'trayIcon'] as const) {
      const from = development[key].slice(ROOT.length + 1);
      const entry = config.extraResources.find((resource) => resource.from === from);
      expect(entry, `${key}: ${from} is not in extraResources`).toBeDefined();
      expect(installed[key]).toBe(join('/opt/Vigil/resources', entry?.to ?? ''));
    }
  });
});
