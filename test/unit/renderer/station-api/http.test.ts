import { afterEach, describe, expect, it, vi } from 'vitest';

import { VigilError } from '../../../../common/errors';
import type { StationEvent } from '../../../../common/events';
import {
  REOPEN_DELAY_MS,
  parseEventFrame,
  type EventSourceLike,
} from '../../../../renderer/station-api/events';
import { createHttpStationApi } from '../../../../renderer/station-api/http';
import { fakeFetch, jsonResponse } from './fake-fetch';

class FakeEventSource implements EventSourceLike {
  static opened: FakeEventSource[] = [];
  readyState = 0;
  closed = false;
  readonly listeners = new Map<string, ((event: { data?: unknown }) => void)[]>();

  constructor(readonly url: string) {
    FakeEventSource.opened.push(this);
  }

  addEventListener(type: string, listener: (event: { data?: unknown }) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  close(): void {
    this.closed = true;
    this.readyState = 2;
  }

  emit(type: string, data?: unknown): void {
    for (const listener of this.listeners.get(type) ?? []) listener({ data });
  }
}

afterEach(() => {
  FakeEventSource.opened = [];
  vi.useRealTimers();
});

describe('createHttpStationApi', () => {
  it('sends same-origin JSON requests to the REST routes', async () => {
    const { fetch, calls } = fakeFetch(() => jsonResponse(200, { message: 'ok' }));
    const api = createHttpStationApi('http://station.local/', { fetch });
    await api.listCameras();
    await api.updateCamera('lobby cam', { name: 'Lobby' });
    await api.restartCamera('lobby');
    await api.removeCamera('lobby');
    await api.createView({ view_id: 'v', name: 'V', layout: '1', tiles: [null] });
    await api.deleteView('v');
    await api.streamInfo('lobby');
    expect(calls.map((c) => `${c.init.method ?? ''} ${c.url}`)).toEqual([
      'GET http://station.local/cameras',
      'PATCH http://station.local/cameras/lobby%20cam',
      'POST http://station.local/cameras/lobby/restart',
      'DELETE http://station.local/cameras/lobby',
      'POST http://station.local/views',
      'DELETE http://station.local/views/v',
      'GET http://station.local/cameras/lobby/stream',
    ]);
    for (const { init } of calls) expect(init.credentials).toBe('same-origin');
    expect(calls[1]?.init.headers).toMatchObject({ 'content-type': 'application/json' });
    expect(calls[1]?.init.body).toBe('{"name":"Lobby"}');
    expect(calls[2]?.init.body).toBeUndefined();
    expect(calls[2]?.init.headers).toMatchObject({ 'content-type': 'application/json' });
  });

  it('resolves with the parsed body', async () => {
    const view = { view_id: 'v', name: 'V', layout: '1', tiles: [null], tour: null };
    const { fetch } = fakeFetch(() => jsonResponse(200, [view]));
    expect(await createHttpStationApi('', { fetch }).listViews()).toEqual([view]);
  });

  it('rejects with VigilError from the error shape', async () => {
    const { fetch } = fakeFetch(() =>
      jsonResponse(409, {
        error: { code: 'VIGIL_ERR_CAMERA_EXISTS', message: 'exists', field: 'camera_id' },
      }),
    );
    const api = createHttpStationApi('', { fetch });
    await expect(
      api.addCamera({ camera_id: 'a', name: 'A', rtsp_url: 'rtsp://127.0.0.1/a' }),
    ).rejects.toMatchObject({
      name: 'VigilError',
      code: 'VIGIL_ERR_CAMERA_EXISTS',
      field: 'camera_id',
    });
  });

  it('rejects with VIGIL_ERR_NETWORK when the station cannot be reached', async () => {
    const api = createHttpStationApi('', { fetch: () => Promise.reject(new TypeError('Failed to fetch')) });
    const error = await api.health().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VigilError);
    expect(error).toMatchObject({
      code: 'VIGIL_ERR_NETWORK',
      message: 'Cannot reach the station at this origin (Failed to fetch)',
    });
  });
});

describe('parseEventFrame', () => {
  const state: StationEvent = {
    type: 'camera.state',
    camera_id: 'lobby',
    state: 'live',
    previous: 'starting',
    at: '2025-01-01T00:00:00.000Z',
  };

  it('parses the JSON of a known event type', () => {
    expect(parseEventFrame('camera.state', JSON.stringify(state))).toEqual(state);
  });

  it.each([
    ['unknown type', 'camera.exploded', JSON.stringify({ ...state, type: 'camera.exploded' })],
    ['type mismatch', 'camera.added', JSON.stringify(state)],
    ['bad JSON', 'camera.state', '{nope'],
    ['not a string', 'camera.state', 42],
    ['no at', 'gateway.up', JSON.stringify({ type: 'gateway.up' })],
  ])('drops a frame with %s', (_what, type, data) => {
    expect(parseEventFrame(type, data)).toBeUndefined();
  });
});

describe('onEvent', () => {
  const added = { type: 'camera.added', camera_id: 'a', at: '2025-01-01T00:00:00.000Z' };
  const eventSource = (url: string): FakeEventSource => new FakeEventSource(url);

  it('shares one EventSource on /events between listeners and closes it with the last', () => {
    const api = createHttpStationApi('http://station.local', { eventSource });
    const first: StationEvent[] = [];
    const second: StationEvent[] = [];
    const stopFirst = api.onEvent((event) => first.push(event));
    const stopSecond = api.onEvent((event) => second.push(event));
    expect(FakeEventSource.opened.map((s) => s.url)).toEqual(['http://station.local/events']);
    const source = FakeEventSource.opened[0];
    source?.emit('camera.added', JSON.stringify(added));
    source?.emit('message', JSON.stringify(added));
    expect(first).toEqual([added]);
    expect(second).toEqual([added]);
    stopFirst();
    expect(source?.closed).toBe(false);
    stopSecond();
    expect(source?.closed).toBe(true);
  });

  it('names the wall on its event stream when the page is one (?wall=NAME)', () => {
    const api = createHttpStationApi('', { eventSource, wall: 'desk-1-left' });
    const stop = api.onEvent(() => undefined);
    expect(FakeEventSource.opened.at(-1)?.url).toBe('/events?wall=desk-1-left');
    stop();
  });

  it('opens the stream again after EventSource gave up, while someone listens', () => {
    vi.useFakeTimers();
    const api = createHttpStationApi('', { eventSource });
    const seen: StationEvent[] = [];
    const stop = api.onEvent((event) => seen.push(event));
    const first = FakeEventSource.opened[0];
    if (first === undefined) throw new Error('no EventSource');
    first.emit('error');
    expect(FakeEventSource.opened).toHaveLength(1);
    first.readyState = 2;
    first.emit('error');
    vi.advanceTimersByTime(REOPEN_DELAY_MS);
    expect(FakeEventSource.opened).toHaveLength(2);
    FakeEventSource.opened[1]?.emit('gateway.up', JSON.stringify({ type: 'gateway.up', at: added.at }));
    expect(seen).toEqual([{ type: 'gateway.up', at: added.at }]);
    stop();
    expect(FakeEventSource.opened[1]?.closed).toBe(true);
  });
});
