// The Janus API's shapes as the door speaks them: the error codes Janus itself uses (janus/apierror.h) plus the
// door's own two, and the replies the door answers without asking Janus.

/** A JSON object on the wire. */
export type WireMessage = Record<string, unknown>;

/** Error codes of the door's refusals: Janus's own where one fits, so clients show them as they show Janus's. */
export const DoorCode = {
  /** Janus's JANUS_ERROR_UNAUTHORIZED: no credential, or one that may not do this. */
  Unauthorized: 403,
  /** Janus's JANUS_ERROR_UNAUTHORIZED_PLUGIN: only the streaming plugin is served. */
  PluginNotAllowed: 405,
  /** The door's own: a cap (sessions, handles, connections, requests in flight) is reached. */
  TooMany: 429,
  /** Janus's JANUS_ERROR_UNKNOWN_REQUEST. */
  UnknownRequest: 453,
  /** Janus's JANUS_ERROR_INVALID_JSON. */
  InvalidJson: 454,
  /** Janus's JANUS_ERROR_INVALID_JSON_OBJECT. */
  InvalidJsonObject: 455,
  /** Janus's JANUS_ERROR_MISSING_MANDATORY_ELEMENT. */
  MissingElement: 456,
  /** Janus's JANUS_ERROR_SESSION_NOT_FOUND: not a session of this connection. */
  SessionNotFound: 458,
  /** Janus's JANUS_ERROR_HANDLE_NOT_FOUND: not a handle of that session. */
  HandleNotFound: 459,
  /** Janus's JANUS_ERROR_INVALID_ELEMENT_TYPE. */
  InvalidElementType: 467,
  /** The door's own: Janus is not reachable now (the station keeps trying). */
  Unavailable: 503,
} as const;

/** One of the door's error codes. */
export type DoorCode = (typeof DoorCode)[keyof typeof DoorCode];

/** The streaming plugin, the only one viewers may attach. */
export const STREAMING_PLUGIN = 'janus.plugin.streaming';

/** A Janus-shaped error answer (janus.js, janode and other clients fail the request's transaction with it). */
export function janusError(
  transaction: unknown,
  code: DoorCode,
  reason: string,
  sessionId?: number,
): WireMessage {
  return {
    janus: 'error',
    ...(sessionId === undefined ? {} : { session_id: sessionId }),
    ...(typeof transaction === 'string' ? { transaction } : {}),
    error: { code, reason },
  };
}

/**
 * What Janus tells a viewer whose mountpoint went away (the streaming plugin's `stopped`, then the core's `hangup`):
 * players take it as "stream gone" and watch again.
 */
export function streamEnded(sessionId: number, handleId: number, reason: string): WireMessage[] {
  const stopped = { streaming: 'event', result: { status: 'stopped' } };
  return [
    {
      janus: 'event',
      session_id: sessionId,
      sender: handleId,
      plugindata: { plugin: STREAMING_PLUGIN, data: stopped },
    },
    { janus: 'hangup', session_id: sessionId, sender: handleId, reason },
  ];
}

/** The door's answer to `info`: what a viewer may use here, nothing about the Janus behind it. */
export function doorInfo(transaction: string): WireMessage {
  return {
    janus: 'server_info',
    transaction,
    name: 'Vigil station (Janus door)',
    api_secret: false,
    auth_token: true,
    'session-timeout': 60,
    plugins: { [STREAMING_PLUGIN]: { name: 'JANUS Streaming plugin', package: STREAMING_PLUGIN } },
    transports: {},
  };
}

/** A value from a viewer as a refusal's reason shows it. */
export function shown(value: unknown): string {
  return typeof value === 'number' || typeof value === 'string' ? String(value) : JSON.stringify(value);
}

/** Whether a value is a JSON object (not an array). */
export function isObject(value: unknown): value is WireMessage {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A message Janus sent, when it is a JSON object (anything else is not a Janus message: undefined). */
export function janusMessage(text: string): WireMessage | undefined {
  try {
    const message: unknown = JSON.parse(text);
    return isObject(message) ? message : undefined;
  } catch {
    return undefined;
  }
}

/** A Janus id (session or handle): a positive safe integer. */
export function isJanusId(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}
