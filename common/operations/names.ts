// The schema-free half of the operation table: how each operation is called — its method on StationApi,
// DesktopApi and the HTTP client, its IPC channel, its REST route. The preload and the HTTP client import
// only this file, so neither bundles a schema (the preload stays ~2 KB); what each operation takes and
// gives, who may call it and which station method serves it are in the resource files beside this one.

/** A REST verb the station's API uses. */
export type RestVerb = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** An operation's REST route: verb, path (its `:param`s are filled from the leading arguments), success status. */
export interface RestRoute {
  readonly verb: RestVerb;
  readonly path: string;
  /** The status of a successful answer when it is not 200. */
  readonly status?: 201 | 202;
  /** The argument after the path parameters is the query string (`GET /alarms?state=new`), not a JSON body. */
  readonly query?: true;
  /**
   * The media type of an answer that is not JSON (`video/mp4`): players fetch such routes themselves, so the one
   * HTTP client has no method for them.
   */
  readonly media?: 'video/mp4';
}

/** How one operation is called. */
export interface OperationCall {
  /** Its method on StationApi / DesktopApi / the HTTP client. */
  readonly method: string;
  /** Its IPC channel; none for operations the desktop app does not offer its pages. */
  readonly channel?: string;
  /** Its REST route; none for operations only the desktop app offers. */
  readonly rest?: RestRoute;
}

/** The station's operations: `window.vigil` in the desktop app, the REST API, the HTTP client. */
export const STATION_CALLS = {
  'cameras.add': {
    method: 'addCamera',
    channel: 'cameras:add',
    rest: { verb: 'POST', path: '/cameras', status: 201 },
  },
  'cameras.list': {
    method: 'listCameras',
    channel: 'cameras:list',
    rest: { verb: 'GET', path: '/cameras' },
  },
  'cameras.probe': {
    method: 'probe',
    channel: 'cameras:probe',
    rest: { verb: 'POST', path: '/cameras/probe' },
  },
  'cameras.get': { method: 'getCamera', rest: { verb: 'GET', path: '/cameras/:camera_id' } },
  'cameras.update': {
    method: 'updateCamera',
    channel: 'cameras:update',
    rest: { verb: 'PATCH', path: '/cameras/:camera_id' },
  },
  'cameras.remove': {
    method: 'removeCamera',
    channel: 'cameras:remove',
    rest: { verb: 'DELETE', path: '/cameras/:camera_id' },
  },
  'cameras.restart': {
    method: 'restartCamera',
    channel: 'cameras:restart',
    rest: { verb: 'POST', path: '/cameras/:camera_id/restart' },
  },
  'cameras.stream': {
    method: 'streamInfo',
    channel: 'cameras:stream',
    rest: { verb: 'GET', path: '/cameras/:camera_id/stream' },
  },
  'recordings.list': {
    method: 'listRecordings',
    channel: 'recordings:list',
    rest: { verb: 'GET', path: '/cameras/:camera_id/recordings', query: true },
  },
  'recordings.playback': {
    method: 'playback',
    rest: { verb: 'GET', path: '/cameras/:camera_id/playback', query: true, media: 'video/mp4' },
  },
  'recordings.export': {
    method: 'exportRecording',
    rest: { verb: 'GET', path: '/cameras/:camera_id/export.mp4', query: true, media: 'video/mp4' },
  },
  'system.health': { method: 'health', channel: 'station:health', rest: { verb: 'GET', path: '/health' } },
  'views.list': { method: 'listViews', channel: 'views:list', rest: { verb: 'GET', path: '/views' } },
  'views.get': { method: 'getView', rest: { verb: 'GET', path: '/views/:view_id' } },
  'views.create': {
    method: 'createView',
    channel: 'views:create',
    rest: { verb: 'POST', path: '/views', status: 201 },
  },
  'views.update': {
    method: 'updateView',
    channel: 'views:update',
    rest: { verb: 'PATCH', path: '/views/:view_id' },
  },
  'views.delete': {
    method: 'deleteView',
    channel: 'views:delete',
    rest: { verb: 'DELETE', path: '/views/:view_id' },
  },
  'views.shown': {
    method: 'viewShown',
    channel: 'views:shown',
    rest: { verb: 'POST', path: '/views/:view_id/shown' },
  },
  'alarms.raise': {
    method: 'raiseAlarm',
    channel: 'alarms:raise',
    rest: { verb: 'POST', path: '/alarms', status: 201 },
  },
  'alarms.list': {
    method: 'listAlarms',
    channel: 'alarms:list',
    rest: { verb: 'GET', path: '/alarms', query: true },
  },
  'alarms.get': {
    method: 'getAlarm',
    channel: 'alarms:get',
    rest: { verb: 'GET', path: '/alarms/:alarm_id' },
  },
  'alarms.acknowledge': {
    method: 'acknowledgeAlarm',
    channel: 'alarms:acknowledge',
    rest: { verb: 'POST', path: '/alarms/:alarm_id/acknowledge' },
  },
  'alarms.close': {
    method: 'closeAlarm',
    channel: 'alarms:close',
    rest: { verb: 'POST', path: '/alarms/:alarm_id/close' },
  },
  'alarms.snooze': {
    method: 'snoozeAlarm',
    channel: 'alarms:snooze',
    rest: { verb: 'POST', path: '/alarms/:alarm_id/snooze' },
  },
  'walls.list': { method: 'listWalls', channel: 'walls:list', rest: { verb: 'GET', path: '/walls' } },
  'walls.show': {
    method: 'showOnWall',
    channel: 'walls:show',
    rest: { verb: 'POST', path: '/walls/:wall/show', status: 202 },
  },
  'webhooks.create': {
    method: 'createWebhook',
    rest: { verb: 'POST', path: '/webhooks', status: 201 },
  },
  'webhooks.list': { method: 'listWebhooks', rest: { verb: 'GET', path: '/webhooks' } },
  'webhooks.delete': { method: 'deleteWebhook', rest: { verb: 'DELETE', path: '/webhooks/:webhook_id' } },
  'webhooks.deliveries': {
    method: 'listWebhookDeliveries',
    rest: { verb: 'GET', path: '/webhooks/:webhook_id/deliveries' },
  },
  'gateways.list': { method: 'listGateways', rest: { verb: 'GET', path: '/gateways' } },
  'gateways.forget': { method: 'forgetGateway', rest: { verb: 'DELETE', path: '/gateways/:gateway_id' } },
} as const satisfies Record<string, OperationCall>;

