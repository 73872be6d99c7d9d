import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, expectTypeOf, it } from 'vitest';

import { ErrorCode, VigilError } from '../../../common/errors';
import {
  fillMessage,
  isServed,
  paramsOf,
  serveOperation,
  type MisfitHandlers,
} from '../../../main/api/operations';
import { ViewService } from '../../../main/station/views';
import { openViewStore } from '../../../main/store/view-store';
import { FakeStation, cameraInput } from './fixtures';

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'vigil-operations-'));
});
afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

/** A view service on a real store (its private fields prove the method is called on the service). */
function views(): ViewService {
  return new ViewService(openViewStore({ dataDir }));
}

describe('the handlers the table names', () => {
  it('fit the table: each takes the operation’s arguments and gives its answer', () => {
    expectTypeOf<MisfitHandlers>().toBeNever();
  });

  it('leave health and the desktop operations to their hosts', () => {
    expect(isServed('cameras.restart')).toBe(true);
    expect(isServed('views.create')).toBe(true);
    expect(isServed('system.health')).toBe(false);
    expect(isServed('desktop.settings')).toBe(false);
  });
});

describe('serveOperation', () => {
  it("calls the station's method and answers its value", async () => {
    const station = new FakeStation();
    const added = await serveOperation({ station }, 'cameras.add', [cameraInput()]);
    expect(added).toMatchObject({ camera_id: 'entrance_cam' });
    await expect(serveOperation({ station }, 'cameras.list', [])).resolves.toMatchObject([added]);
  });

  it('answers { message } when the method resolves to nothing', async () => {
    const station = new FakeStation();
    await station.addCamera(cameraInput({ camera_id: 'lobby' }));
    await expect(serveOperation({ station }, 'cameras.restart', ['lobby'])).resolves.toEqual({
      message: 'Camera lobby restarted',
    });
    expect(station.restarted).toEqual(['lobby']);
  });

  it('calls a service method as a method (this is the service)', async () => {
    const service = views();
    const view = { view_id: 'lobby', name: 'Lobby', layout: '1' as const, tiles: [null] };
    await serveOperation({ views: service }, 'views.create', [view]);
    await expect(serveOperation({ views: service }, 'views.delete', ['lobby'])).resolves.toEqual({
      message: 'View lobby deleted',
    });
  });

  it('passes the service’s VigilError through', async () => {
    await expect(
      serveOperation({ station: new FakeStation() }, 'cameras.get', ['nope']),
    ).rejects.toMatchObject({ code: ErrorCode.CameraNotFound });
    await expect(serveOperation({ views: views() }, 'views.get', ['nope'])).rejects.toBeInstanceOf(
      VigilError,
    );
  });

  it('says which service is missing', async () => {
    await expect(serveOperation({}, 'views.list', [])).rejects.toThrow('views.list needs views.list');
  });
});

describe('messages', () => {
  it.each([
    ['Camera {camera_id} restarted', { camera_id: 'lobby' }, 'Camera lobby restarted'],
    ['View {view_id} deleted', { view_id: 'v' }, 'View v deleted'],
    ['{unknown} stays', {}, '{unknown} stays'],
    ['{toString} stays', {}, '{toString} stays'],
  ])('%s with %o → %s', (template, params, message) => {
    expect(fillMessage(template, params)).toBe(message);
  });

  it('names path parameters from the arguments', () => {
    expect(paramsOf('cameras.update', ['lobby', { name: 'x' }])).toEqual({ camera_id: 'lobby' });
    expect(paramsOf('cameras.list', [])).toEqual({});
    expect(paramsOf('desktop.wall-view', ['v'])).toEqual({});
  });
});
