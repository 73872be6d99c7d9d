import type { ErrorBody, ErrorCode } from '../../common/errors';

/** Codes only the SDK raises, beside the station's own `ErrorCode`s. */
export type SdkErrorCode =
  /** The station could not be reached (network down, CORS refused, wrong URL). */
  | 'VIGIL_ERR_NETWORK'
  /** The station answered something that is not the JSON the contract promises. */
  | 'VIGIL_ERR_BAD_RESPONSE'
  /** `stopCameraStream` (or a newer `startCameraStream`) came before the stream started. */
  | 'VIGIL_ERR_CANCELLED'
  /** The player gave up on a stream (its tile reached the `error` state). */
  | 'VIGIL_ERR_PLAYBACK';

/** Every code a `VASError` can carry. */
export type VASErrorCode = ErrorCode | SdkErrorCode;

/** Details of a `VASError`: the field at fault, the HTTP status, the underlying cause. */
export interface VASErrorDetails {
  field?: string | undefined;
  status?: number | undefined;
  cause?: unknown;
}

/**
 * A failed SDK call: the station's stable `code` (branch on it, never on `message`), its message, the
 * field at fault and the HTTP status (absent when no answer came).
 */
export class VASError extends Error {
  override readonly name = 'VASError';
  /** The stable error code. */
  readonly code: VASErrorCode;
  /** The request field at fault, when the station named one. */
  readonly field: string | undefined;
  /** The HTTP status of the station's answer; undefined when there was none. */
  readonly status: number | undefined;

  constructor(code: VASErrorCode, message: string, details: VASErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    this.field = details.field;
    this.status = details.status;
  }
}

/** The code for an error answer without the contract's body (a proxy's page, say), by status. */
const CODE_BY_STATUS: Partial<Record<number, ErrorCode>> = {
  400: 'VIGIL_ERR_VALIDATION',
  401: 'VIGIL_ERR_UNAUTHENTICATED',
  403: 'VIGIL_ERR_FORBIDDEN',
  404: 'VIGIL_ERR_NOT_FOUND',
  409: 'VIGIL_ERR_CAMERA_EXISTS',
  413: 'VIGIL_ERR_PAYLOAD_TOO_LARGE',
  415: 'VIGIL_ERR_UNSUPPORTED_MEDIA_TYPE',
  422: 'VIGIL_ERR_CAMERA_UNREACHABLE',
  429: 'VIGIL_ERR_RATE_LIMITED',
  503: 'VIGIL_ERR_GATEWAY_UNAVAILABLE',
};

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const { error } = value;
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    typeof error.code === 'string' &&
    'message' in error &&
    typeof error.message === 'string'
  );
}

/** Turns a station error answer (its status and parsed body, if any) into a `VASError`. */
export function errorFromAnswer(status: number, body: unknown): VASError {
  if (isErrorBody(body)) {
    // The station's codes are a closed set today; a newer station may add codes, which pass through as-is.
    return new VASError(body.error.code as ErrorCode, body.error.message, {
      field: body.error.field,
      status,
    });
  }
  const code = CODE_BY_STATUS[status] ?? (status >= 500 ? 'VIGIL_ERR_INTERNAL' : 'VIGIL_ERR_BAD_RESPONSE');
  return new VASError(code, `The station answered HTTP ${status}`, { status });
}
