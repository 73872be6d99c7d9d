/** Base class of the errors the RTSP URL parser and the RTSP client raise; branch on `code`, never on `message`. */
export abstract class CameraError extends Error {
  /** Stable machine-readable code, e.g. `VIGIL_ERR_RTSP_TIMEOUT`. */
  abstract readonly code: string;

  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
  }
}

/** `rtsp_url` is not a URL Janus can use; `message` tells the user what to change. */
export class RtspUrlError extends CameraError {
  readonly code = 'VIGIL_ERR_INVALID_RTSP_URL';
  /** The camera field at fault. */
  readonly field = 'rtsp_url';
}

/** A step (connect or one request) got no answer in time; `step` names it (`connect`, `DESCRIBE`, …). */
export class RtspTimeoutError extends CameraError {
  readonly code = 'VIGIL_ERR_RTSP_TIMEOUT';

  constructor(
    readonly step: string,
    readonly timeoutMs: number,
  ) {
    super(`No RTSP answer to ${step} within ${timeoutMs} ms`);
  }
}

/** The socket failed with an operating-system error; `errno` is its code (`ECONNREFUSED`, `ENOTFOUND`, …). */
export class RtspNetworkError extends CameraError {
  readonly code = 'VIGIL_ERR_RTSP_NETWORK';

  constructor(
    readonly errno: string | undefined,
    readonly step: string,
    options: { cause?: unknown } = {},
  ) {
    super(`RTSP socket error ${errno ?? '(no code)'} during ${step}`, options);
  }
}

/** The connection closed before the answer to `step` was complete (`partial`: part of it had arrived). */
export class RtspClosedError extends CameraError {
  readonly code = 'VIGIL_ERR_RTSP_CLOSED';

  constructor(
    readonly step: string,
    readonly partial: boolean,
  ) {
    super(`RTSP connection closed during ${step}${partial ? ' (mid-response)' : ''}`);
  }
}

/** What kind of non-RTSP answer arrived. */
export type RtspProtocolProblem = 'http' | 'not_rtsp' | 'malformed' | 'too_large' | 'bad_sdp';

/** The peer answered something that is not RTSP, or not RTSP this client can read. */
export class RtspProtocolError extends CameraError {
  readonly code = 'VIGIL_ERR_RTSP_PROTOCOL';

  constructor(
    readonly problem: RtspProtocolProblem,
    detail: string,
  ) {
    super(`RTSP protocol error (${problem}): ${detail}`);
  }
}

/** The camera asked for a login scheme this client (and Janus's libcurl) cannot answer; `schemes` lists what it offered. */
export class RtspAuthUnsupportedError extends CameraError {
  readonly code = 'VIGIL_ERR_RTSP_AUTH_UNSUPPORTED';

  constructor(readonly schemes: readonly string[]) {
    super(`RTSP camera offers no usable authentication (offered: ${schemes.join(', ') || 'nothing'})`);
  }
}

/** The caller's AbortSignal fired; `cause` is the signal's reason. */
export class RtspAbortedError extends CameraError {
  readonly code = 'VIGIL_ERR_RTSP_ABORTED';

  constructor(cause: unknown) {
    super('RTSP probe aborted', { cause });
  }
}
