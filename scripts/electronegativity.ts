// npm run scan: Electronegativity over the app as the installer ships it (out/ and package.json, after
// `npm run build`), offline (AvailableSecurityFixesGlobalCheck would look up Electron releases online).
// Electronegativity always exits 0 and its CSV output is written by two racing writes, so this script calls
// its runner directly, reads the result, prints every finding and exits 1 on any of medium severity or
// higher that is not reviewed (scripts/scan/reviewed.ts), on any file it could not parse, or on a result
// it cannot read.
import run from '@doyensec/electronegativity';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';

import { assess, formatAssessment, parseRunResult } from './scan/report';
import { REVIEWED } from './scan/reviewed';
import { shippedPath, stageForScan } from './scan/stage';

const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, 'out');
const STAGE = join(ROOT, 'test-results', 'electronegativity');

/** The installed Electron's version, which decides the webPreferences defaults the checks assume. */
function electronVersion(): string {
  const manifest: unknown = JSON.parse(
    readFileSync(createRequire(import.meta.url).resolve('electron/package.json'), 'utf8'),
  );
  if (typeof manifest !== 'object' || manifest === null || !('version' in manifest)) {
    throw new Error('electron/package.json has no version');
  }
  return String(manifest.version);
}

/** Stages, scans and prints; resolves to the exit code. */
async function main(): Promise<number> {
  const started = performance.now();
  if (!existsSync(OUT)) throw new Error('out/ is missing: run `npm run build` first');
  const scripts = stageForScan({ outDir: OUT, packageJson: join(ROOT, 'package.json'), stageDir: STAGE });
  if (scripts.length === 0) throw new Error('out/ holds no scripts: run `npm run build` first');
  const version = electronVersion();
  const { findings, errors } = parseRunResult(
    await run(
      {
        input: STAGE,
        isRelative: true,
        excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
        electronVersionOverride: version,
      },
      false,
    ),
  );
  const assessment = assess(
    findings.map((f) => ({ ...f, file: shippedPath(f.file) })),
    errors.map((e) => ({ ...e, file: shippedPath(relative(STAGE, e.file)) })),
    REVIEWED,
  );
  console.log(`Electronegativity (Electron ${version}) over ${scripts.join(', ')} and their HTML:`);
  console.log(formatAssessment(assessment));
  console.log(
    `(${((performance.now() - started) / 1000).toFixed(1)} s; staged copy in ${relative(ROOT, STAGE)})`,
  );
  return assessment.ok ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error('Electronegativity scan failed:', error);
    process.exitCode = 1;
  },
);
