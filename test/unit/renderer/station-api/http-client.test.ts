import { describe, expect, it } from 'vitest';

import { ErrorCode, VigilError } from '../../../../common/errors';
import { OPERATION_LIST } from '../../../../common/operations';
import { pathParams } from '../../../../common/operations/names';
import { createStationHttpClient, requestFor } from '../../../../renderer/station-api/http-client';
import { fakeFetch, jsonResponse } from './fake-fetch';

/** Every REST operation with sample arguments: an id needing encoding per path parameter, then a body. */
const CASES = OPERATION_LIST.flatMap((operation) => {
  if (operation.rest === undefined || operation.rest.media !== undefined) return [];
  const params = pathParams(operation.rest.path);
  const args: unknown[] = params.map(() => 'a b/c');
  if (operation.args.length > params.length) args.push({ sample: operation.name });
  const path = operation.rest.path.replace(/:\w+/g, 'a%20b%2Fc');
  // A GET or a query route sends its argument as the query string, not a body.
  const query =
    (operation.rest.query === true || operation.rest.verb === 'GET') && args.length > params.length;
  const url = query ? `${path}?sample=${operation.name}` : path;
  return [[operation.name, operation.method, args, operation.rest.verb, url, !query] as const];
});

describe('createStationHttpClient', () => {
  it('has one method per REST operation of the table', () => {
    const client = createStationHttpClient();
    expect(Object.keys(client).sort()).toEqual(CASES.map(([, method]) => method).sort());
  });

  it.each(CASES)('%s: %s sends %s %s with its body', async (_name, method, args, verb, path, hasBody) => {
    const { fetch, calls } = fakeFetch();
    const client = createStationHttpClient({
      baseUrl: 'http://127.0.0.1:3000/',
      apiKey: 'vigil_view_k',
      fetch,
    });
    const call = (client as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[method];
    await expect(call?.(...args)).resolves.toEqual({ ok: true });
    const body = hasBody ? args.find((arg) => typeof arg === 'object') : undefined;
    expect(calls).toEqual([
      {
        url: `http://127.0.0.1:3000${path}`,
        init: {
          method: verb,
          credentials: 'same-origin',
          headers: {
            accept: 'application/json',
            authorization: 'Bearer vigil_view_k',
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        },
      },
    ]);
  });

  it('logs in with the same-origin session cookie without a key; a change then always says JSON', async () => {
    const { fetch, calls } = fakeFetch();
    const client = createStationHttpClient({ fetch });
    await client.listCameras();
    await client.restartCamera('lobby');
    expect(calls.map((s) => s.url)).toEqual(['/cameras', '/cameras/lobby/restart']);
    expect(calls[0]?.init.headers).toEqual({ accept: 'application/json' });
    expect(calls[1]?.init).toMatchObject({
      credentials: 'same-origin',
      headers: { accept: 'application/json', 'content-type': 'application/json' },
    });
    expect(calls[1]?.init.body).toBeUndefined();
  });

  it('decodes an error answer into a VigilError with its status', async () => {
    const body = { error: { code: 'VIGIL_ERR_CAMERA_EXISTS', message: 'exists', field: 'camera_id' } };
    const { fetch } = fakeFetch(() => jsonResponse(409, body));
    const error = await createStationHttpClient({ fetch })
      .addCamera({ camera_id: 'a', name: 'A', rtsp_url: 'rtsp://127.0.0.2/a' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VigilError);
    expect(error).toMatchObject({
      code: ErrorCode.CameraExists,
      message: 'exists',
      field: 'camera_id',
      status: 409,
    });
  });

  it('decodes a bare status, an unreachable station and an answer that is not JSON', async () => {
    const bare = fakeFetch(() => new Response('<html>', { status: 401 }));
    await expect(createStationHttpClient({ fetch: bare.fetch }).health()).rejects.toMatchObject({
      code: ErrorCode.Unauthenticated,
      status: 401,
    });
    const cause = new TypeError('Failed to fetch');
    const down = createStationHttpClient({
      baseUrl: 'http://127.0.0.1:9',
      fetch: () => Promise.reject(cause),
    });
    await expect(down.listViews()).rejects.toMatchObject({
      code: ErrorCode.Network,
      message: 'Cannot reach the station at http://127.0.0.1:9 (Failed to fetch)',
      status: undefined,
      cause,
    });
    const garbled = fakeFetch(() => new Response('not json', { status: 200 }));
    await expect(createStationHttpClient({ fetch: garbled.fetch }).listCameras()).rejects.toMatchObject({
      code: ErrorCode.BadResponse,
      message: 'GET /cameras did not answer JSON',
      status: 200,
    });
  });
});

describe('requestFor', () => {
  it.each([
    [{ verb: 'GET', path: '/cameras' } as const, [], '/cameras', undefined],
    [
      { verb: 'PATCH', path: '/cameras/:camera_id' } as const,
      ['a/b', { name: 'x' }],
      '/cameras/a%2Fb',
      { name: 'x' },
    ],
    [{ verb: 'POST', path: '/views/:view_id/tiles/:index' } as const, ['v', 3, [1]], '/views/v/tiles/3', [1]],
  ])('%o with %o → %s', (route, args, path, body) => {
    expect(requestFor(route, args)).toEqual({ path, body });
  });
});
