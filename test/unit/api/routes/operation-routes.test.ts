import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type RouteOptions } from 'fastify';
import pino from 'pino';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { OPERATION_LIST, OPERATIONS } from '../../../../common/operations';
import { pathParams } from '../../../../common/operations/names';
import type { AlarmService } from '../../../../main/alarms/service';
import { alarmRoutes } from '../../../../main/api/routes/alarms';
import { cameraRoutes } from '../../../../main/api/routes/cameras';
import {
  actorOf,
  integersOfQuery,
  operationRoute,
  restOperationsOf,
} from '../../../../main/api/routes/operation-routes';
import { recordingRoutes } from '../../../../main/api/routes/recordings';
import { bearer, errorResponses } from '../../../../main/api/routes/schemas';
import { systemRoutes } from '../../../../main/api/routes/system';
import { viewRoutes } from '../../../../main/api/routes/views';
import { ViewService } from '../../../../main/station/views';
import { openViewStore } from '../../../../main/store/view-store';
import { Door } from '../../../../main/door/door';
import type { WallService } from '../../../../main/walls/service';
import type { GatewayService } from '../../../../main/cluster/gateway-service';
import { gatewayRoutes } from '../../../../main/api/routes/gateways';
import type { WebhookService } from '../../../../main/webhooks/service';
import { FakeStation, fakeKeys, fakeViewers } from '../fixtures';

/** Every route the three resource plugins register, by `VERB path`. */
const routes = new Map<string, RouteOptions>();
let dataDir: string;
let close: () => Promise<void>;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'vigil-operation-routes-'));
  const app = Fastify().withTypeProvider<TypeBoxTypeProvider>();
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.set(`${method} ${route.url}`, route);
  });
  const station = new FakeStation();
  const door = new Door({ station: fakeViewers(station), keys: fakeKeys, logger: pino({ level: 'silent' }) });
  await app.register(cameraRoutes, { station, door, keys: fakeKeys });
  await app.register(viewRoutes, { views: new ViewService(openViewStore({ dataDir })) });
  await app.register(recordingRoutes, { door });
  await app.register(systemRoutes, { station, metrics: new Registry(), version: 'test' });
  // Only the routes are looked at here: the services are never called.
  await app.register(alarmRoutes, {
    alarms: {} as AlarmService,
    walls: {} as WallService,
    webhooks: {} as WebhookService,
  });
  await app.register(gatewayRoutes, { gateways: {} as GatewayService });
  await app.ready();
  close = () => app.close();
});
afterAll(async () => {
  await close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Every operation with a REST route, with that route. */
const REST = OPERATION_LIST.flatMap((operation) =>
  operation.rest === undefined ? [] : [[operation.name, operation, operation.rest] as const],
);

describe('REST routes from the operation table', () => {
  it.each(REST)('%s has its route, scope and schemas', (name, operation, rest) => {
    const { args } = operation;
    const route = routes.get(`${rest.verb} ${rest.path}`);
    expect(route, `${rest.verb} ${rest.path}`).toBeDefined();
    expect(route?.config).toMatchObject({ access: operation.scope });
    const schema = route?.schema as Record<string, unknown>;
    const params = pathParams(rest.path);
    expect(schema.tags).toEqual([name.split('.')[0]]);
    expect(schema.summary).toBe(operation.summary);
    expect(schema.security).toEqual(operation.scope === 'optional' ? [{}, ...bearer] : bearer);
    const answer =
      rest.media === undefined
        ? operation.output
        : { description: operation.summary, content: { [rest.media]: { schema: operation.output } } };
    expect(schema.response).toEqual({ [rest.status ?? 200]: answer, ...errorResponses });
    const paramSchema = schema.params as
      { properties: Record<string, unknown>; additionalProperties: boolean } | undefined;
    if (params.length === 0) expect(paramSchema).toBeUndefined();
    else {
      expect(paramSchema?.additionalProperties).toBe(false);
      expect(Object.keys(paramSchema?.properties ?? {})).toEqual(params);
      for (const [index, param] of params.entries()) {
        expect(paramSchema?.properties[param]).toBe(args[index]);
      }
    }
    if (rest.query === true) {
      expect(schema.querystring).toBe(args[params.length]);
      expect(schema.body).toBeUndefined();
    } else expect(schema.body).toBe(args[params.length]);
  });

  it('registers nothing the table does not list, besides the system routes', () => {
    const fromTable = new Set(REST.map(([, , rest]) => `${rest.verb} ${rest.path}`));
    const others = [...routes.keys()].filter((route) => !fromTable.has(route) && !route.startsWith('HEAD '));
    expect(others.sort()).toEqual(['GET /', 'GET /metrics', 'GET /openapi.json']);
  });

  it('groups the operations by resource, in table order', () => {
    expect(restOperationsOf('views')).toEqual([
      'views.list',
      'views.get',
      'views.create',
      'views.update',
      'views.delete',
      'views.shown',
    ]);
    expect(restOperationsOf('desktop')).toEqual([]);
  });

  it('gives a route no params schema without path parameters, and the body after them', () => {
    expect(operationRoute('cameras.add').schema).not.toHaveProperty('params');
    expect(operationRoute('cameras.update').schema.body).toBe(OPERATIONS['cameras.update'].args[1]);
    expect(operationRoute('cameras.restart').schema).not.toHaveProperty('body');
  });
});

describe('actorOf', () => {
  it('is a stored key by its name, and the desk for a signed-in browser wall', () => {
    const request = (apiKey: unknown) => ({ apiKey }) as unknown as Parameters<typeof actorOf>[0];
    expect(actorOf(request({ id: 'key_1', scope: 'alarm', name: 'vas-portal' }))).toEqual({
      kind: 'key',
      name: 'vas-portal',
    });
    expect(actorOf(request({ id: 'session_1', scope: 'manage', desk: true }))).toEqual({
      kind: 'desk',
      name: 'desk',
    });
  });
});

describe('integersOfQuery', () => {
  it('turns decimal integers the schema wants into numbers and leaves everything else as sent', () => {
    const query: Record<string, unknown> = { limit: '25', state: 'new', from: '2026-12-02T10:00:00Z' };
    const hook = integersOfQuery(OPERATIONS['alarms.list'].args[0]);
    hook(
      { query } as unknown as Parameters<typeof hook>[0],
      {} as Parameters<typeof hook>[1],
      () => undefined,
    );
    expect(query).toEqual({ limit: 25, state: 'new', from: '2026-12-02T10:00:00Z' });
    const odd: Record<string, unknown> = { limit: '2.5' };
    hook(
      { query: odd } as unknown as Parameters<typeof hook>[0],
      {} as Parameters<typeof hook>[1],
      () => undefined,
    );
    expect(odd).toEqual({ limit: '2.5' });
  });
});
