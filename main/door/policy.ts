// The door's message policy, as one pure function: a viewer's message, what its connection holds and what the
// station knows → forward a rewritten request to Janus, answer it here, or refuse it with a Janus-shaped error.
// Only viewer verbs pass, only for the connection's own sessions and handles, only the streaming plugin, and a
// `watch` only for a camera the session's or handle's grant covers; the door adds the pin, never the client.
import type { Grant } from './credential';
import { refuse, whenChecked, type Decision } from './decision';
import {
  DoorCode,
  doorInfo,
  isJanusId,
  isObject,
  shown,
  STREAMING_PLUGIN,
  type WireMessage,
} from './janus-wire';
import { trickleCandidates } from './viewer-fields';
import { pluginMessage } from './viewer-message';

export type { Decision } from './decision';

/** A session of the connection as the policy sees it: its grant, and its handles' grants. */
export interface SessionView {
  readonly grant: Grant;
  readonly handles: ReadonlyMap<number, { readonly grant: Grant }>;
}

/** What a connection holds. */
export interface ConnectionView {
  /** The grant of the connection itself (session cookie, `Authorization` header, `?ticket=`), if any. */
  readonly connection: Grant | undefined;
  readonly sessions: ReadonlyMap<number, SessionView>;
}

/** What the policy asks of the door and the station. */
export interface PolicyLookups {
  /** A `token` (an API key or a viewer ticket) as a grant; undefined for neither. */
  grantOf(token: string): Grant | undefined;
  /** The camera that owns a mountpoint, its pin and whether it is enabled; undefined when no camera does. */
  mountpoint(id: number): { cameraId: string; pin: string; enabled: boolean } | undefined;
}

/** The per-connection caps the policy applies (the door applies the per-credential ones). */
export interface PolicyLimits {
  sessionsPerConnection: number;
  handlesPerSession: number;
}

/** Janus verbs a viewer has no business with (answered 403, not 453: they exist, just not here). */
const NOT_FOR_VIEWERS = new Set(['claim', 'attach_admin', 'add_token', 'remove_token', 'list_tokens']);

const NO_CREDENTIAL =
  'Authenticate first: a station API key or a viewer ticket as the token, Authorization: Bearer, ' +
  'the wall\u2019s session cookie, or ?ticket= on the URL';

/** Decides what to do with one message from a viewer (any JSON value). */
export function decide(
  message: unknown,
  view: ConnectionView,
  lookups: PolicyLookups,
  limits: PolicyLimits,
): Decision {
  if (!isObject(message)) return refuse(undefined, DoorCode.InvalidJsonObject, 'Invalid JSON Object');
  const { janus, transaction } = message;
  if (typeof janus !== 'string')
    return refuse(transaction, DoorCode.MissingElement, 'Missing mandatory element (janus)');
  if (typeof transaction !== 'string' || transaction === '') {
    return refuse(undefined, DoorCode.MissingElement, 'Missing mandatory element (transaction)');
  }
  switch (janus) {
    case 'info':
      return { kind: 'answer', reply: doorInfo(transaction) };
    case 'ping':
      return { kind: 'answer', reply: { janus: 'pong', transaction } };
    case 'create':
      return create(message, transaction, view, lookups, limits);
    case 'keepalive':
    case 'destroy':
      return onSession(message, transaction, view, (sessionId) => ({
        kind: 'forward',
        request: { janus, session_id: sessionId, transaction },
        sessionId,
        ...(janus === 'destroy' ? { ends: 'session' as const } : {}),
      }));
    case 'attach':
      return onSession(message, transaction, view, (sessionId, session) =>
        attach(message, transaction, sessionId, session, lookups, limits),
      );
    case 'message':
      return onHandle(message, transaction, view, (sessionId, handleId, grant) =>
        pluginMessage(message, transaction, sessionId, handleId, grant, lookups),
      );
    case 'trickle':
      return onHandle(message, transaction, view, (sessionId, handleId) =>
        whenChecked(trickleCandidates(message), transaction, sessionId, (candidates) => ({
          kind: 'forward',
          request: { janus, session_id: sessionId, handle_id: handleId, transaction, ...candidates },
          sessionId,
          handleId,
        })),
      );
    case 'hangup':
    case 'detach':
      return onHandle(message, transaction, view, (sessionId, handleId) => ({
        kind: 'forward',
        request: { janus, session_id: sessionId, handle_id: handleId, transaction },
        sessionId,
        handleId,
        ...(janus === 'detach' ? { ends: 'handle' as const } : {}),
      }));
    default:
      return NOT_FOR_VIEWERS.has(janus)
        ? refuse(transaction, DoorCode.Unauthorized, `"${janus}" is not served to viewers`)
        : refuse(transaction, DoorCode.UnknownRequest, `Unknown request '${janus}'`);
  }
}

