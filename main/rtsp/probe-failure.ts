import type { ProbeFailure, ProbeFailureReason, ProbeField } from '../../common/probe';
import {
  CameraError,
  RtspAuthUnsupportedError,
  RtspClosedError,
  RtspNetworkError,
  RtspProtocolError,
  RtspTimeoutError,
  RtspUrlError,
} from './errors';
import { formatHostPort, type RtspTarget } from './rtsp-url';

/** Where a probe was going, for messages. */
export type ProbePlace = Pick<RtspTarget, 'host' | 'port' | 'path'>;

/** Builds a failure; `field` and `status` are left out when undefined. */
export function failure(
  reason: ProbeFailureReason,
  message: string,
  field?: ProbeField,
  status?: number,
): ProbeFailure {
  return {
    ok: false,
    reason,
    message,
    ...(field === undefined ? {} : { field }),
    ...(status === undefined ? {} : { status }),
  };
}

/** Classifies an operating-system socket error code (never its message). */
export function networkFailure(errno: string | undefined, place: ProbePlace): ProbeFailure {
  const where = formatHostPort(place.host, place.port);
  switch (errno) {
    case 'ECONNREFUSED':
      return failure(
        'connection_refused',
        `Nothing is listening on ${where}. Is the camera on, and is the RTSP port right?`,
        'rtsp_url',
      );
    case 'EHOSTUNREACH':
    case 'EHOSTDOWN':
      return failure(
        'host_unreachable',
        `The camera at ${place.host} cannot be reached (no route to host). Check its IP address, and that it is powered and on this station's network.`,
        'rtsp_url',
      );
    case 'ENETUNREACH':
    case 'ENETDOWN':
      return failure(
        'host_unreachable',
        `This station has no network route to ${place.host}. Check the camera's IP address and the station's network settings.`,
        'rtsp_url',
      );
    case 'ENOTFOUND':
    case 'EAI_NONAME':
    case 'EAI_FAIL':
      return failure(
        'host_unreachable',
        `The host name ${place.host} could not be found (DNS). Check its spelling, or use the camera's IP address.`,
        'rtsp_url',
      );
    case 'EAI_AGAIN':
      return failure(
        'host_unreachable',
        `The host name ${place.host} could not be looked up right now (DNS not answering). Try again, or use the camera's IP address.`,
        'rtsp_url',
      );
    case 'ETIMEDOUT':
      return failure(
        'timeout',
        `No answer from ${where}. Check the address and port, and that no firewall drops RTSP.`,
        'rtsp_url',
      );
    case 'ECONNRESET':
    case 'EPIPE':
      return closedFailure('the exchange', place);
    default:
      return failure(
        'network_error',
        `Could not talk to the camera at ${where} (network error ${errno ?? 'without a code'}).`,
        'rtsp_url',
      );
  }
}

/** Maps an error thrown by the RTSP client or URL parser to a failure; undefined for anything else. */
export function failureFromError(error: unknown, place: ProbePlace): ProbeFailure | undefined {
  if (!(error instanceof CameraError)) return undefined;
  const where = formatHostPort(place.host, place.port);
  if (error instanceof RtspUrlError) return failure('invalid_url', error.message, error.field);
  if (error instanceof RtspNetworkError) return networkFailure(error.errno, place);
  if (error instanceof RtspClosedError) return closedFailure(error.step, place);
  if (error instanceof RtspTimeoutError) {
    return failure(
      'timeout',
      `No answer from ${where} within ${seconds(error.timeoutMs)} (waiting for ${error.step}). Check the address and port, and that the camera is not overloaded.`,
      'rtsp_url',
    );
  }
  if (error instanceof RtspProtocolError) return protocolFailure(error, where);
  if (error instanceof RtspAuthUnsupportedError) {
    const offered =
      error.schemes.length === 0 ? 'none named' : error.schemes.map((s) => s.toUpperCase()).join(', ');
    return failure(
      'auth_unsupported',
      `The camera asks for a login method Janus cannot use (offered: ${offered}). Set the camera to Digest or Basic authentication.`,
    );
  }
  return undefined;
}

/** Maps a non-success RTSP status to a failure. */
export function statusFailure(
  step: string,
  status: number,
  reasonPhrase: string,
  place: ProbePlace,
  hasCredentials: boolean,
): ProbeFailure {
  switch (status) {
    case 401:
      return hasCredentials
        ? failure(
            'auth_failed',
            "The camera refused the username or password (RTSP 401). Check them in the camera's settings.",
            'password',
            status,
          )
        : failure(
            'auth_failed',
            "The camera asks for a username and password (RTSP 401). Enter the ones set in the camera's settings.",
            'username',
            status,
          );
    case 403:
      return failure(
        'auth_failed',
        "The camera accepted the login but does not let this user watch the stream (RTSP 403). Check the user's rights in the camera's settings.",
        'username',
        status,
      );
    case 404:
      return failure(
        'not_found',
        `The camera has no stream at path ${place.path}. Check the path in rtsp_url.`,
        'rtsp_url',
        status,
      );
    case 461:
      return tcpOnlyFailure(status);
    default:
      return failure(
        'rtsp_error',
        `The camera answered ${step} with RTSP ${status}${reasonPhrase === '' ? '' : ` ${reasonPhrase}`}. Try again, or restart the camera.`,
        undefined,
        status,
      );
  }
}

/** The camera streams over TCP only, which Janus cannot receive. */
export function tcpOnlyFailure(status?: number): ProbeFailure {
  return failure(
    'tcp_only',
    "The camera only sends video over TCP (RTSP interleaved), but Janus receives RTSP video over UDP only. Allow UDP/RTP in the camera's network or streaming settings.",
    undefined,
    status,
  );
}

function closedFailure(step: string, place: ProbePlace): ProbeFailure {
  return failure(
    'connection_closed',
    `The camera at ${formatHostPort(place.host, place.port)} closed the connection during ${step}. It may have reached its limit of viewers: try again, or restart the camera.`,
  );
}

function protocolFailure(error: RtspProtocolError, where: string): ProbeFailure {
  switch (error.problem) {
    case 'http':
      return failure(
        'protocol_error',
        `${where} answers HTTP, not RTSP. Check the port in rtsp_url (RTSP usually uses 554).`,
        'rtsp_url',
      );
    case 'bad_sdp':
      return failure(
        'protocol_error',
        `The camera at ${where} described its stream in a form that is not valid SDP. Check the path in rtsp_url, or update the camera's firmware.`,
        'rtsp_url',
      );
    default:
      return failure(
        'protocol_error',
        `The service at ${where} does not answer like an RTSP camera. Check the address and port in rtsp_url.`,
        'rtsp_url',
      );
  }
}

function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`;
}
