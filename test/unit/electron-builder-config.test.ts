// electron-builder.yml checked without building: installers need downloads these machines cannot make, so CI
// proves the config against electron-builder's own schema and loader and pins its security settings.
import Ajv from 'ajv';
// electron-builder's config loader and validator are not part of its public API (they run inside
// `electron-builder` before any download); the exact pinned version keeps these paths stable.
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import type { Configuration } from 'electron-builder';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

import { PRODUCT_NAME } from '../../common/product';
import { ICNS_TYPES, readIcns } from '../../scripts/icons/icns';
import { readIcoSides } from '../../scripts/icons/ico';
import { pngSize } from '../../scripts/icons/png';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const rawConfig: unknown = parse(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8'));
const scheme: unknown = JSON.parse(
  readFileSync(createRequire(import.meta.url).resolve('app-builder-lib/scheme.json'), 'utf8'),
);

// Not strict: scheme.json uses a non-standard "typeof" keyword (for function-valued hooks).
const validate = new Ajv({ allErrors: true, strict: false }).compile(scheme as object);

/** Validates a config against scheme.json as written: no type coercion, every error reported. */
function schemaErrors(config: unknown): string[] {
  return validate(config) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

describe('electron-builder.yml', () => {
  let config: Configuration;

  beforeAll(async () => {
    config = await getConfig(ROOT, null, null);
  });

  describe('validity', () => {
    it("matches electron-builder's JSON schema", () => {
      expect(schemaErrors(rawConfig)).toEqual([]);
    });

    it('would be caught by the schema check if a fuse were misspelt', () => {
      const misspelt = structuredClone(rawConfig) as { electronFuses: Record<string, boolean> };
      misspelt.electronFuses.runAsnode = false;
      expect(schemaErrors(misspelt)).toContain('/electronFuses must NOT have additional properties');
    });

    it("passes electron-builder's own loader and validation, offline", async () => {
      await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    });
  });

  describe('identity', () => {
    it('names the app as the product does', () => {
      expect(config.appId).toBe('io.vigil.station');
      expect(config.productName).toBe(PRODUCT_NAME);
    });
  });

  describe('security', () => {
    it('packs the app into an asar archive', () => {
      expect(config.asar).toBe(true);
    });

    it('flips the Electron fuses: no run-as-node, NODE_OPTIONS or --inspect; encrypted cookies; asar only, checked', () => {
      expect(config.electronFuses).toEqual({
        runAsNode: false,
        enableNodeOptionsEnvironmentVariable: false,
        enableNodeCliInspectArguments: false,
        enableCookieEncryption: true,
        enableEmbeddedAsarIntegrityValidation: true,
        onlyLoadAppFromAsar: true,
      });
    });

    it('ships only the build output and package.json, without source maps', () => {
      expect(rawConfig).toMatchObject({ files: ['out/**', 'package.json', '!**/*.map'] });
    });

    it('ships the Janus templates, Dockerfile and tray icon beside the app, and they exist', () => {
      expect(config.extraResources).toEqual([
        { from: 'config', to: 'config', filter: ['*.jcfg'] },
        { from: 'resources/janus', to: 'janus' },
        { from: 'resources/icons/32x32.png', to: 'icons/tray.png' },
      ]);
      expect(readdirSync(join(ROOT, 'config')).filter((f) => f.endsWith('.jcfg'))).toHaveLength(4);
      expect(existsSync(join(ROOT, 'resources/janus/Dockerfile'))).toBe(true);
    });
  });

  describe('targets', () => {
    it('builds AppImage, deb and rpm on Linux, NSIS on Windows, dmg on macOS', () => {
      expect(config.linux?.target).toEqual(['AppImage', 'deb', 'rpm']);
      expect(config.win?.target).toEqual(['nsis']);
      expect(config.mac?.target).toEqual(['dmg']);
    });
  });

  describe('icons', () => {
    it('gives Linux a PNG of every size from 16 to 512 pixels, named by its size', () => {
      expect(config.linux?.icon).toBe('resources/icons');
      for (const side of [16, 24, 32, 48, 64, 128, 256, 512]) {
        const png = readFileSync(join(ROOT, 'resources/icons', `${side}x${side}.png`));
        expect(pngSize(png)).toEqual({ width: side, height: side });
      }
    });

    it('gives Windows an .ico up to 256 pixels', () => {
      expect(config.win?.icon).toBe('resources/icon.ico');
      expect(readIcoSides(readFileSync(join(ROOT, 'resources/icon.ico')))).toEqual(
        expect.arrayContaining([16, 32, 48, 256]),
      );
    });

    it('gives macOS an .icns with every size up to 1024 pixels', () => {
      expect(config.mac?.icon).toBe('resources/icon.icns');
      expect(Object.fromEntries(readIcns(readFileSync(join(ROOT, 'resources/icon.icns'))))).toEqual(
        ICNS_TYPES,
      );
    });
  });
});
