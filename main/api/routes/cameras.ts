import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';

import type { ApiDeps } from '../types';
import { registerOperationRoutes } from './operation-routes';

/**
 * The seed's camera routes (`/cameras`, `/cameras/{camera_id}`, `/stream`, `/restart`) plus PATCH and probe:
 * every `cameras.*` operation of the table (common/operations/cameras.ts), served by the station.
 */
export const cameraRoutes: FastifyPluginCallbackTypebox<Pick<ApiDeps, 'station'>> = (
  app,
  { station },
  done,
) => {
  registerOperationRoutes(app, 'cameras', { station });
  done();
};
