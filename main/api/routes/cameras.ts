import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';

import { requestCredential } from '../door-credentials';
import type { ApiDeps } from '../types';
import { operationRoute, registerOperationRoutes } from './operation-routes';

/**
 * The seed's camera routes (`/cameras`, `/cameras/{camera_id}`, `/stream`, `/restart`) plus PATCH and probe:
 * every `cameras.*` operation of the table (common/operations/cameras.ts), served by the station — but `/stream`,
 * whose viewer ticket the Janus door binds to the caller's key or browser session.
 */
export const cameraRoutes: FastifyPluginCallbackTypebox<
  Pick<ApiDeps, 'station' | 'door' | 'keys' | 'sessions'>
> = (app, { station, door, keys, sessions }, done) => {
  registerOperationRoutes(app, 'cameras', { station });
  app.route({
    ...operationRoute('cameras.stream'),
    handler: (request) => {
      const { camera_id: cameraId } = request.params as { camera_id: string };
      return door.streamInfo(cameraId, requestCredential(request, keys, sessions));
    },
  });
  done();
};
