import { describe, expect, it } from 'vitest';

import {
  ErrorCode,
  VigilError,
  codeForStatus,
  errorFromWire,
  errorStatus,
  isErrorCode,
} from '../../../common/errors';

describe('the status table', () => {
  it.each([
    [400, ErrorCode.Validation],
    [401, ErrorCode.Unauthenticated],
    [403, ErrorCode.Forbidden],
    [404, ErrorCode.NotFound],
    [409, ErrorCode.CameraExists],
    [413, ErrorCode.PayloadTooLarge],
    [415, ErrorCode.UnsupportedMediaType],
    [422, ErrorCode.CameraUnreachable],
    [429, ErrorCode.RateLimited],
    [500, ErrorCode.Internal],
    [503, ErrorCode.GatewayUnavailable],
    [418, undefined],
    [502, undefined],
  ])('a bare %i stands for %s', (status, code) => {
    expect(codeForStatus(status)).toBe(code);
  });

  it('gives client-only codes no status and every station code one', () => {
    const clientOnly = [ErrorCode.Network, ErrorCode.BadResponse, ErrorCode.Cancelled, ErrorCode.Playback];
    for (const code of Object.values(ErrorCode)) {
      expect(errorStatus[code] === undefined).toBe(clientOnly.includes(code as never));
    }
  });

  it('knows its codes and nothing else', () => {
    expect(isErrorCode('VIGIL_ERR_CAMERA_NOT_FOUND')).toBe(true);
    expect(isErrorCode('VIGIL_ERR_PLAYBACK')).toBe(true);
    for (const other of ['SOMETHING_NEW', 'toString', '__proto__', 42, null]) {
      expect(isErrorCode(other)).toBe(false);
    }
  });
});

describe('VigilError', () => {
  it('carries code, message, field, status and cause, and answers the error body', () => {
    const cause = new TypeError('socket');
    const error = new VigilError(ErrorCode.CameraExists, 'exists', 'camera_id', { status: 409, cause });
    expect(error).toMatchObject({ name: 'VigilError', code: 'VIGIL_ERR_CAMERA_EXISTS', field: 'camera_id' });
    expect(error.status).toBe(409);
    expect(error.cause).toBe(cause);
    expect(error.toBody()).toEqual({
      error: { code: 'VIGIL_ERR_CAMERA_EXISTS', message: 'exists', field: 'camera_id' },
    });
    expect(new VigilError(ErrorCode.Internal, 'x').toBody()).toEqual({
      error: { code: 'VIGIL_ERR_INTERNAL', message: 'x' },
    });
  });
});

describe('errorFromWire', () => {
  it('keeps the code, message, field and status of the error shape', () => {
    const error = errorFromWire(
      { error: { code: 'VIGIL_ERR_VALIDATION', message: 'tiles has 1 entry', field: 'tiles' } },
      400,
    );
    expect(error).toBeInstanceOf(VigilError);
    expect(error).toMatchObject({
      code: 'VIGIL_ERR_VALIDATION',
      message: 'tiles has 1 entry',
      field: 'tiles',
      status: 400,
    });
  });

  it('decodes an IPC failure (the same body, plus ok) without a status', () => {
    const error = errorFromWire({
      ok: false,
      error: { code: 'VIGIL_ERR_CAMERA_NOT_FOUND', message: 'gone' },
    });
    expect(error).toMatchObject({ code: 'VIGIL_ERR_CAMERA_NOT_FOUND', message: 'gone', status: undefined });
    expect(error.field).toBeUndefined();
  });

  it.each([
    [
      'an unknown code, by status',
      { error: { code: 'SOMETHING_NEW', message: 'gone' } },
      404,
      'VIGIL_ERR_NOT_FOUND',
      'gone',
    ],
    [
      'an unknown code over IPC',
      { error: { code: 'SOMETHING_NEW', message: 'x' } },
      undefined,
      'VIGIL_ERR_INTERNAL',
      'x',
    ],
    ['no body, by status', undefined, 401, 'VIGIL_ERR_UNAUTHENTICATED', 'The station answered HTTP 401'],
    ['a proxy page, 5xx', 'Bad gateway', 502, 'VIGIL_ERR_INTERNAL', 'The station answered HTTP 502'],
    ['a proxy page, odd 4xx', '<html>', 418, 'VIGIL_ERR_BAD_RESPONSE', 'The station answered HTTP 418'],
    [
      'a code that is not a string',
      { error: { code: 5, message: 'x' } },
      400,
      'VIGIL_ERR_VALIDATION',
      'The station answered HTTP 400',
    ],
    [
      'an Error (IPC without an answer)',
      new Error('Error invoking remote method'),
      undefined,
      'VIGIL_ERR_INTERNAL',
      'The station failed to answer',
    ],
    ['null', null, undefined, 'VIGIL_ERR_INTERNAL', 'The station failed to answer'],
  ])('decodes %s', (_what, body, status, code, message) => {
    expect(errorFromWire(body, status)).toMatchObject({ code, message, status });
  });

  it('drops a field that is not a string', () => {
    expect(errorFromWire({ error: { code: 'VIGIL_ERR_VALIDATION', message: 'x', field: 3 } }).field).toBe(
      undefined,
    );
  });
});
