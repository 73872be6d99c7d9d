import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

import { useLab } from '../lab/vitest';
import { labCamera } from './janus/connect';

const run = promisify(execFile);
const root = join(import.meta.dirname, '../..');
const lab = useLab({ cameras: 1, auth: 'digest' });

/** Returns the first ```ts block under the README heading `heading`. */
async function readmeExample(heading: string): Promise<string> {
  const readme = await readFile(join(root, 'README.md'), 'utf8');
  const section = readme.split(`\n## ${heading}\n`)[1]?.split('\n## ')[0];
  const code = section?.match(/```ts\n([\s\S]*?)```/)?.[1];
  if (!code) throw new Error(`README has no ts example under "## ${heading}"`);
  return code;
}

it("the README's Janus client example runs as written against the lab", async () => {
  const file = join(root, `.readme-example-${randomBytes(4).toString('hex')}.ts`);
  await writeFile(file, await readmeExample('Janus client'));
  try {
    const { janus } = lab();
    const camera = labCamera(lab());
    const { stdout } = await run(join(root, 'node_modules/.bin/tsx'), [file], {
      cwd: root,
      timeout: 30_000,
      env: {
        ...process.env,
        JANUS_WS_URL: janus.ws_url,
        JANUS_API_SECRET: janus.api_secret,
        JANUS_ALLOW_ORIGIN: janus.allow_origin,
        JANUS_STREAMING_ADMIN_KEY: janus.streaming_admin_key,
        LAB_CAMERA_URL: camera.url,
        LAB_CAMERA_USER: camera.username,
        LAB_CAMERA_PASSWORD: camera.password,
      },
    });
    expect(stdout).toContain("'Lobby'");
  } finally {
    await rm(file, { force: true });
  }
});
