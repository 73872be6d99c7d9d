// The one error vocabulary of every Vigil surface: the codes, the one status table, the one error class, and
// the one decoder that turns an error answer (REST body, IPC failure) back into that class. No TypeBox here:
// the SDK bundles this file (the error body's schema is in ./answers).
import type { ErrorBody } from './answers';

/** Stable error codes every Vigil surface (REST, IPC, SDK) uses; clients branch on these, never on text. */
export const ErrorCode = {
  Validation: 'VIGIL_ERR_VALIDATION',
  Unauthenticated: 'VIGIL_ERR_UNAUTHENTICATED',
  Forbidden: 'VIGIL_ERR_FORBIDDEN',
  NotFound: 'VIGIL_ERR_NOT_FOUND',
  CameraNotFound: 'VIGIL_ERR_CAMERA_NOT_FOUND',
  CameraExists: 'VIGIL_ERR_CAMERA_EXISTS',
  ViewNotFound: 'VIGIL_ERR_VIEW_NOT_FOUND',
  ViewExists: 'VIGIL_ERR_VIEW_EXISTS',
  /** Nothing is recorded for that camera at that instant or span (the message names the oldest recording). */
  RecordingNotFound: 'VIGIL_ERR_RECORDING_NOT_FOUND',
  AlarmNotFound: 'VIGIL_ERR_ALARM_NOT_FOUND',
  /** The alarm's state does not allow this (acknowledging a closed alarm); the message names the state. */
  AlarmState: 'VIGIL_ERR_ALARM_STATE',
  /** No wall of that name is connected now. */
  WallNotFound: 'VIGIL_ERR_WALL_NOT_FOUND',
  WebhookNotFound: 'VIGIL_ERR_WEBHOOK_NOT_FOUND',
  PayloadTooLarge: 'VIGIL_ERR_PAYLOAD_TOO_LARGE',
  UnsupportedMediaType: 'VIGIL_ERR_UNSUPPORTED_MEDIA_TYPE',
  CameraUnreachable: 'VIGIL_ERR_CAMERA_UNREACHABLE',
  RateLimited: 'VIGIL_ERR_RATE_LIMITED',
  HostNotAllowed: 'VIGIL_ERR_HOST_NOT_ALLOWED',
  GatewayUnavailable: 'VIGIL_ERR_GATEWAY_UNAVAILABLE',
  /** The station cannot save changes now (its data folder is full, read-only or not writable); nothing changed. */
  StorageUnavailable: 'VIGIL_ERR_STORAGE_UNAVAILABLE',
  /** Cluster mode: NATS cannot be reached, so nothing can be changed now; live video and reads go on. */
  ClusterUnavailable: 'VIGIL_ERR_CLUSTER_UNAVAILABLE',
  /** Cluster mode: another station changed the same record meanwhile; read it again and retry. */
  Conflict: 'VIGIL_ERR_CONFLICT',
  Internal: 'VIGIL_ERR_INTERNAL',
  /** Client only: the station could not be reached (network down, CORS refused, wrong URL). */
  Network: 'VIGIL_ERR_NETWORK',
  /** Client only: the station answered something that is not the JSON the contract promises. */
  BadResponse: 'VIGIL_ERR_BAD_RESPONSE',
  /** Client only: a stop (or a newer start) came before a stream started. */
  Cancelled: 'VIGIL_ERR_CANCELLED',
  /** Client only: the player gave up on a stream. */
  Playback: 'VIGIL_ERR_PLAYBACK',
} as const;

/** One of the stable error codes. */
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/**
 * The one status table: the HTTP status each code is answered with. Client-only codes have none (no station
 * answers them); a bare status (an answer without the error body) stands for the first code listed with it.
 */
