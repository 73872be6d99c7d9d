import cookie from '@fastify/cookie';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

import { runInBackground } from '../../common/background';
import { ErrorCode, VigilError } from '../../common/errors';
import { PLAYBACK_START_HEADER } from '../../common/recording';
import { REDACTED_PATHS } from '../base/log';
import { authenticate, defaultAccess } from './auth';
import { setupDoorUpgrade } from './door-upgrade';
import { formatValidation, handleError, handleNotFound } from './errors';
import { localGatewayService } from './local-gateways';
import { allowedHostSet, hostCheck } from './host';
import { httpMetrics } from './metrics';
import { serverTimeoutOptions } from './server-timeouts';
import { alarmRoutes } from './routes/alarms';
import { cameraRoutes } from './routes/cameras';
import { eventRoutes, SSE_STREAMS_PER_KEY } from './routes/events';
import { gatewayRoutes } from './routes/gateways';
import { recordingRoutes } from './routes/recordings';
import { systemRoutes } from './routes/system';
import { viewRoutes } from './routes/views';
import { homePage, wallRoutes } from './routes/wall';
import { sessionRoutes } from './session';
import type { ApiDeps, ApiInstance } from './types';

const DOCS_PREFIX = '/docs';
const MUTATIONS = new Set(['POST', 'PATCH', 'DELETE']);

/** Request log lines carry the method and path only: no query, headers or body. */
const serializers = {
  req: (request: FastifyRequest) => ({
    method: request.method,
    url: request.url.split('?')[0],
    remoteAddress: request.ip,
  }),
};

/**
 * Builds the REST API (routes, auth, Host check, CORS, limits, OpenAPI, metrics) and the Janus door on the same
 * server, without listening; `vigil serve` listens, tests inject.
 *
 * @example
 * const app = await buildApi({ station, door, keys, logger, metrics, version, bind: { host: '127.0.0.1', port: 3000 } });
 * await app.listen(deps.bind);
 */
export async function buildApi(deps: ApiDeps): Promise<ApiInstance> {
  const app = Fastify({
    loggerInstance: deps.logger.child(
      { name: 'api' },
      { redact: { paths: [...REDACTED_PATHS], censor: '[redacted]' }, serializers },
    ),
    bodyLimit: deps.bodyLimitBytes ?? 64 * 1024,
    ...serverTimeoutOptions(deps.timeouts),
    // Every request is logged once, at debug: a wall makes many, and the log is for what happened.
    logController: new DebugRequestLog(),
    // Unknown properties are refused (not silently dropped) and nothing is coerced.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, allErrors: false } },
    schemaErrorFormatter: formatValidation,
    // Router errors (a broken %-escape, an overlong parameter) bypass the error handler unless routed here.
    frameworkErrors: handleError,
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.setErrorHandler(handleError);
  app.setNotFoundHandler(handleNotFound);
  setupBodyParsing(app);
  app.decorateRequest('apiKey', undefined);
  app.addHook('onRoute', defaultAccess(DOCS_PREFIX));
  const allowedHosts = allowedHostSet(deps.bind, deps.allowedHosts);
  app.addHook('onRequest', hostCheck(allowedHosts));
  await setupCors(app, deps.corsOrigins ?? []);
  // Cookies are parsed (onRequest) before auth reads the session cookie.
  if (deps.sessions !== undefined) await app.register(cookie);
  app.addHook('onRequest', authenticate(deps.keys, deps.sessions));
  app.addHook('onResponse', httpMetrics(deps.metrics));
  await setupRateLimit(app, deps.mutationRateLimit ?? { max: 120, timeWindowMs: 60_000 });
  await setupDocs(app, deps.version);

  await app.register(systemRoutes, { ...deps, home: homePage(deps) });
  await app.register(cameraRoutes, deps);
  await app.register(recordingRoutes, { recordings: deps.recordings, door: deps.door });
  setupDoorUpgrade(app, {
    door: deps.door,
    sessions: deps.sessions,
    allowedHosts,
    origins: [...(deps.corsOrigins ?? []), ...(deps.pageOrigins ?? [])],
  });
  if (deps.views !== undefined) await app.register(viewRoutes, { views: deps.views });
  await app.register(alarmRoutes, { alarms: deps.alarms, walls: deps.walls, webhooks: deps.webhooks });
  await app.register(gatewayRoutes, { gateways: deps.gateways ?? localGatewayService(deps.station) });
  if (deps.sessions !== undefined) await app.register(sessionRoutes, { sessions: deps.sessions });
  if (deps.wall !== undefined) await app.register(wallRoutes, deps.wall);
  await app.register(eventRoutes, {
    station: deps.station,
    walls: deps.walls,
    heartbeatMs: deps.sseHeartbeatMs ?? 15_000,
    streamsPerKey: deps.sseStreamsPerKey ?? SSE_STREAMS_PER_KEY,
  });
  await app.ready();
  return app;
}

/** JSON only (text/plain and everything else is 415); an empty JSON body counts as no body. */
function setupBodyParsing(app: ApiInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = String(body);
    if (text === '') done(null, undefined);
    else
      runInBackground(Promise.resolve(parseJson(request, text, done)), (error: unknown) => {
        done(error instanceof Error ? error : new Error(String(error)), undefined);
      });
  });
}

