import { describe, expect, it } from 'vitest';

import {
  RtspAbortedError,
  RtspAuthUnsupportedError,
  RtspClosedError,
  RtspNetworkError,
  RtspProtocolError,
  RtspTimeoutError,
  RtspUrlError,
} from '../../../main/rtsp/errors';
import { PROBE_FAILURE_REASONS } from '../../../common/probe';
import { failureFromError, networkFailure, statusFailure } from '../../../main/rtsp/probe-failure';

const contains = (text: string): unknown => expect.stringContaining(text);
const matches = (pattern: RegExp): unknown => expect.stringMatching(pattern);
const place = { host: '127.0.0.1', port: 8554, path: '/cam1' };

describe('networkFailure', () => {
  it.each([
    [
      'ECONNREFUSED',
      'connection_refused',
      /^Nothing is listening on 127\.0\.0\.1:8554\. Is the camera on, and is the RTSP port right\?$/,
    ],
    ['EHOSTUNREACH', 'host_unreachable', /no route to host/],
    ['EHOSTDOWN', 'host_unreachable', /no route to host/],
    ['ENETUNREACH', 'host_unreachable', /no network route/],
    ['ENETDOWN', 'host_unreachable', /no network route/],
    ['ENOTFOUND', 'host_unreachable', /could not be found \(DNS\)/],
    ['EAI_NONAME', 'host_unreachable', /could not be found \(DNS\)/],
    ['EAI_FAIL', 'host_unreachable', /could not be found \(DNS\)/],
    ['EAI_AGAIN', 'host_unreachable', /DNS not answering/],
    ['ETIMEDOUT', 'timeout', /No answer from 127\.0\.0\.1:8554/],
    ['ECONNRESET', 'connection_closed', /closed the connection/],
    ['EPIPE', 'connection_closed', /closed the connection/],
    ['EPROTO', 'network_error', /network error EPROTO/],
    [undefined, 'network_error', /without a code/],
  ])('%s → %s', (errno, reason, message) => {
    const result = networkFailure(errno, place);
    expect(result).toMatchObject({ ok: false, reason });
    expect(result.message).toMatch(message);
  });

  it('brackets an IPv6 host', () => {
    expect(networkFailure('ECONNREFUSED', { ...place, host: '::1' }).message).toContain('[::1]:8554');
  });
});

describe('statusFailure', () => {
  it.each([
    [
      401,
      true,
      { reason: 'auth_failed', field: 'password', status: 401 },
      /refused the username or password \(RTSP 401\)/,
    ],
    [
      401,
      false,
      { reason: 'auth_failed', field: 'username', status: 401 },
      /asks for a username and password/,
    ],
    [403, true, { reason: 'auth_failed', field: 'username', status: 403 }, /RTSP 403/],
    [
      404,
      true,
      { reason: 'not_found', field: 'rtsp_url', status: 404 },
      /^The camera has no stream at path \/cam1\. Check the path in rtsp_url\.$/,
    ],
    [461, true, { reason: 'tcp_only', status: 461 }, /UDP only/],
    [503, true, { reason: 'rtsp_error', status: 503 }, /answered DESCRIBE with RTSP 503 Busy/],
  ])('%d (credentials given: %s)', (status, hasCredentials, expected, message) => {
    const result = statusFailure('DESCRIBE', status, 'Busy', place, hasCredentials);
    expect(result).toMatchObject({ ok: false, ...expected });
    expect(result.message).toMatch(message);
  });
});

describe('failureFromError', () => {
  it.each([
    [new RtspUrlError('bad'), { reason: 'invalid_url', field: 'rtsp_url', message: 'bad' }],
    [new RtspNetworkError('ECONNREFUSED', 'connect'), { reason: 'connection_refused' }],
    [
      new RtspClosedError('DESCRIBE', true),
      { reason: 'connection_closed', message: contains('during DESCRIBE') },
    ],
    [
      new RtspTimeoutError('DESCRIBE', 5000),
      {
        reason: 'timeout',
        message: matches(/^No answer from 127\.0\.0\.1:8554 within 5 s \(waiting for DESCRIBE\)/),
      },
    ],
    [new RtspTimeoutError('connect', 250), { reason: 'timeout', message: contains('within 0.3 s') }],
    [new RtspProtocolError('http', 'x'), { reason: 'protocol_error', message: contains('answers HTTP') }],
    [new RtspProtocolError('bad_sdp', 'x'), { reason: 'protocol_error', message: contains('not valid SDP') }],
    [new RtspProtocolError('not_rtsp', 'x'), { reason: 'protocol_error', message: contains('RTSP camera') }],
    [
      new RtspAuthUnsupportedError(['ntlm', 'negotiate']),
      { reason: 'auth_unsupported', message: contains('offered: NTLM, NEGOTIATE') },
    ],
  ])('maps %s', (error, expected) => {
    expect(failureFromError(error, place)).toMatchObject({ ok: false, ...expected });
  });

  it('leaves aborts and foreign errors to the caller', () => {
    expect(failureFromError(new RtspAbortedError(undefined), place)).toBeUndefined();
    expect(failureFromError(new Error('boom'), place)).toBeUndefined();
  });

  it('lists every reason once', () => {
    expect(new Set(PROBE_FAILURE_REASONS).size).toBe(PROBE_FAILURE_REASONS.length);
  });
});