function create(
  message: WireMessage,
  transaction: string,
  view: ConnectionView,
  lookups: PolicyLookups,
  limits: PolicyLimits,
): Decision {
  const { token } = message;
  const grant = typeof token === 'string' && token !== '' ? lookups.grantOf(token) : view.connection;
  if (grant === undefined) {
    const why =
      token === undefined ? NO_CREDENTIAL : 'The token is neither a live API key nor a live viewer ticket';
    return refuse(transaction, DoorCode.Unauthorized, why);
  }
  if (view.sessions.size >= limits.sessionsPerConnection) {
    return refuse(
      transaction,
      DoorCode.TooMany,
      `At most ${limits.sessionsPerConnection} sessions per connection`,
    );
  }
  return { kind: 'create', request: { janus: 'create', transaction }, grant };
}

function attach(
  message: WireMessage,
  transaction: string,
  sessionId: number,
  session: SessionView,
  lookups: PolicyLookups,
  limits: PolicyLimits,
): Decision {
  const { plugin, token, opaque_id: opaqueId } = message;
  if (typeof plugin !== 'string')
    return refuse(transaction, DoorCode.MissingElement, 'Missing mandatory element (plugin)', sessionId);
  if (plugin !== STREAMING_PLUGIN) {
    return refuse(
      transaction,
      DoorCode.PluginNotAllowed,
      `Only ${STREAMING_PLUGIN} is served to viewers`,
      sessionId,
    );
  }
  if (session.handles.size >= limits.handlesPerSession) {
    return refuse(
      transaction,
      DoorCode.TooMany,
      `At most ${limits.handlesPerSession} handles per session`,
      sessionId,
    );
  }
  // A handle's own token (janus.js sends a tile's ticket this way) narrows what the handle may watch.
  let grant = session.grant;
  if (typeof token === 'string' && token !== '') {
    const own = lookups.grantOf(token);
    if (own === undefined) {
      return refuse(
        transaction,
        DoorCode.Unauthorized,
        'The token is neither a live API key nor a live viewer ticket',
        sessionId,
      );
    }
    if (own.credential.id !== session.grant.credential.id) {
      return refuse(
        transaction,
        DoorCode.Unauthorized,
        'The token belongs to another key or session than this session',
        sessionId,
      );
    }
    grant = own;
  }
  const opaque = typeof opaqueId === 'string' ? { opaque_id: opaqueId.slice(0, 256) } : {};
  return {
    kind: 'attach',
    request: { janus: 'attach', session_id: sessionId, plugin, transaction, ...opaque },
    sessionId,
    grant,
  };
}

/** Runs `next` on a session of this connection; 458 for anything else. */
function onSession(
  message: WireMessage,
  transaction: string,
  view: ConnectionView,
  next: (sessionId: number, session: SessionView) => Decision,
): Decision {
  const { session_id: sessionId } = message;
  if (sessionId === undefined)
    return refuse(transaction, DoorCode.MissingElement, 'Missing mandatory element (session_id)');
  const session = isJanusId(sessionId) ? view.sessions.get(sessionId) : undefined;
  if (session === undefined)
    return refuse(transaction, DoorCode.SessionNotFound, `No such session ${shown(sessionId)}`);
  return next(sessionId as number, session);
}

/** Runs `next` on a handle of a session of this connection; 459 for anything else. */
function onHandle(
  message: WireMessage,
  transaction: string,
  view: ConnectionView,
  next: (sessionId: number, handleId: number, grant: Grant) => Decision,
): Decision {
  return onSession(message, transaction, view, (sessionId, session) => {
    const { handle_id: handleId } = message;
    if (handleId === undefined) {
      return refuse(transaction, DoorCode.MissingElement, 'Missing mandatory element (handle_id)', sessionId);
    }
    const grant = isJanusId(handleId) ? session.handles.get(handleId)?.grant : undefined;
    if (grant === undefined)
      return refuse(
        transaction,
        DoorCode.HandleNotFound,
        `No such handle ${shown(handleId)} in session ${sessionId}`,
        sessionId,
      );
    return next(sessionId, handleId as number, grant);
  });
}
