import { Type, type Static } from 'typebox';

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
  PayloadTooLarge: 'VIGIL_ERR_PAYLOAD_TOO_LARGE',
  UnsupportedMediaType: 'VIGIL_ERR_UNSUPPORTED_MEDIA_TYPE',
  CameraUnreachable: 'VIGIL_ERR_CAMERA_UNREACHABLE',
  RateLimited: 'VIGIL_ERR_RATE_LIMITED',
  HostNotAllowed: 'VIGIL_ERR_HOST_NOT_ALLOWED',
  GatewayUnavailable: 'VIGIL_ERR_GATEWAY_UNAVAILABLE',
  Internal: 'VIGIL_ERR_INTERNAL',
} as const;

/** One of the stable error codes. */
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** The HTTP status each error code is answered with. */
export const errorStatus: Record<ErrorCode, number> = {
  VIGIL_ERR_VALIDATION: 400,
  VIGIL_ERR_UNAUTHENTICATED: 401,
  VIGIL_ERR_FORBIDDEN: 403,
  VIGIL_ERR_NOT_FOUND: 404,
  VIGIL_ERR_CAMERA_NOT_FOUND: 404,
  VIGIL_ERR_CAMERA_EXISTS: 409,
  VIGIL_ERR_VIEW_NOT_FOUND: 404,
  VIGIL_ERR_VIEW_EXISTS: 409,
  VIGIL_ERR_PAYLOAD_TOO_LARGE: 413,
  VIGIL_ERR_UNSUPPORTED_MEDIA_TYPE: 415,
  VIGIL_ERR_CAMERA_UNREACHABLE: 422,
  VIGIL_ERR_RATE_LIMITED: 429,
  VIGIL_ERR_HOST_NOT_ALLOWED: 403,
  VIGIL_ERR_GATEWAY_UNAVAILABLE: 503,
  VIGIL_ERR_INTERNAL: 500,
};

/** The one error shape every REST error answer has: `{ "error": { "code", "message", "field"? } }`. */
export const ErrorBody = Type.Object(
  {
    error: Type.Object({
      code: Type.String(),
      message: Type.String(),
      field: Type.Optional(Type.String()),
    }),
  },
  { $id: 'ErrorBody' },
);

/** The error answer's type. */
export type ErrorBody = Static<typeof ErrorBody>;

/** An error that crosses a process or network boundary: a stable code, a user-facing message, the field at fault. */
export class VigilError extends Error {
  override readonly name = 'VigilError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }

  /** The error as the REST/IPC error body. */
  toBody(): ErrorBody {
    return {
      error: { code: this.code, message: this.message, ...(this.field ? { field: this.field } : {}) },
    };
  }
}
