// The gateway for a chosen Janus, built the same way for both hosts: a bundled Janus (native process or
// container) whose allow_origin is exactly the station's own origin (only the station and its Janus door connect
// to it), or a remote Janus as configured.
import type { Logger } from 'pino';

import type { ContainerGatewayOptions } from '../gateway/container-janus';
import { createContainerGateway } from '../gateway/container-janus';
import type { Gateway } from '../gateway/gateway';
import { createNativeGateway } from '../gateway/native-janus';
import { createRemoteGateway } from '../gateway/remote-janus';
import type { JanusChoice, JanusChoiceInput } from './janus-choice';

/** How this host runs a bundled Janus; every setting but the data folder and the origin has a default. */
export type BundledJanusSetup = Omit<ContainerGatewayOptions, 'logger' | 'env'>;

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
  const options = { ...setup.bundled, logger, env: setup.choice.env };
  return choice.mode === 'container' ? createContainerGateway(options) : createNativeGateway(options);
}
