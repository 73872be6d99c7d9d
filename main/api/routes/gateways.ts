import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';

import type { GatewayService } from '../../cluster/gateway-service';
import { registerOperationRoutes } from './operation-routes';

/** `/gateways`: every `gateways.*` operation of the table (common/operations/gateways.ts). */
export const gatewayRoutes: FastifyPluginCallbackTypebox<{ gateways: GatewayService }> = (
  app,
  { gateways },
  done,
) => {
  registerOperationRoutes(app, 'gateways', { gateways });
  done();
};
