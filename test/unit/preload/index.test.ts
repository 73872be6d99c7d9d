import { beforeAll, describe, expect, it, vi } from 'vitest';

import { IPC_KIOSK_STATE, IPC_KIOSK_UNLOCK_PROMPT, IPC_STATION_EVENT } from '../../../common/ipc-channels';
import { DESKTOP_CALLS, STATION_CALLS, ipcCalls } from '../../../common/operations/names';

type Api = Record<string, (...args: unknown[]) => unknown>;

// The preload runs against a stand-in for electron: what it exposes, and what it sends main.
const exposed = new Map<string, Api>();
const invoked: { channel: string; args: unknown[] }[] = [];
const listeners = new Map<string, ((event: unknown, payload?: unknown) => void)[]>();
let answer: unknown = { ok: true, value: 'done' };

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: Api) => exposed.set(key, api) },
  ipcRenderer: {
    invoke: (channel: string, ...args: unknown[]) => {
      invoked.push({ channel, args });
      return Promise.resolve(answer);
    },
    on: (channel: string, listener: (event: unknown, payload?: unknown) => void) => {
      listeners.set(channel, [...(listeners.get(channel) ?? []), listener]);
    },
    removeListener: (channel: string, listener: unknown) => {
      listeners.set(
        channel,
        (listeners.get(channel) ?? []).filter((l) => l !== listener),
      );
    },
  },
}));

beforeAll(async () => {
  await import('../../../preload/index');
});

function api(key: string): Api {
  const found = exposed.get(key);
  if (found === undefined) throw new Error(`nothing exposed as ${key}`);
  return found;
}

describe('the preload', () => {
  it('exposes exactly the table’s IPC methods (and the listeners) as window.vigil and window.vigilDesktop', () => {
    expect([...exposed.keys()]).toEqual(['vigil', 'vigilDesktop']);
    const station = ipcCalls(STATION_CALLS).map((c) => c.method);
    const desktop = ipcCalls(DESKTOP_CALLS).map((c) => c.method);
    expect(Object.keys(api('vigil')).sort()).toEqual([...station, 'onEvent'].sort());
    expect(Object.keys(api('vigilDesktop')).sort()).toEqual(
      [...desktop, 'onKioskUnlockPrompt', 'onKioskChange'].sort(),
    );
  });

  it.each([
    ...ipcCalls(STATION_CALLS).map((c) => ['vigil', c] as const),
    ...ipcCalls(DESKTOP_CALLS).map((c) => ['vigilDesktop', c] as const),
  ])('%s.%o invokes its channel with its arguments', async (key, { method, channel }) => {
    invoked.length = 0;
    answer = { ok: true, value: 'done' };
    await expect(api(key)[method]?.('a', { b: 1 })).resolves.toBe('done');
    expect(invoked).toEqual([{ channel, args: ['a', { b: 1 }] }]);
  });

  it('rejects with the plain failure main answered (an Error would lose code and field)', async () => {
    answer = {
      ok: false,
      error: { code: 'VIGIL_ERR_CAMERA_NOT_FOUND', message: 'gone', field: 'camera_id' },
    };
    await expect(api('vigil').restartCamera?.('lobby')).rejects.toEqual(answer);
  });

  it('relays events without Electron’s event object, until unsubscribed', () => {
    const seen: unknown[] = [];
    const stop = api('vigil').onEvent?.((event: unknown) => seen.push(event)) as () => void;
    const prompts: unknown[] = [];
    const stopPrompt = api('vigilDesktop').onKioskUnlockPrompt?.((...args: unknown[]) =>
      prompts.push(args),
    ) as () => void;
    for (const listener of listeners.get(IPC_STATION_EVENT) ?? [])
      listener({ sender: 'electron' }, { type: 'gateway.up' });
    for (const listener of listeners.get(IPC_KIOSK_UNLOCK_PROMPT) ?? []) listener({ sender: 'electron' });
    expect(seen).toEqual([{ type: 'gateway.up' }]);
    expect(prompts).toEqual([[]]);
    stop();
    stopPrompt();
    expect(listeners.get(IPC_STATION_EVENT)).toEqual([]);
    expect(listeners.get(IPC_KIOSK_UNLOCK_PROMPT)).toEqual([]);
  });

  it('relays kiosk on and off as a plain boolean, until unsubscribed', () => {
    const states: unknown[] = [];
    const stop = api('vigilDesktop').onKioskChange?.((...args: unknown[]) => states.push(args)) as () => void;
    for (const listener of listeners.get(IPC_KIOSK_STATE) ?? []) listener({ sender: 'electron' }, true);
    for (const listener of listeners.get(IPC_KIOSK_STATE) ?? []) listener({ sender: 'electron' }, false);
    expect(states).toEqual([[true], [false]]);
    stop();
    expect(listeners.get(IPC_KIOSK_STATE)).toEqual([]);
  });
});