export const errorStatus: Record<ErrorCode, number | undefined> = {
  VIGIL_ERR_VALIDATION: 400,
  VIGIL_ERR_UNAUTHENTICATED: 401,
  VIGIL_ERR_FORBIDDEN: 403,
  VIGIL_ERR_NOT_FOUND: 404,
  VIGIL_ERR_CAMERA_NOT_FOUND: 404,
  VIGIL_ERR_CAMERA_EXISTS: 409,
  VIGIL_ERR_VIEW_NOT_FOUND: 404,
  VIGIL_ERR_VIEW_EXISTS: 409,
  VIGIL_ERR_RECORDING_NOT_FOUND: 404,
  VIGIL_ERR_ALARM_NOT_FOUND: 404,
  VIGIL_ERR_ALARM_STATE: 409,
  VIGIL_ERR_WALL_NOT_FOUND: 404,
  VIGIL_ERR_WEBHOOK_NOT_FOUND: 404,
  VIGIL_ERR_PAYLOAD_TOO_LARGE: 413,
  VIGIL_ERR_UNSUPPORTED_MEDIA_TYPE: 415,
  VIGIL_ERR_CAMERA_UNREACHABLE: 422,
  VIGIL_ERR_RATE_LIMITED: 429,
  VIGIL_ERR_HOST_NOT_ALLOWED: 403,
  VIGIL_ERR_GATEWAY_UNAVAILABLE: 503,
  VIGIL_ERR_STORAGE_UNAVAILABLE: 503,
  VIGIL_ERR_CLUSTER_UNAVAILABLE: 503,
  VIGIL_ERR_CONFLICT: 409,
  VIGIL_ERR_INTERNAL: 500,
  VIGIL_ERR_NETWORK: undefined,
  VIGIL_ERR_BAD_RESPONSE: undefined,
  VIGIL_ERR_CANCELLED: undefined,
  VIGIL_ERR_PLAYBACK: undefined,
};

const CODES = Object.keys(errorStatus) as ErrorCode[];

/** The code a bare HTTP status stands for (the first one the status table lists with it), if any. */
export function codeForStatus(status: number): ErrorCode | undefined {
  return CODES.find((code) => errorStatus[code] === status);
}

/** Whether a string is one of the stable codes. */
export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.hasOwn(errorStatus, code);
}

/** What else a VigilError may carry: the HTTP status of the answer it came in, and the cause. */
export interface VigilErrorOptions extends ErrorOptions {
  status?: number | undefined;
}

/**
 * The one error class of Vigil. The station throws it; it crosses REST and IPC as the error body; every client
 * (the wall over HTTP or IPC, the SDK as `VASError`) gets it back from `errorFromWire`. Branch on `code`.
 * @example
 * try { await api.restartCamera('lobby'); }
 * catch (error) { if (error instanceof VigilError && error.code === ErrorCode.CameraNotFound) showGone(); }
 */
export class VigilError extends Error {
  override readonly name = 'VigilError';
  /** The HTTP status of the station's answer; undefined over IPC, when no answer came, or when thrown here. */
  readonly status: number | undefined;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    options: VigilErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.status = options.status;
  }

  /** The error as the REST/IPC error body. */
  toBody(): ErrorBody {
    return {
      error: { code: this.code, message: this.message, ...(this.field ? { field: this.field } : {}) },
    };
  }
}

/** The `error` part of an error body, when `body` has one with a string code and message. */
function errorPart(body: unknown): { code: string; message: string; field?: unknown } | undefined {
  if (typeof body !== 'object' || body === null || !('error' in body)) return undefined;
  const { error } = body;
  if (typeof error !== 'object' || error === null) return undefined;
  if (!('code' in error) || typeof error.code !== 'string') return undefined;
  if (!('message' in error) || typeof error.message !== 'string') return undefined;
  return error as { code: string; message: string; field?: unknown };
}

/**
 * The one wire-error decoder: a failed answer (`{ error: { code, message, field? } }` from REST, the
 * `{ ok: false, error }` of an IPC call, or anything else) as a VigilError. A code this client does not know
 * falls back to the status's code; no body at all gets the status's code and a message naming the status.
 */
export function errorFromWire(body: unknown, status?: number): VigilError {
  const byStatus =
    status === undefined
      ? ErrorCode.Internal
      : (codeForStatus(status) ?? (status >= 500 ? ErrorCode.Internal : ErrorCode.BadResponse));
  const part = errorPart(body);
  if (part === undefined) {
    const message =
      status === undefined ? 'The station failed to answer' : `The station answered HTTP ${status}`;
    return new VigilError(byStatus, message, undefined, { status });
  }
  const field = typeof part.field === 'string' ? part.field : undefined;
  return new VigilError(isErrorCode(part.code) ? part.code : byStatus, part.message, field, { status });
}
