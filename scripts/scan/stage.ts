// Electronegativity 1.10.3 (its latest release) cannot read the build as it is: it skips .cjs files (the
// sandboxed preload) and its scope analyser stops at class private members (`#field`), which main/ and
// renderer/ use. So the scan reads a staged copy of what the installer ships (out/ and package.json): every
// script lowered to ES2021 syntax by esbuild (private members become WeakMaps; calls and object literals
// stay as they are) and .cjs/.mjs files given a .js suffix.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { transformSync } from 'esbuild';

const MODULE_SCRIPT = /\.[cm]js$/;

/** The name a shipped file gets in the staged copy: .cjs and .mjs scripts get a .js suffix. */
export function stagedPath(path: string): string {
  return MODULE_SCRIPT.test(path) ? `${path}.js` : path;
}

/** The shipped file a staged name stands for (the inverse of {@link stagedPath}). */
export function shippedPath(path: string): string {
  return path.replace(/\.([cm]js)\.js$/, '.$1');
}

/** Whether a shipped file is a script the scan should read. */
export function isScript(path: string): boolean {
  return path.endsWith('.js') || MODULE_SCRIPT.test(path);
}

/** A script rewritten in ES2021 syntax with its module format kept; throws when it does not parse. */
export function lowerScript(code: string, fileName: string): string {
  return transformSync(code, { loader: 'js', target: 'es2021', sourcefile: fileName }).code;
}

/** What to stage: the build output folder, the package.json shipped beside it, and where the copy goes. */
export interface StageOptions {
  outDir: string;
  packageJson: string;
  stageDir: string;
}

/** Replaces `stageDir` with the scan's copy of the shipped app (source maps left out); returns the scripts staged. */
export function stageForScan({ outDir, packageJson, stageDir }: StageOptions): string[] {
  rmSync(stageDir, { recursive: true, force: true });
  const scripts: string[] = [];
  const files = readdirSync(outDir, { recursive: true, withFileTypes: true }).filter((entry) =>
    entry.isFile(),
  );
  for (const entry of files) {
    const from = join(entry.parentPath, entry.name);
    const path = from.slice(outDir.length + 1);
    if (path.endsWith('.map')) continue;
    const to = join(stageDir, 'out', stagedPath(path));
    mkdirSync(dirname(to), { recursive: true });
    if (isScript(path)) {
      writeFileSync(to, lowerScript(readFileSync(from, 'utf8'), path));
      scripts.push(join('out', path));
    } else {
      copyFileSync(from, to);
    }
  }
  copyFileSync(packageJson, join(stageDir, 'package.json'));
  return scripts.sort();
}
