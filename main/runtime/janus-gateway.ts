// The gateway for a chosen Janus, built the same way for both hosts: a bundled Janus (native process or
// container) whose allow_origin covers the station's pages and the portals, or a remote Janus as configured.
import type { Logger } from 'pino';

import type { ContainerGatewayOptions } from '../gateway/container-janus';
import { createContainerGateway } from '../gateway/container-janus';
import type { Gateway } from '../gateway/gateway';
import { janusAllowOrigin } from '../gateway/janus-allow-origin';
import { createNativeGateway } from '../gateway/native-janus';
import { createRemoteGateway } from '../gateway/remote-janus';
import type { JanusChoice, JanusChoiceInput } from './janus-choice';

/** How this host runs a bundled Janus; every setting but the data folder and the origin has a default. */
export type BundledJanusSetup = Omit<ContainerGatewayOptions, 'logger' | 'env' | 'allowOrigin'> & {
  /** Portal origins whose pages may open Janus WebSockets too (vigil serve's `--cors-origin`). */
  portalOrigins?: readonly string[];
};

/** Everything a host says about its Janus: what asks for one, how a bundled one runs, and the logger. */
export interface JanusSetup {
  choice: JanusChoiceInput;
  bundled: BundledJanusSetup;
  logger: Logger;
}

/** The gateway for `choice`; nothing starts until `start()`. */
export function createJanusGateway(choice: JanusChoice, setup: JanusSetup): Gateway {
  const { logger } = setup;
  if (choice.mode === 'remote') {
    return createRemoteGateway({ urls: choice.urls, secrets: choice.secrets, origin: choice.origin, logger });
  }
  const { portalOrigins = [], ...bundled } = setup.bundled;
  const options = {
    ...bundled,
    allowOrigin: bundledAllowOrigin(bundled.origin, portalOrigins, logger),
    logger,
    env: setup.choice.env,
  };
  return choice.mode === 'container' ? createContainerGateway(options) : createNativeGateway(options);
}

/** The bundled Janus's allow_origin: pages of the station and of every portal may open WebSockets. */
function bundledAllowOrigin(origin: string, portals: readonly string[], logger: Logger): string | null {
  const allow = janusAllowOrigin(origin, portals);
  if (allow === null) {
    logger.warn(
      { corsOrigins: portals },
      'the portal origins share no origin prefix with the station: the bundled Janus cannot enforce CORS ' +
        '(viewers still need a station token)',
    );
  }
  return allow;
}
