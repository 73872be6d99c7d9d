import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { Alarm } from '../../../common/alarms';
import { STATION_CALLS, ipcCalls } from '../../../common/operations/names';
import { AlarmBook } from '../../../main/alarms/alarm-book';
import type { IpcHandlers } from '../../../main/ipc/dispatch';
import { handleStationOperations } from '../../../main/ipc/station-handlers';
import { ViewService } from '../../../main/station/views';
import { openViewStore } from '../../../main/store/view-store';
import { DESK } from '../../../main/door/credential';
import { FakeStation, cameraInput } from '../api/fixtures';

type Handler = (...args: unknown[]) => unknown;

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'vigil-station-handlers-'));
});
afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

function setup() {
  const handlers = new Map<string, Handler>();
  const ipc: IpcHandlers = {
    handle: (channel, handler) => handlers.set(channel, handler as Handler),
  };
  const station = new FakeStation();
  const streams: [string, string][] = [];
  const door = {
    streamInfo: (cameraId: string, credential: { id: string }) => {
      streams.push([cameraId, credential.id]);
      return { camera_id: cameraId } as never;
    },
  };
  handleStationOperations(ipc, { station, door, views: new ViewService(openViewStore({ dataDir })) });
  /** Calls a channel as the registry would: the checked arguments, then the calling page. */
  const call = (channel: string, ...args: unknown[]) => {
    const handler = handlers.get(channel);
    if (handler === undefined) throw new Error(`${channel} is not handled`);
    return handler(...args, { page: 'caller' });
  };
  return { handlers, station, streams, call };
}

describe('handleStationOperations', () => {
  it('handles every station channel of the table', () => {
    const { handlers } = setup();
    expect([...handlers.keys()].sort()).toEqual(
      ipcCalls(STATION_CALLS)
        .map((c) => c.channel)
        .sort(),
    );
  });

  it('serves the operations on the station and view services, without the caller', async () => {
    const { station, call } = setup();
    await expect(call('cameras:add', cameraInput({ camera_id: 'lobby' }))).resolves.toMatchObject({
      camera_id: 'lobby',
    });
    await expect(call('cameras:update', 'lobby', { name: 'Lobby' })).resolves.toMatchObject({
      name: 'Lobby',
    });
    await expect(call('cameras:restart', 'lobby')).resolves.toEqual({ message: 'Camera lobby restarted' });
    expect(station.restarted).toEqual(['lobby']);
    await expect(
      call('views:create', { view_id: 'v', name: 'V', layout: '1', tiles: ['lobby'] }),
    ).resolves.toMatchObject({ view_id: 'v' });
    await expect(call('views:list')).resolves.toHaveLength(1);
    await expect(call('views:delete', 'v')).resolves.toEqual({ message: 'View v deleted' });
    await expect(call('cameras:remove', 'lobby')).resolves.toEqual({ message: 'Camera lobby removed' });
    await expect(call('cameras:list')).resolves.toEqual([]);
  });

  it("hands the desk's pages stream info with tickets bound to the desk", () => {
    const { call, streams } = setup();
    expect(call('cameras:stream', 'lobby')).toEqual({ camera_id: 'lobby' });
    expect(streams).toEqual([['lobby', DESK.id]]);
  });

  it('gives the desk per-camera health detail', async () => {
    const { station, call } = setup();
    await station.addCamera(cameraInput());
    await expect(call('station:health')).resolves.toMatchObject({ cameras: [{ camera_id: 'entrance_cam' }] });
  });
});

describe('alarms over IPC', () => {
  it('acts as the desk: the operator named in the body is recorded, the calling page is not passed on', async () => {
    const handlers = new Map<string, Handler>();
    const ipc: IpcHandlers = { handle: (channel, handler) => handlers.set(channel, handler as Handler) };
    const station = new FakeStation();
    await station.addCamera(cameraInput({ camera_id: 'gate' }));
    const alarms = await AlarmBook.open({
      dataDir,
      logger: pino({ level: 'silent' }),
      hasCamera: (id) => station.cameras.has(id),
      publish: () => undefined,
    });
    try {
      handleStationOperations(ipc, {
        station,
        alarms,
        door: { streamInfo: () => ({}) as never },
        views: new ViewService(openViewStore({ dataDir })),
      });
      const call = (channel: string, ...args: unknown[]) =>
        handlers.get(channel)?.(...args, { page: 'caller' });
      const raised = (await call('alarms:raise', {
        camera_ids: ['gate'],
        severity: 'info',
        title: 'Seen on the wall',
      })) as Alarm;
      expect(raised.history[0]?.by).toBe('desk');
      const acked = (await call('alarms:acknowledge', raised.alarm_id, {
        operator: 'Ana',
        note: 'ok',
      })) as Alarm;
      expect(acked.history.at(-1)).toMatchObject({ action: 'acknowledged', by: 'Ana', note: 'ok' });
    } finally {
      await alarms.stop();
    }
  });
});
