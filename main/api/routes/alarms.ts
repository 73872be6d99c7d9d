import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';

import type { AlarmService } from '../../alarms/service';
import type { WallService } from '../../walls/service';
import type { WebhookService } from '../../webhooks/service';
import { registerOperationRoutes } from './operation-routes';

/**
 * `/alarms`, `/walls` and `/webhooks`: every `alarms.*`, `walls.*` and `webhooks.*` operation of the table
 * (common/operations/), each registered when the host gives its service.
 */
export const alarmRoutes: FastifyPluginCallbackTypebox<{
  alarms?: AlarmService | undefined;
  walls?: WallService | undefined;
  webhooks?: WebhookService | undefined;
}> = (app, { alarms, walls, webhooks }, done) => {
  if (alarms !== undefined) registerOperationRoutes(app, 'alarms', { alarms });
  if (walls !== undefined) registerOperationRoutes(app, 'walls', { walls });
  if (webhooks !== undefined) registerOperationRoutes(app, 'webhooks', { webhooks });
  done();
};
