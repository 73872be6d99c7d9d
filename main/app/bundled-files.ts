// Files the main process reads at run time that are not inside app.asar: in an installed app they are in
// process.resourcesPath (electron-builder.yml `extraResources`), in a development run in the repository.
import { join } from 'node:path';

/** Where the bundled files are in an installed app or in a development run. */
export interface BundledFiles {
  /** The Janus .jcfg templates. */
  janusTemplates: string;
  /** The folder with the Janus container's Dockerfile. */
  janusImage: string;
  /** The tray icon. */
  trayIcon: string;
}

/** The bundled files for an installed app (`packaged`) or the repository at `repoRoot`. */
export function bundledFiles(options: {
  packaged: boolean;
  resourcesPath: string;
  repoRoot: string;
}): BundledFiles {
  if (options.packaged) {
    return {
      janusTemplates: join(options.resourcesPath, 'config'),
      janusImage: join(options.resourcesPath, 'janus'),
      trayIcon: join(options.resourcesPath, 'icons', 'tray.png'),
    };
  }
  return {
    janusTemplates: join(options.repoRoot, 'config'),
    janusImage: join(options.repoRoot, 'resources', 'janus'),
    trayIcon: join(options.repoRoot, 'resources', 'icons', '32x32.png'),
  };
}
