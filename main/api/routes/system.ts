import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';

import { healthReport } from '../health';
import { operationRoute, registerOperationRoutes } from './operation-routes';
import { bearer, errorResponses } from './schemas';
import type { ApiDeps } from '../types';
import type { HomeHandler } from './wall';

// The Swagger UI serves the same document under /docs/json.
const OPENAPI_PATH = '/openapi.json';

const ServiceInfo = Type.Object({
  service: Type.Literal('vigil'),
  version: Type.String(),
  status: Type.Literal('running'),
  janus_url: Type.String(),
  websocket_url: Type.String(),
  docs: Type.String(),
});

/**
 * `GET /`, `GET /health`, `GET /openapi.json` and `GET /metrics`; the Swagger UI lives at /docs. `home`, when
 * given, answers `GET /` first (sign-in links, the wall for browsers); API clients get the JSON.
 */
export const systemRoutes: FastifyPluginCallbackTypebox<
  Pick<ApiDeps, 'station' | 'metrics' | 'version' | 'recordings'> & { home?: HomeHandler }
> = (app, { station, metrics, version, recordings, home }, done) => {
  app.get(
    '/',
    {
      config: { access: 'public' },
      schema: {
        tags: ['system'],
        summary: 'Service information (browsers asking for HTML get the wall; ?token= signs them in)',
        querystring: Type.Object({ token: Type.Optional(Type.String({ maxLength: 128 })) }),
        response: { 200: ServiceInfo, ...errorResponses },
      },
    },
    async (request, reply) => {
      if (home !== undefined && (await home(request, reply, request.query.token))) return reply;
      return {
        service: 'vigil',
        version,
        status: 'running',
        ...station.gatewayUrls(),
        docs: '/docs',
      } as const;
    },
  );

  // Per-camera detail for callers with a key (the table's `optional` scope).
  app.route({
    ...operationRoute('system.health'),
    handler: (request) => healthReport(station, recordings, request.apiKey !== undefined),
  });
  registerOperationRoutes(app, 'system', { station });

  app.get(
    OPENAPI_PATH,
    {
      config: { access: 'public' },
      schema: {
        tags: ['system'],
        summary: 'This API as an OpenAPI 3 document',
        response: { 200: Type.Object({ openapi: Type.String() }, { additionalProperties: true }) },
      },
    },
    () => app.swagger() as { openapi: string },
  );

  app.get(
    '/metrics',
    {
      config: { access: 'view' },
      schema: {
        tags: ['system'],
        summary: 'Prometheus metrics',
        security: bearer,
        response: { 200: { content: { 'text/plain': { schema: Type.String() } } }, ...errorResponses },
      },
    },
    async (_request, reply) => reply.type(metrics.contentType).send(await metrics.metrics()),
  );
  done();
};
