/** Vigil's typed Janus client: Connection → Session → Handle, Streaming plugin, Admin API. */
export { JanusAdmin } from './admin';
export type { AdminToken } from './admin';
export { backgroundClock, systemClock } from './clock';
export type { Clock } from './clock';
export { JanusConnection } from './connection';
export type { ConnectionEvents } from './connection';
export { CONNECTION_DEFAULTS } from './options';
export type { AdminOptions, ConnectionOptions, WaitOptions } from './options';
export type { Listener } from './emitter';
export type {
  Jsep,
  JanusInfo,
  JanusModuleInfo,
  SessionEnvelope,
  TrickleCandidate,
  TrickleCompleted,
} from './envelope';
export {
  errorFromJanus,
  JANUS_API_CODES,
  JanusApiError,
  JanusClosedError,
  JanusError,
  JanusHandleNotFoundError,
  JanusInvalidRequestError,
  JanusPluginError,
  JanusPluginNotFoundError,
  JanusProtocolError,
  JanusSessionNotFoundError,
  JanusTimeoutError,
  JanusTransportError,
  JanusUnauthorizedError,
  STREAMING_ERR_UNRECOGNIZED,
  STREAMING_ERROR_CODES,
  StreamingError,
} from './errors';
export { JanusHandle } from './handle';
export type { HandleEvents, MediaState, PluginResult, SlowLink } from './handle';
export { StreamingHandle } from './plugins/streaming';
export type * from './plugins/streaming-types';
export { JanusSession } from './session';
export type { AttachOptions, SessionEvents } from './session';
export type { Transport, TransportKind, TransportSink } from './transport/types';
