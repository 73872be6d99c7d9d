import { describe, expect, it } from 'vitest';

import { MessageBody } from '../../../common/answers';
import { OPERATION_CALLS, OPERATION_LIST, OPERATIONS } from '../../../common/operations';
import {
  DESKTOP_CALLS,
  STATION_CALLS,
  ipcCalls,
  pathParams,
  type OperationName,
} from '../../../common/operations/names';

/** The channels before the table, with their argument counts: the table keeps every one (and may add). */
const CHANNELS: Record<string, number> = {
  'cameras:list': 0,
  'cameras:add': 1,
  'cameras:update': 2,
  'cameras:remove': 1,
  'cameras:restart': 1,
  'cameras:probe': 1,
  'cameras:stream': 1,
  'station:health': 0,
  'views:list': 0,
  'views:create': 1,
  'views:update': 2,
  'views:delete': 1,
  'desktop:settings': 0,
  'desktop:update-settings': 1,
  'desktop:unlock-kiosk': 1,
  'desktop:wall-view': 1,
};

/** The seed's REST routes (DESIGN.md) and the additions since: none may be renamed (new ones may come). */
const ROUTES = [
  'POST /cameras',
  'GET /cameras',
  'POST /cameras/probe',
  'GET /cameras/:camera_id',
  'PATCH /cameras/:camera_id',
  'DELETE /cameras/:camera_id',
  'POST /cameras/:camera_id/restart',
  'GET /cameras/:camera_id/stream',
  'GET /health',
  'GET /views',
  'GET /views/:view_id',
  'POST /views',
  'PATCH /views/:view_id',
  'DELETE /views/:view_id',
];

describe('the operation table', () => {
  it("keeps today's IPC channels, with their argument counts", () => {
    const channels = Object.fromEntries(
      OPERATION_LIST.flatMap(({ channel, args }) => (channel === undefined ? [] : [[channel, args.length]])),
    );
    expect(channels).toMatchObject(CHANNELS);
  });

  it("keeps the seed's REST routes", () => {
    const routes = OPERATION_LIST.flatMap(({ rest }) => (rest ? [`${rest.verb} ${rest.path}`] : []));
    expect(routes).toEqual(expect.arrayContaining(ROUTES));
  });

  it('gives every operation its name, a unique method per API and a unique channel', () => {
    for (const [name, operation] of Object.entries(OPERATIONS)) expect(operation.name).toBe(name);
    for (const calls of [STATION_CALLS, DESKTOP_CALLS]) {
      const methods = Object.values<{ method: string }>(calls).map((call) => call.method);
      expect(new Set(methods).size).toBe(methods.length);
    }
    const channels = ipcCalls(OPERATION_CALLS).map((call) => call.channel);
    expect(new Set(channels).size).toBe(channels.length);
  });

  it('has a REST route for every station operation offered over IPC (the wall uses either)', () => {
    for (const [name, call] of Object.entries(STATION_CALLS)) {
      if ('channel' in call) expect(call, name).toHaveProperty('rest');
    }
    for (const call of Object.values(DESKTOP_CALLS)) expect(call).not.toHaveProperty('rest');
  });

  it.each(OPERATION_LIST.map((operation) => [operation.name, operation] as const))(
    '%s: path parameters lead its arguments, a scope with a route, a message answers { message }',
    (_name, operation) => {
      const params = operation.rest ? pathParams(operation.rest.path) : [];
      expect(operation.args.length - params.length).toBeGreaterThanOrEqual(0);
      expect(operation.args.length - params.length).toBeLessThanOrEqual(1);
      expect(operation.scope !== undefined).toBe(operation.rest !== undefined);
      if (operation.message !== undefined) {
        expect(operation.output).toBe(MessageBody);
        for (const [, param] of operation.message.matchAll(/\{(\w+)\}/g)) expect(params).toContain(param);
      }
      if (operation.handler !== undefined)
        expect(operation.handler).toMatch(/^(station|views|recordings|alarms|walls|webhooks|gateways)\.\w+$/);
    },
  );

  it('names resources by their operations: cameras.*, views.*, system.*, alarms.*, walls.*, …', () => {
    const resources = new Set(Object.keys(OPERATIONS).map((name) => name.split('.')[0]));
    expect([...resources].sort()).toEqual([
      'alarms',
      'cameras',
      'desktop',
      'gateways',
      'recordings',
      'system',
      'views',
      'walls',
      'webhooks',
    ]);
    const name: OperationName = 'cameras.restart';
    expect(OPERATIONS[name]).toMatchObject({
      method: 'restartCamera',
      channel: 'cameras:restart',
      rest: { verb: 'POST', path: '/cameras/:camera_id/restart' },
      scope: 'manage',
      handler: 'station.restartCamera',
    });
  });
});

describe('pathParams', () => {
  it.each([
    ['/cameras', []],
    ['/cameras/:camera_id', ['camera_id']],
    ['/cameras/:camera_id/restart', ['camera_id']],
    ['/views/:view_id/tiles/:index', ['view_id', 'index']],
  ])('%s → %o', (path, params) => {
    expect(pathParams(path)).toEqual(params);
  });
});
