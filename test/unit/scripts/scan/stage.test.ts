import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { isScript, lowerScript, shippedPath, stagedPath, stageForScan } from '../../../../scripts/scan/stage';

describe('staged names', () => {
  it.each([
    ['out/main/index.js', 'out/main/index.js'],
    ['out/preload/index.cjs', 'out/preload/index.cjs.js'],
    ['out/main/chunk.mjs', 'out/main/chunk.mjs.js'],
    ['out/renderer/index.html', 'out/renderer/index.html'],
  ])('%s is staged as %s and maps back', (shipped, staged) => {
    expect(stagedPath(shipped)).toBe(staged);
    expect(shippedPath(staged)).toBe(shipped);
  });

  it.each([
    ['index.js', true],
    ['index.cjs', true],
    ['index.mjs', true],
    ['index.html', false],
    ['index.js.map', false],
    ['index.d.ts', false],
  ])('%s is a script: %s', (path, script) => {
    expect(isScript(path)).toBe(script);
  });
});

describe('lowerScript', () => {
  it('turns class private members into syntax Electronegativity reads, keeping the Electron calls', () => {
    const code = [
      "import { BrowserWindow } from 'electron';",
      'class Wall { #window = new BrowserWindow({ webPreferences: { sandbox: false } }); get window() { return this.#window; } }',
      'export { Wall };',
    ].join('\n');
    const lowered = lowerScript(code, 'main/index.js');
    expect(lowered).not.toContain('#window');
    expect(lowered).toContain('new BrowserWindow({ webPreferences: { sandbox: false } })');
    expect(lowered).toContain('import { BrowserWindow } from "electron"');
  });

  it('keeps a CommonJS preload CommonJS', () => {
    expect(
      lowerScript("require('electron').contextBridge.exposeInMainWorld('x', {});", 'index.cjs'),
    ).toContain('require("electron").contextBridge.exposeInMainWorld("x", {})');
  });

  it('names the file that does not parse', () => {
    expect(() => lowerScript('const = 1;', 'out/main/index.js')).toThrow('out/main/index.js');
  });
});

describe('stageForScan', () => {
  let root: string;
  const write = (path: string, text: string): void => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'vigil-stage-'));
    write('out/main/index.js', 'class A { #a = 1; }\n');
    write('out/main/index.js.map', '{}');
    write('out/preload/index.cjs', "require('electron');\n");
    write('out/renderer/index.html', '<html></html>');
    write('package.json', '{"name":"vigil"}');
    write('stage/leftover.js', 'old');
  });

  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('copies what ships, lowered and renamed, without source maps or earlier leftovers', () => {
    const scripts = stageForScan({
      outDir: join(root, 'out'),
      packageJson: join(root, 'package.json'),
      stageDir: join(root, 'stage'),
    });
    expect(scripts).toEqual(['out/main/index.js', 'out/preload/index.cjs']);
    const staged = readdirSync(join(root, 'stage'), { recursive: true, encoding: 'utf8' }).sort();
    expect(staged).toEqual([
      'out',
      'out/main',
      'out/main/index.js',
      'out/preload',
      'out/preload/index.cjs.js',
      'out/renderer',
      'out/renderer/index.html',
      'package.json',
    ]);
    expect(readFileSync(join(root, 'stage/out/main/index.js'), 'utf8')).not.toContain('#a');
    expect(readFileSync(join(root, 'stage/out/renderer/index.html'), 'utf8')).toBe('<html></html>');
  });
});