/** CORS only for the configured origins, without credentials; none configured means no CORS headers at all. */
async function setupCors(app: ApiInstance, origins: string[]): Promise<void> {
  if (origins.length === 0) return;
  await app.register(cors, {
    origin: origins,
    credentials: false,
    methods: ['GET', 'POST', 'PATCH', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type'],
    // A player reads where playback starts; a portal the export's file name.
    exposedHeaders: ['Retry-After', PLAYBACK_START_HEADER, 'Content-Disposition'],
    maxAge: 600,
  });
}

/** Mutations are limited per key (or per IP without one), counted after auth and before the body is read. */
async function setupRateLimit(app: ApiInstance, limit: { max: number; timeWindowMs: number }): Promise<void> {
  await app.register(rateLimit, {
    max: limit.max,
    timeWindow: limit.timeWindowMs,
    hook: 'preParsing',
    allowList: (request) => !MUTATIONS.has(request.method),
    keyGenerator: (request) => (request.apiKey ? `key:${request.apiKey.id}` : `ip:${request.ip}`),
    errorResponseBuilder: (_request, context) =>
      new VigilError(ErrorCode.RateLimited, `Too many changes; retry in ${context.after}`),
  });
}

/** The OpenAPI document and a Swagger UI whose assets come from this station (no CDN). */
async function setupDocs(app: ApiInstance, version: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Vigil station API',
        version,
        description: 'Cameras, health and events of a Vigil station',
      },
      tags: [
        { name: 'system', description: 'Service information, health, metrics and this document' },
        { name: 'cameras', description: 'Cameras and their streams' },
        { name: 'recordings', description: 'Recorded video: timelines, playback streams, MP4 exports' },
        { name: 'events', description: 'Station events' },
        { name: 'views', description: 'Saved wall views' },
        {
          name: 'alarms',
          description: 'Alarms raised by a VAS, motion detection or the desk, and their workflow',
        },
        { name: 'walls', description: 'Named walls, and pushing a camera or view to one' },
        { name: 'webhooks', description: 'Signed outgoing deliveries of station events' },
        { name: 'gateways', description: 'The Janus gateways cameras run on (several in cluster mode)' },
        { name: 'session', description: 'Browser sign-in' },
        { name: 'viewers', description: "The station's Janus door, where viewers play cameras" },
      ],
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
    refResolver: {
      buildLocalReference: (json, _base, _fragment, i) =>
        typeof json.$id === 'string' ? json.$id : `def-${i}`,
    },
  });
  await app.register(swaggerUi, {
    routePrefix: DOCS_PREFIX,
    staticCSP: true,
    uiConfig: { validatorUrl: null, deepLinking: false },
  });
}

/** Fastify's request log lines at debug: none on arrival, one when answered (method, route, status, time). */
class DebugRequestLog extends LogController {
  override incomingRequest(): void {
    // The answer's line says it all.
  }

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    request.log.debug(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unrouted',
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
        ...(error ? { err: error } : {}),
      },
      'request',
    );
  }
}
