// The desktop app's Janus: bundled native, bundled container (Docker), or remote, by setting. Pages load from
// vigil://wall, so that is the origin Janus allows (plus the portals' prefix when they share one).
import type { Logger } from 'pino';

import type { JanusMode } from '../../common/desktop';
import type { Gateway } from '../gateway/gateway';
import { createContainerGateway } from '../gateway/container-janus';
import { createNativeGateway } from '../gateway/native-janus';
import { resolveGatewaySettings } from '../gateway/remote-config';
import { createRemoteGateway } from '../gateway/remote-janus';
import { APP_ORIGIN } from './app-protocol';
import type { BundledFiles } from './bundled-files';

/** Where the desktop gateway keeps things and how it is reached. */
export interface DesktopGatewayOptions {
  dataDir: string;
  logger: Logger;
  /** The Janus templates and the container's Dockerfile folder (outside app.asar when installed). */
  files: Pick<BundledFiles, 'janusTemplates' | 'janusImage'>;
  env?: NodeJS.ProcessEnv;
}

/** The gateway for a mode; nothing starts until `start()`. A remote mode needs JANUS_* settings in the environment. */
export function createDesktopGateway(mode: JanusMode, options: DesktopGatewayOptions): Gateway {
  const env = options.env ?? process.env;
  switch (mode) {
    case 'native':
      return createNativeGateway({
        dataDir: options.dataDir,
        origin: APP_ORIGIN,
        logger: options.logger,
        templatesDir: options.files.janusTemplates,
        env,
      });
    case 'container':
      return createContainerGateway({
        dataDir: options.dataDir,
        origin: APP_ORIGIN,
        logger: options.logger,
        templatesDir: options.files.janusTemplates,
        image: { dockerfileDir: options.files.janusImage },
        env,
      });
    case 'remote': {
      const settings = resolveGatewaySettings({ flags: {}, env });
      if (settings.mode !== 'remote') {
        throw new Error(
          'Remote Janus is selected but no Janus URL is configured: set JANUS_HTTP_URL, JANUS_WS_URL, ' +
            'JANUS_ADMIN_URL, JANUS_ADMIN_SECRET and JANUS_STREAMING_ADMIN_KEY in the environment and restart, ' +
            'or pick a bundled Janus in Settings.',
        );
      }
      return createRemoteGateway({
        urls: settings.urls,
        secrets: settings.secrets,
        origin: settings.origin,
        logger: options.logger,
      });
    }
  }
}
