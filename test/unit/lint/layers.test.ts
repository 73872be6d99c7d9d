import { fileURLToPath } from 'node:url';

import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));
/** The import rules only, on snippets parsed without type information (the rules need none). */
const IMPORT_RULES = new Set(['vigil/main-layers', 'no-restricted-imports']);

let eslint: ESLint;
// Loading eslint.config.js and its plugins takes seconds on a busy machine: done once here, not in a test.
beforeAll(async () => {
  eslint = new ESLint({
    cwd: root,
    overrideConfig: { languageOptions: { parserOptions: { projectService: false, project: null } } },
    ruleFilter: ({ ruleId }) => IMPORT_RULES.has(ruleId),
  });
  await eslint.lintText('export {};\n', { filePath: `${root}/main/base/warm-up.ts` });
}, 60_000);

/** The messages of the import rules for `code` as if it were the file at `path` (relative to the repository). */
async function lint(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}/${path}` });
  return (result?.messages ?? []).map((message) => `${message.ruleId ?? 'parse'}: ${message.message}`);
}

describe('layers inside main/', () => {
  it.each([
    ['main/janus/session.ts', "import { Station } from '../station/station'", 'main/station'],
    ['main/api/app.ts', "import { startStation } from '../runtime/station'", 'main/runtime'],
    ['main/station/station.ts', "import { serve } from '../cli/serve'", 'main/cli'],
    [
      'main/janus/plugins/streaming.ts',
      "import type { Gateway } from '../../gateway/gateway'",
      'main/gateway',
    ],
    ['main/base/log.ts', "export { Teardown } from '../runtime/teardown'", 'main/runtime'],
    ['main/store/view-store.ts', "type S = import('../station/station').Station", 'main/station'],
    ['main/runtime/station.ts', "const cli = await import('../cli/run')", 'main/cli'],
    ['main/api/app.ts', "import { ipcCall } from '../ipc/dispatch'", 'main/ipc'],
  ])('%s may not import a higher layer (%s)', async (path, code, target) => {
    const messages = await lint(path, code);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('vigil/main-layers');
    expect(messages[0]).toContain(`may not import ${target}, a higher layer`);
  });

  it.each([
    ['main/api/app.ts', "import { addDemoCameras } from '../demo/demo-cameras'", 'main/demo'],
    ['main/cli/serve.ts', "import { bootstrap } from '../app/desktop'", 'main/app'],
  ])('%s may not import a folder on its own layer (%s)', async (path, code, target) => {
    const messages = await lint(path, code);
    expect(messages.some((m) => m.includes(`may not import ${target}: they share a layer`))).toBe(true);
  });

  it.each([
    ['main/station/station.ts', "import { probeCamera } from '../rtsp/probe'"],
    ['main/janus/plugins/streaming.ts', "import { JanusError } from '../errors'"],
    ['main/api/app.ts', "import { REDACTED_PATHS } from '../base/log'"],
    ['main/runtime/station.ts', "import type { Station } from '../station/station'"],
    ['main/app/desktop.ts', "import { startStation } from '../runtime/station'"],
    ['main/cli/serve.ts', "import { ErrorCode } from '../../common/errors';\nimport pino from 'pino'"],
    ['main/ipc/dispatch.ts', "import type { StationService } from '../station/service'"],
  ])('%s may import its own folder, lower layers and common/', async (path, code) => {
    expect(await lint(path, code)).toEqual([]);
  });

  it('places every folder: an unknown one, or a file in main/ itself, is reported', async () => {
    expect(await lint('main/cameras/store.ts', 'export const x = 1;\n')).toEqual([
      'vigil/main-layers: main/cameras has no layer: give it one in MAIN_LAYERS (eslint.config.js).',
    ]);
    expect(await lint('main/station/x.ts', "import { x } from '../util'")).toEqual([
      'vigil/main-layers: main/util has no layer: give it one in MAIN_LAYERS (eslint.config.js).',
    ]);
  });

  it('main/ imports only main/ and common/', async () => {
    const [message] = await lint('main/api/app.ts', "import { App } from '../../renderer/App'");
    expect(message).toContain('main/ imports only main/ and common/, not renderer/App');
  });
});

describe('process boundaries', () => {
  it.each([
    ['main/station/station.ts', "import { app } from 'electron'", 'Only main/app imports electron.'],
    [
      'main/runtime/desk/kiosk.ts',
      "import type { BrowserWindow } from 'electron'",
      'Only main/app imports electron.',
    ],
    ['main/runtime/station.ts', "import { bootstrap } from '../app/desktop'", 'Nothing imports main/app.'],
    [
      'renderer/App.tsx',
      "import { Station } from '../main/station/station'",
      'This layer may import only common/.',
    ],
    ['preload/index.ts', "import { readFile } from 'node:fs'", 'no Node imports'],
  ])('%s: %s is refused', async (path, code, why) => {
    const messages = await lint(path, code);
    expect(messages.some((m) => m.startsWith('no-restricted-imports') && m.includes(why))).toBe(true);
  });

  it('main/app may import electron', async () => {
    expect(await lint('main/app/tray.ts', "import { Tray } from 'electron'")).toEqual([]);
  });
});