/** What only the desktop app offers its pages (`window.vigilDesktop`): IPC only. */
export const DESKTOP_CALLS = {
  'desktop.settings': { method: 'settings', channel: 'desktop:settings' },
  'desktop.update-settings': { method: 'updateSettings', channel: 'desktop:update-settings' },
  'desktop.unlock-kiosk': { method: 'unlockKiosk', channel: 'desktop:unlock-kiosk' },
  'desktop.wall-view': { method: 'showingView', channel: 'desktop:wall-view' },
  'desktop.name-wall': { method: 'nameWall', channel: 'desktop:name-wall' },
} as const satisfies Record<string, OperationCall>;

/** The station operations the one HTTP client calls: REST routes answering JSON (not `media`). */
export type JsonRestOperationName = {
  [K in StationOperationName]: (typeof STATION_CALLS)[K] extends { rest: { media: string } }
    ? never
    : (typeof STATION_CALLS)[K] extends { rest: object }
      ? K
      : never;
}[StationOperationName];

/** A station operation's name. */
export type StationOperationName = keyof typeof STATION_CALLS;

/** A desktop operation's name. */
export type DesktopOperationName = keyof typeof DESKTOP_CALLS;

/** An operation's name. */
export type OperationName = StationOperationName | DesktopOperationName;

/** The `:param` names of a REST path, in order (`/cameras/:camera_id/restart` → `['camera_id']`). */
export function pathParams(path: string): string[] {
  return [...path.matchAll(/:([A-Za-z0-9_]+)/g)].map((match) => match[1] ?? '');
}

/** Each method of `calls` that has an IPC channel, with that channel. */
export function ipcCalls(
  calls: Readonly<Record<string, OperationCall>>,
): { method: string; channel: string }[] {
  return Object.values(calls).flatMap(({ method, channel }) =>
    channel === undefined ? [] : [{ method, channel }],
  );
}
