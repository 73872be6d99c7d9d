// The wall both hosts serve: the desktop app from its vigil:// protocol, vigil serve to browsers over HTTP.
import { fileURLToPath } from 'node:url';

import type { WallFiles } from '../api/routes/wall';

/** Where `npm run build` puts the wall (electron-vite) and the SDK, relative to this package. */
export const DEFAULT_WALL_FILES: WallFiles = {
  dir: fileURLToPath(new URL('../../out/renderer', import.meta.url)),
  sdkDir: fileURLToPath(new URL('../../out/sdk', import.meta.url)),
};
