import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { ErrorCode, VigilError } from '../../../common/errors';
import { OPERATION_CALLS } from '../../../common/operations';
import { ipcCalls } from '../../../common/operations/names';
import { IPC_CHANNELS } from '../../../main/ipc/channels';
import { ipcCall, ipcFailure } from '../../../main/ipc/dispatch';
import { cameraInput, errorOf, headers, makeApi, type TestApi } from '../api/fixtures';

const silent = pino({ level: 'silent' });

describe('the IPC channel map', () => {
  it('has every channel of the table with its operation and argument schemas', () => {
    expect(IPC_CHANNELS.get('cameras:update')).toMatchObject({ operation: 'cameras.update' });
    expect(IPC_CHANNELS.get('cameras:update')?.args).toHaveLength(2);
    expect(IPC_CHANNELS.get('station:health')).toEqual({ operation: 'system.health', args: [] });
    expect(IPC_CHANNELS.has('cameras:get')).toBe(false);
    expect([...IPC_CHANNELS.keys()]).toEqual(ipcCalls(OPERATION_CALLS).map((call) => call.channel));
  });
});

describe('ipcCall', () => {
  it('runs the handler with the checked arguments and the caller last', async () => {
    const handler = vi.fn((cameraId: string, patch: object, caller: unknown) => ({
      cameraId,
      patch,
      caller,
    }));
    const call = ipcCall('cameras:update', handler, silent);
    await expect(call(['lobby', { name: 'Lobby' }], 'page-1')).resolves.toEqual({
      ok: true,
      value: { cameraId: 'lobby', patch: { name: 'Lobby' }, caller: 'page-1' },
    });
  });

  it('refuses a channel the table does not have', () => {
    expect(() => ipcCall('cameras:explode' as never, () => undefined, silent)).toThrow(
      'cameras:explode is not a channel of the operation table',
    );
  });

  it.each([
    [
      'a bad camera id',
      'cameras:remove',
      ['../etc'],
      'argument 1 of cameras:remove must use 1–64 letters',
      undefined,
    ],
    ['too many arguments', 'cameras:list', [1], 'cameras:list takes 0 argument(s), got 1', undefined],
    ['an unknown property', 'cameras:update', ['lobby', { nmae: 'x' }], 'unknown property "nmae"', 'nmae'],
    ['a wrong type', 'views:update', ['v', { name: 5 }], 'name must be a string', 'name'],
  ] as const)('refuses %s before the handler runs', async (_what, channel, args, message, field) => {
    const handler = vi.fn();
    const result = await ipcCall(channel, handler, silent)(args, undefined);
    expect(result).toEqual({
      ok: false,
      error: {
        code: ErrorCode.Validation,
        message: expect.stringContaining(message) as unknown,
        ...(field ? { field } : {}),
      },
    });
    expect(handler).not.toHaveBeenCalled();
  });

  it('answers a VigilError as its body and hides (but logs) anything else', async () => {
    const failing = ipcCall(
      'cameras:restart',
      () => {
        throw new VigilError(ErrorCode.CameraNotFound, 'No camera lobby', 'camera_id');
      },
      silent,
    );
    await expect(failing(['lobby'], undefined)).resolves.toEqual({
      ok: false,
      error: { code: ErrorCode.CameraNotFound, message: 'No camera lobby', field: 'camera_id' },
    });
    const logged: unknown[] = [];
    const log = pino({ level: 'error' }, { write: (line: string) => logged.push(JSON.parse(line)) });
    const crashing = ipcCall('cameras:list', () => Promise.reject(new Error('admin_secret=hunter2')), log);
    const result = await crashing([], undefined);
    expect(result).toEqual(ipcFailure(new Error('anything')));
    expect(JSON.stringify(result)).not.toContain('hunter2');
    expect(logged).toHaveLength(1);
  });
});

describe('IPC arguments are refused with the REST wording', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await makeApi();
  });
  afterAll(async () => {
    await api.app.close();
  });

  const bad: [string, Record<string, unknown>][] = [
    ['a path as camera_id', cameraInput({ camera_id: '../etc' })],
    ['a missing name', { camera_id: 'a', rtsp_url: 'rtsp://127.0.0.2/a' }],
    ['an http URL', cameraInput({ rtsp_url: 'http://cam.local/s' })],
    ['an unknown auth method', { ...cameraInput(), auth_method: 'ntlm' }],
    ['an unknown property', { ...cameraInput(), admin: true }],
    ['a tag that is a number', { ...cameraInput(), tags: ['a', 4] }],
  ];

  it.each(bad)('POST /cameras and cameras:add say the same about %s', async (_what, body) => {
    const rest = await api.app.inject({
      method: 'POST',
      url: '/cameras',
      headers: headers('manage'),
      payload: body,
    });
    expect(rest.statusCode).toBe(400);
    const ipc = await ipcCall('cameras:add', () => undefined, silent)([body], undefined);
    const expected = errorOf(rest);
    // REST names the request part (`body`), IPC the argument; everything else is the same sentence.
    const message = expected.message.replace(' in body', ' in argument 1 of cameras:add');
    expect(ipc).toEqual({ ok: false, error: { ...expected, message } });
  });
});
