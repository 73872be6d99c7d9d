/** Janus API error codes that get their own error class (src/apierror.h). */
export const JANUS_API_CODES = {
  UNAUTHORIZED: 403,
  UNAUTHORIZED_PLUGIN: 405,
  SESSION_NOT_FOUND: 458,
  HANDLE_NOT_FOUND: 459,
  PLUGIN_NOT_FOUND: 460,
} as const;

/**
 * Base class of every error the Janus client raises; branch on `code`, never on `message`.
 * @example
 * catch (error) { if (error instanceof JanusError && error.code === 'JANUS_ERR_SESSION_NOT_FOUND') rebuild(); }
 */
export abstract class JanusError extends Error {
  /** Stable machine-readable code, e.g. `JANUS_ERR_TIMEOUT`. */
  abstract readonly code: string;
  /** The numeric code Janus (or a plugin) answered with, when there was one. */
  readonly janusCode: number | undefined;

  constructor(message: string, options: { janusCode?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.janusCode = options.janusCode;
  }
}

/** A request got no final answer within its timeout. */
export class JanusTimeoutError extends JanusError {
  readonly code = 'JANUS_ERR_TIMEOUT';
}

/** The transport failed: refused, reset, socket dropped mid-request, HTTP non-2xx, or not connected. */
export class JanusTransportError extends JanusError {
  readonly code = 'JANUS_ERR_TRANSPORT';
}

/** The connection, session or handle was closed locally while the work was pending. */
export class JanusClosedError extends JanusError {
  readonly code = 'JANUS_ERR_CLOSED';
}

/** Janus refused the credentials (403 bad apisecret/token/admin_secret, 405 token not allowed for the plugin). */
export class JanusUnauthorizedError extends JanusError {
  readonly code = 'JANUS_ERR_UNAUTHORIZED';
}

/** Janus does not know the session (458), e.g. after a restart or a timeout. */
export class JanusSessionNotFoundError extends JanusError {
  readonly code = 'JANUS_ERR_SESSION_NOT_FOUND';
}

/** Janus does not know the handle (459). */
export class JanusHandleNotFoundError extends JanusError {
  readonly code = 'JANUS_ERR_HANDLE_NOT_FOUND';
}

/** Janus has no such plugin loaded (460). */
export class JanusPluginNotFoundError extends JanusError {
  readonly code = 'JANUS_ERR_PLUGIN_NOT_FOUND';
}

/** Any other Janus API error; `janusCode` carries the code from src/apierror.h. */
export class JanusApiError extends JanusError {
  readonly code = 'JANUS_ERR_API';
}

/** A request this client refuses to send: Janus would never answer it (a NUL character in a string). */
export class JanusInvalidRequestError extends JanusError {
  readonly code = 'JANUS_ERR_INVALID_REQUEST';
}

/** Janus answered something this client cannot interpret (missing ids, malformed envelope). */
export class JanusProtocolError extends JanusError {
  readonly code = 'JANUS_ERR_PROTOCOL';
}

/** A plugin answered with `error_code` in its data (plugins without a dedicated error class). */
export class JanusPluginError extends JanusError {
  readonly code: string = 'JANUS_ERR_PLUGIN';
  /** Package name of the plugin that answered, e.g. `janus.plugin.videoroom`. */
  readonly plugin: string;

  constructor(plugin: string, message: string, options: { janusCode?: number; cause?: unknown } = {}) {
    super(message, options);
    this.plugin = plugin;
  }
}

/** Stable code strings per Streaming plugin error code (src/plugins/janus_streaming.c). */
export const STREAMING_ERROR_CODES: Readonly<Record<number, string>> = {
  450: 'STREAMING_ERR_NO_MESSAGE',
  451: 'STREAMING_ERR_INVALID_JSON',
  452: 'STREAMING_ERR_INVALID_REQUEST',
  453: 'STREAMING_ERR_MISSING_ELEMENT',
  454: 'STREAMING_ERR_INVALID_ELEMENT',
  455: 'STREAMING_ERR_NO_SUCH_MOUNTPOINT',
  456: 'STREAMING_ERR_CANT_CREATE',
  457: 'STREAMING_ERR_UNAUTHORIZED',
  458: 'STREAMING_ERR_CANT_SWITCH',
  459: 'STREAMING_ERR_CANT_RECORD',
  460: 'STREAMING_ERR_INVALID_STATE',
  461: 'STREAMING_ERR_INVALID_SDP',
  470: 'STREAMING_ERR_UNKNOWN_ERROR',
};

/** Code used for a Streaming error number this client does not know. */
export const STREAMING_ERR_UNRECOGNIZED = 'STREAMING_ERR_UNRECOGNIZED';

/**
 * The Streaming plugin refused a request (`error_code` inside a Janus success or event).
 * @example
 * try { await streaming.info(42); } catch (e) { if (e instanceof StreamingError && e.code === 'STREAMING_ERR_NO_SUCH_MOUNTPOINT') … }
 */
export class StreamingError extends JanusPluginError {
  override readonly code: string;

  constructor(janusCode: number, message: string) {
    super('janus.plugin.streaming', message, { janusCode });
    this.code = STREAMING_ERROR_CODES[janusCode] ?? STREAMING_ERR_UNRECOGNIZED;
  }
}

/** Maps a Janus API `error` body to the matching error class. */
export function errorFromJanus(code: number, reason: string): JanusError {
  const message = reason === '' ? `Janus error ${code}` : reason;
  switch (code) {
    case JANUS_API_CODES.UNAUTHORIZED:
    case JANUS_API_CODES.UNAUTHORIZED_PLUGIN:
      return new JanusUnauthorizedError(message, { janusCode: code });
    case JANUS_API_CODES.SESSION_NOT_FOUND:
      return new JanusSessionNotFoundError(message, { janusCode: code });
    case JANUS_API_CODES.HANDLE_NOT_FOUND:
      return new JanusHandleNotFoundError(message, { janusCode: code });
    case JANUS_API_CODES.PLUGIN_NOT_FOUND:
      return new JanusPluginNotFoundError(message, { janusCode: code });
    default:
      return new JanusApiError(message, { janusCode: code });
  }
}
