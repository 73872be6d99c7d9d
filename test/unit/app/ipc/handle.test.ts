import type { IpcMainInvokeEvent } from 'electron';
import pino from 'pino';
import { describe, expect, it, vi } from 'vitest';

import { ErrorCode, VigilError } from '../../../../common/errors';
import type { IpcResult } from '../../../../common/ipc-channels';
import { createIpcRegistry, isTrustedSender } from '../../../../main/app/ipc/handle';

const APP = 'vigil://wall';
type Handler = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<IpcResult<unknown>>;

function setup() {
  const handlers = new Map<string, Handler>();
  const ipcMain = {
    handle: vi.fn((channel: string, handler: Handler) => handlers.set(channel, handler)),
    removeHandler: vi.fn((channel: string) => handlers.delete(channel)),
  };
  const registry = createIpcRegistry({ ipcMain, appOrigin: APP, logger: pino({ level: 'silent' }) });
  const invoke = (channel: string, frame: { url: string; parent: unknown } | null, ...args: unknown[]) => {
    const handler = handlers.get(channel);
    if (handler === undefined) throw new Error(`no handler for ${channel}`);
    return handler({ senderFrame: frame } as unknown as IpcMainInvokeEvent, ...args);
  };
  return { registry, invoke, handlers };
}

const appFrame = { url: `${APP}/index.html`, parent: null };

describe('isTrustedSender', () => {
  it.each([
    ['the app page', `${APP}/index.html`, null, true],
    ['the app page with a hash', `${APP}/index.html#/views/lobby`, null, true],
    ['another host on the scheme', 'vigil://evil/index.html', null, false],
    ['a look-alike host', 'vigil://wall.evil.example/index.html', null, false],
    ['userinfo trick', 'vigil://wall@evil.example/', null, false],
    ['file URL', 'file:///opt/vigil/out/renderer/index.html', null, false],
    ['http page', 'http://127.0.0.1:7100/', null, false],
    ['about:blank', 'about:blank', null, false],
    ['garbage', 'not a url', null, false],
    ['an iframe of the app', `${APP}/index.html`, {}, false],
  ])('%s → %s', (_name, url, parent, trusted) => {
    expect(isTrustedSender({ url, parent } as never, APP)).toBe(trusted);
  });

  it('refuses a destroyed frame', () => {
    expect(isTrustedSender(null, APP)).toBe(false);
  });
});

describe('createIpcRegistry', () => {
  it('answers a valid call with the handler value', async () => {
    const { registry, invoke } = setup();
    registry.handle('cameras:remove', (cameraId) => `removed ${cameraId}`);
    await expect(invoke('cameras:remove', appFrame, 'lobby')).resolves.toEqual({
      ok: true,
      value: 'removed lobby',
    });
  });

  it('refuses a call from a foreign frame before the handler runs', async () => {
    const { registry, invoke } = setup();
    const handler = vi.fn();
    registry.handle('cameras:list', handler);
    const result = await invoke('cameras:list', { url: 'https://evil.example/', parent: null });
    expect(result).toEqual({
      ok: false,
      error: { code: ErrorCode.Forbidden, message: expect.any(String) as unknown },
    });
    expect(handler).not.toHaveBeenCalled();
  });

  it.each([
    ['a bad camera id', 'cameras:remove', ['../etc'], 'argument 1 of cameras:remove must use 1–64 letters'],
    ['too many arguments', 'cameras:list', [1], 'cameras:list takes 0 argument(s), got 1'],
    ['too few arguments', 'cameras:update', ['lobby'], 'cameras:update takes 2 argument(s), got 1'],
    ['an unknown property', 'cameras:update', ['lobby', { nmae: 'x' }], 'unknown property "nmae"'],
    ['a wrong type', 'cameras:update', ['lobby', { name: 5 }], 'name must be a string'],
    ['a missing field', 'cameras:add', [{ camera_id: 'a' }], 'is required'],
    ['a bad kiosk pin', 'desktop:unlock-kiosk', ['12'], 'must be 4 to 12 digits'],
    ['an empty settings change', 'desktop:update-settings', [{}], 'must contain at least one field'],
    [
      'an unknown setting',
      'desktop:update-settings',
      [{ janus_mod: 'remote' }],
      'unknown property "janus_mod"',
    ],
    [
      'an unknown Janus mode',
      'desktop:update-settings',
      [{ janus_mode: 'docker' }],
      'janus_mode must be one of',
    ],
    [
      'a non-digit PIN',
      'desktop:update-settings',
      [{ kiosk_pin: 'abcd' }],
      'kiosk_pin must be 4 to 12 digits',
    ],
    ['a bad view id', 'desktop:wall-view', ['../x'], 'must use 1–64 letters'],
  ])('refuses %s with a validation error', async (_name, channel, args, message) => {
    const { registry, invoke } = setup();
    const handler = vi.fn();
    registry.handle(channel as 'cameras:list', handler);
    const result = await invoke(channel, appFrame, ...args);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(ErrorCode.Validation);
    expect(result.error.message).toContain(message);
    expect(handler).not.toHaveBeenCalled();
  });

  it('passes a VigilError through as code, message and field', async () => {
    const { registry, invoke } = setup();
    registry.handle('cameras:restart', () => {
      throw new VigilError(ErrorCode.CameraNotFound, 'No camera "lobby"', 'camera_id');
    });
    await expect(invoke('cameras:restart', appFrame, 'lobby')).resolves.toEqual({
      ok: false,
      error: { code: ErrorCode.CameraNotFound, message: 'No camera "lobby"', field: 'camera_id' },
    });
  });

  it('hides an unexpected error behind an internal error', async () => {
    const { registry, invoke } = setup();
    registry.handle('cameras:list', () => {
      throw new Error('ECONNREFUSED 127.0.0.1:7088 admin_secret=hunter2');
    });
    const result = await invoke('cameras:list', appFrame);
    expect(result).toEqual({
      ok: false,
      error: { code: ErrorCode.Internal, message: expect.any(String) as unknown },
    });
    expect(JSON.stringify(result)).not.toContain('hunter2');
  });

  it('removes every handler it added on dispose', () => {
    const { registry, handlers } = setup();
    registry.handle('cameras:list', () => []);
    registry.handle('views:list', () => []);
    registry.dispose();
    expect(handlers.size).toBe(0);
  });
});
