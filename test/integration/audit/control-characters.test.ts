// F6/F7 on the lab: control characters in any text field are refused at the schema — 400 over REST, the same
// words over IPC, the field named — before anything reaches the camera or Janus. A CR LF in a user name never
// reaches a camera's Digest header (not even with skip_probe), and a NUL never reaches Janus (which would drop the
// request unanswered and leave the camera stuck in error).
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ErrorCode } from '../../../common/errors';
import { Door } from '../../../main/door/door';
import { handleStationOperations } from '../../../main/ipc/station-handlers';
import { openApiKeyStore } from '../../../main/store/api-keys';
import { ipcCall, type IpcHandlers } from '../../../main/ipc/dispatch';
import { ViewService } from '../../../main/station/views';
import { openViewStore } from '../../../main/store/view-store';
import { useLab } from '../../lab/vitest';
import { labCamera } from '../janus/connect';
import {
  freshDataDir,
  labGateway,
  removeDataDir,
  startStation,
  type RunningStation,
} from '../station/harness';
import { janusMountpoints } from '../station/janus-view';

const lab = useLab({ cameras: 1, auth: 'digest' });
let dataDir: string;
let running: RunningStation;
let door: Door;
const calls = new Map<string, (args: unknown[]) => Promise<unknown>>();

beforeAll(async () => {
  dataDir = await freshDataDir();
  running = await startStation(labGateway(lab()), dataDir);
  // The desktop app's IPC, on the same real station: main's handlers through the one dispatcher.
  const ipc: IpcHandlers = {
    handle: (channel, handler) => {
      const call = ipcCall(channel, handler, pino({ level: 'silent' }));
      calls.set(channel, (args) => call(args, undefined));
    },
  };
  const logger = pino({ level: 'silent' });
  door = new Door({ station: running.station.viewers, keys: openApiKeyStore(dataDir), logger });
  handleStationOperations(ipc, {
    station: running.station,
    views: new ViewService(openViewStore({ dataDir })),
    door,
  });
});
afterAll(async () => {
  door.close();
  await running.stop({ removeMountpoints: true });
  await removeDataDir(dataDir);
});

/** A good camera body from the lab's camera, changed by `change`. */
function body(change: Record<string, unknown>): Record<string, unknown> {
  const camera = labCamera(lab());
  return {
    camera_id: 'lobby',
    name: 'Lobby',
    rtsp_url: camera.url,
    username: camera.username,
    password: camera.password,
    auth_method: 'digest',
    ...change,
  };
}

type Refusal = { code: string; message: string; field?: string };

async function overRest(
  method: string,
  path: string,
  payload: unknown,
): Promise<{ status: number } & Refusal> {
  const response = await running.call(path, { method, body: payload });
  const { error } = (await response.json()) as { error: Refusal };
  return { status: response.status, ...error };
}

async function overIpc(channel: string, ...args: unknown[]): Promise<Refusal> {
  const result = (await calls.get(channel)?.(args)) as { ok: boolean; error: Refusal };
  expect(result.ok).toBe(false);
  return result.error;
}

describe('control characters', () => {
  it.each([
    [
      'a CR LF in the user name, with skip_probe',
      { username: 'root\r\nX-Injected: yes', skip_probe: true },
      'username',
    ],
    ['a NUL in the name', { name: 'Lobby\u0000' }, 'name'],
    ['a NUL in the description', { description: 'front\u0000door' }, 'description'],
    ['a NUL in the user name', { username: 'root\u0000' }, 'username'],
    ['a NUL in the password, with skip_probe', { password: 'pw\u0000', skip_probe: true }, 'password'],
    ['an escape character in a tag', { tags: ['lobby', 'red\u001b[31m'] }, 'tags/1'],
    ['a DEL in the URL', { rtsp_url: 'rtsp://127.0.0.1:554/cam\u007f' }, 'rtsp_url'],
  ])(
    'refuses %s with 400 naming the field, over REST and IPC in the same words',
    async (_what, change, field) => {
      const rest = await overRest('POST', '/cameras', body(change));
      expect(rest).toMatchObject({ status: 400, code: ErrorCode.Validation, field });
      expect(rest.message).toMatch(
        new RegExp(`^${field} must not contain control characters|^${field} must be an rtsp`),
      );
      const ipc = await overIpc('cameras:add', body(change));
      expect(ipc).toEqual({ code: rest.code, message: rest.message, field: rest.field });
    },
  );

  it('refuses a CR LF or NUL hidden in the URL’s credentials (percent-encoded), naming rtsp_url', async () => {
    const camera = labCamera(lab());
    const url = camera.url.replace('rtsp://', 'rtsp://root%0D%0AX-Injected:%20yes:pw%00@');
    const rest = await overRest(
      'POST',
      '/cameras',
      body({ rtsp_url: url, username: undefined, skip_probe: true }),
    );
    expect(rest).toMatchObject({ status: 400, code: ErrorCode.Validation, field: 'rtsp_url' });
    expect(rest.message).toMatch(/control character/);
  });

  it('refuses them in a change, and in a view’s name', async () => {
    expect((await running.call('/cameras', { method: 'POST', body: body({}) })).status).toBe(201);
    const patched = await overRest('PATCH', '/cameras/lobby', { username: 'admin\r\n' });
    expect(patched).toMatchObject({ status: 400, field: 'username' });
    expect(await overIpc('cameras:update', 'lobby', { username: 'admin\r\n' })).toMatchObject({
      message: patched.message,
    });
    // The harness's API serves no views; the desk's IPC does, with the REST API's words.
    const view = { view_id: 'desk', name: 'Desk\u0007', layout: '1', tiles: [null] };
    expect(await overIpc('views:create', view)).toEqual({
      code: ErrorCode.Validation,
      message: 'name must not contain control characters (line breaks, tabs, NUL and the like)',
      field: 'name',
    });
  });

  it('lets nothing refused reach Janus: one camera, one mountpoint, and it goes live', async () => {
    const cameras = (await (await running.call('/cameras')).json()) as {
      camera_id: string;
      status: string;
    }[];
    expect(cameras.map((c) => c.camera_id)).toEqual(['lobby']);
    const mountpoints = await janusMountpoints(lab());
    expect(mountpoints).toHaveLength(1);
    await expect
      .poll(
        async () => ((await (await running.call('/cameras/lobby')).json()) as { status: string }).status,
        {
          timeout: 20_000,
        },
      )
      .toBe('live');
  });
});
