#!/usr/bin/env node
// The `vigil` command: registers tsx (the station runs from its TypeScript sources) and loads the CLI. It needs
// Node 22.12 or newer: `npm run`/`npm exec` use the Node 22 that `npm ci` installed into node_modules/.bin.
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  process.stderr.write(
    `vigil: needs Node.js 22.12 or newer (this is ${process.version}). ` +
      'Run it through npm (`npm start`, `npm exec -- vigil …`), which uses the Node 22 that `npm ci` installed.\n',
  );
  process.exit(1);
}
const { register } = await import('tsx/esm/api');
register();
await import('../main/cli/vigil.ts');
