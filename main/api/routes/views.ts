import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';

import type { ViewService } from '../../station/views';
import { registerOperationRoutes } from './operation-routes';

/**
 * `/views` and `/views/{view_id}`: saved wall views (view keys read, manage keys write); every `views.*`
 * operation of the table (common/operations/views.ts), served by the view service.
 */
export const viewRoutes: FastifyPluginCallbackTypebox<{ views: ViewService }> = (app, { views }, done) => {
  registerOperationRoutes(app, 'views', { views });
  done();
};
