import { describe, expect, it } from 'vitest';

import { fullGrant, type Credential, type Grant } from '../../../main/door/credential';
import { decide, type ConnectionView, type Decision, type PolicyLookups } from '../../../main/door/policy';

const KEY: Credential = { id: 'key_view', alive: () => true };
const OTHER: Credential = { id: 'key_other', alive: () => true };
const ALL = fullGrant(KEY);
const LOBBY_ONLY: Grant = { credential: KEY, cameras: new Set(['lobby']) };
const FOREIGN_TICKET: Grant = { credential: OTHER, cameras: new Set(['lobby']) };

/** Two cameras (lobby: stream 11, gate: stream 22, disabled) and the tokens the door knows. */
const lookups: PolicyLookups = {
  grantOf: (token) =>
    ({ vigil_view_key: ALL, 'ticket-lobby': LOBBY_ONLY, 'ticket-other': FOREIGN_TICKET })[token],
  mountpoint: (id) =>
    ({
      11: { cameraId: 'lobby', pin: 'pin-lobby', enabled: true },
      22: { cameraId: 'gate', pin: 'pin-gate', enabled: false },
    })[id],
};
const limits = { sessionsPerConnection: 2, handlesPerSession: 3 };

/** A connection with session 1 (handles 10: every camera, 20: lobby only) opened with `grant`. */
function connection(grant: Grant = ALL, own?: Grant): ConnectionView {
  return {
    connection: own,
    sessions: new Map([
      [
        1,
        {
          grant,
          handles: new Map([
            [10, { grant }],
            [20, { grant: LOBBY_ONLY }],
          ]),
        },
      ],
    ]),
  };
}
const anonymous: ConnectionView = { connection: undefined, sessions: new Map() };
const full: ConnectionView = {
  connection: ALL,
  sessions: new Map([
    [
      1,
      {
        grant: ALL,
        handles: new Map([
          [10, { grant: ALL }],
          [11, { grant: ALL }],
          [12, { grant: ALL }],
        ]),
      },
    ],
    [2, { grant: ALL, handles: new Map() }],
  ]),
};

const tx = 't1';
const message = (body: object, extra: object = {}) => ({
  janus: 'message',
  session_id: 1,
  handle_id: 10,
  transaction: tx,
  body,
  ...extra,
});

/** The refusal's code and the start of its reason. */
function refused(code: number, reason: RegExp, sessionId?: number): Decision {
  return {
    kind: 'refuse',
    reply: {
      janus: 'error',
      ...(sessionId === undefined ? {} : { session_id: sessionId }),
      transaction: tx,
      error: { code, reason: expect.stringMatching(reason) as string },
    },
  };
}

describe('door policy: what passes, rewritten', () => {
  it.each<[string, unknown, ConnectionView, Decision]>([
    [
      'create with an API key as token: a session for everything the key may view, no token sent on',
      { janus: 'create', transaction: tx, token: 'vigil_view_key', apisecret: 'guess' },
      anonymous,
      { kind: 'create', request: { janus: 'create', transaction: tx }, grant: ALL },
    ],
    [
      'create with a ticket as token: a session for its one camera',
      { janus: 'create', transaction: tx, token: 'ticket-lobby' },
      anonymous,
      { kind: 'create', request: { janus: 'create', transaction: tx }, grant: LOBBY_ONLY },
    ],
    [
      "create without a token on a connection that authenticated (cookie, Authorization, ?ticket=): the connection's grant",
      { janus: 'create', transaction: tx },
      { connection: LOBBY_ONLY, sessions: new Map() },
      { kind: 'create', request: { janus: 'create', transaction: tx }, grant: LOBBY_ONLY },
    ],
    [
      'attach the streaming plugin, keeping the opaque id',
      {
        janus: 'attach',
        session_id: 1,
        plugin: 'janus.plugin.streaming',
        opaque_id: 'vigil-lobby',
        transaction: tx,
      },
      connection(),
      {
        kind: 'attach',
        request: {
          janus: 'attach',
          session_id: 1,
          plugin: 'janus.plugin.streaming',
          transaction: tx,
          opaque_id: 'vigil-lobby',
        },
        sessionId: 1,
        grant: ALL,
      },
    ],
    [
      "attach with a tile's ticket: the handle may watch the ticket's camera",
      {
        janus: 'attach',
        session_id: 1,
        plugin: 'janus.plugin.streaming',
        transaction: tx,
        token: 'ticket-lobby',
      },
      connection(),
      {
        kind: 'attach',
        request: { janus: 'attach', session_id: 1, plugin: 'janus.plugin.streaming', transaction: tx },
        sessionId: 1,
        grant: LOBBY_ONLY,
      },
    ],
    [
      'watch: the door adds the pin, replacing any the viewer sent, and keeps the listed fields only',
      message({ request: 'watch', id: 11, pin: 'guess', offer_video: true, secret: 'x', admin_key: 'y' }),
      connection(),
      {
        kind: 'watch',
        request: {
          janus: 'message',
          session_id: 1,
          handle_id: 10,
          transaction: tx,
          body: { request: 'watch', id: 11, pin: 'pin-lobby', offer_video: true },
        },
        sessionId: 1,
        handleId: 10,
        cameraId: 'lobby',
        enabled: true,
      },
    ],
    [
      "watch by a string id (the seed's clients send either), on a lobby-only handle",
      message({ request: 'watch', id: '11' }, { handle_id: 20 }),
      connection(),
      {
        kind: 'watch',
        request: {
          janus: 'message',
          session_id: 1,
          handle_id: 20,
          transaction: tx,
          body: { request: 'watch', id: 11, pin: 'pin-lobby' },
        },
        sessionId: 1,
        handleId: 20,
        cameraId: 'lobby',
        enabled: true,
      },
    ],
    [
      'watch of a disabled camera passes unheld (Janus answers that it has no such mountpoint)',
      message({ request: 'watch', id: 22 }),
      connection(),
      expect.objectContaining({ kind: 'watch', cameraId: 'gate', enabled: false }) as Decision,
    ],
    [
      'start with the SDP answer',
      message({ request: 'start' }, { jsep: { type: 'answer', sdp: 'v=0', trickle: true, extra: 1 } }),
      connection(),
      {
        kind: 'forward',
        request: {
          janus: 'message',
          session_id: 1,
          handle_id: 10,
          transaction: tx,
          body: { request: 'start' },
          jsep: { type: 'answer', sdp: 'v=0', trickle: true },
        },
        sessionId: 1,
        handleId: 10,
      },
    ],
    [
      'configure with its listed fields',
      message({ request: 'configure', mid: 'v', send: false, substream: 1, list: true }),
      connection(),
      {
        kind: 'forward',
        request: {
          janus: 'message',
          session_id: 1,
          handle_id: 10,
          transaction: tx,
          body: { request: 'configure', mid: 'v', send: false, substream: 1 },
        },
        sessionId: 1,
        handleId: 10,
      },
    ],
    ...(['pause', 'stop'] as const).map((request): [string, unknown, ConnectionView, Decision] => [
      request,
      message({ request, id: 22 }),
      connection(),
      {
        kind: 'forward',
        request: { janus: 'message', session_id: 1, handle_id: 10, transaction: tx, body: { request } },
        sessionId: 1,
        handleId: 10,
      },
    ]),
    [
      'trickle one candidate',
      {
        janus: 'trickle',
        session_id: 1,
        handle_id: 10,
        transaction: tx,
        candidate: {
          candidate: 'candidate:1 1 udp 1 127.0.0.2 5000 typ host',
          sdpMid: 'v',
          sdpMLineIndex: 0,
          x: 1,
        },
      },
      connection(),
      {
        kind: 'forward',
        request: {
          janus: 'trickle',
          session_id: 1,
          handle_id: 10,
          transaction: tx,
          candidate: {
            candidate: 'candidate:1 1 udp 1 127.0.0.2 5000 typ host',
            sdpMid: 'v',
            sdpMLineIndex: 0,
          },
        },
        sessionId: 1,
        handleId: 10,
      },
    ],
    [
      'trickle completed',
      { janus: 'trickle', session_id: 1, handle_id: 10, transaction: tx, candidate: { completed: true } },
      connection(),
      {
        kind: 'forward',
        request: {
          janus: 'trickle',
          session_id: 1,
          handle_id: 10,
          transaction: tx,
          candidate: { completed: true },
        },
        sessionId: 1,
        handleId: 10,
      },
    ],
    [
      'keepalive',
      { janus: 'keepalive', session_id: 1, transaction: tx, token: 'expired-ticket' },
      connection(),
      { kind: 'forward', request: { janus: 'keepalive', session_id: 1, transaction: tx }, sessionId: 1 },
    ],
    [
      'hangup',
      { janus: 'hangup', session_id: 1, handle_id: 10, transaction: tx },
      connection(),
      {
        kind: 'forward',
        request: { janus: 'hangup', session_id: 1, handle_id: 10, transaction: tx },
        sessionId: 1,
        handleId: 10,
      },
    ],
    [
      'detach ends the handle',
      { janus: 'detach', session_id: 1, handle_id: 10, transaction: tx },
      connection(),
      {
        kind: 'forward',
        request: { janus: 'detach', session_id: 1, handle_id: 10, transaction: tx },
        sessionId: 1,
        handleId: 10,
        ends: 'handle',
      },
    ],
    [
      'destroy ends the session',
      { janus: 'destroy', session_id: 1, transaction: tx },
      connection(),
      {
        kind: 'forward',
        request: { janus: 'destroy', session_id: 1, transaction: tx },
        sessionId: 1,
        ends: 'session',
      },
    ],
    [
      'info is answered by the door: nothing about the Janus behind it',
      { janus: 'info', transaction: tx },
      anonymous,
      {
        kind: 'answer',
        reply: expect.objectContaining({
          janus: 'server_info',
          transaction: tx,
          plugins: { 'janus.plugin.streaming': expect.any(Object) as object },
        }) as Record<string, unknown>,
      },
    ],
    [
      'ping is answered by the door',
      { janus: 'ping', transaction: tx },
      anonymous,
      { kind: 'answer', reply: { janus: 'pong', transaction: tx } },
    ],
  ])('%s', (_name, input, view, decision) => {
    expect(decide(input, view, lookups, limits)).toEqual(decision);
  });
});

describe('door policy: what is refused, Janus-shaped', () => {
  it.each<[string, unknown, ConnectionView, Decision]>([
    [
      'create without any credential',
      { janus: 'create', transaction: tx },
      anonymous,
      refused(403, /^Authenticate first/),
    ],
    [
      'create with a token that is neither a key nor a live ticket',
      { janus: 'create', transaction: tx, token: 'ticket-expired' },
      { connection: ALL, sessions: new Map() },
      refused(403, /^The token is neither/),
    ],
    [
      'a third session on one connection',
      { janus: 'create', transaction: tx },
      full,
      refused(429, /At most 2 sessions per connection/),
    ],
    [
      'attach another plugin',
      { janus: 'attach', session_id: 1, plugin: 'janus.plugin.videoroom', transaction: tx },
      connection(),
      refused(405, /Only janus.plugin.streaming/, 1),
    ],
    [
      'attach on a session of another connection',
      { janus: 'attach', session_id: 7, plugin: 'janus.plugin.streaming', transaction: tx },
      connection(),
      refused(458, /No such session 7/),
    ],
    [
      'a third handle on one session',
      { janus: 'attach', session_id: 1, plugin: 'janus.plugin.streaming', transaction: tx },
      full,
      refused(429, /At most 3 handles per session/, 1),
    ],
    [
      "attach with another credential's ticket",
      {
        janus: 'attach',
        session_id: 1,
        plugin: 'janus.plugin.streaming',
        transaction: tx,
        token: 'ticket-other',
      },
      connection(),
      refused(403, /belongs to another key or session/, 1),
    ],
    [
      'a message on a handle of another session',
      message({ request: 'watch', id: 11 }, { handle_id: 99 }),
      connection(),
      refused(459, /No such handle 99/, 1),
    ],
    [
      'switch (Janus checks no pin on it)',
      message({ request: 'switch', id: 11 }),
      connection(),
      refused(403, /"switch" is not served/, 1),
    ],
    [
      'watch of a camera the handle may not view (a lobby ticket, the gate camera)',
      message({ request: 'watch', id: 22 }, { handle_id: 20 }),
      connection(),
      refused(403, /No camera you may view has stream id 22/, 1),
    ],
    [
      'watch of a camera the session may not view (a session opened with a lobby ticket)',
      message({ request: 'watch', id: 22 }),
      connection(LOBBY_ONLY),
      refused(403, /No camera you may view has stream id 22/, 1),
    ],
    [
      'watch of a mountpoint no camera owns (same answer: no probing)',
      message({ request: 'watch', id: 33 }),
      connection(),
      refused(403, /No camera you may view has stream id 33/, 1),
    ],
    [
      'watch without an id',
      message({ request: 'watch' }),
      connection(),
      refused(403, /stream id undefined/, 1),
    ],
    ...['list', 'info', 'create', 'destroy', 'edit', 'recording', 'enable', 'disable', 'kick'].map(
      (request): [string, unknown, ConnectionView, Decision] => [
        `the admin request "${request}"`,
        message({ request, id: 11, secret: 'x' }),
        connection(),
        refused(403, new RegExp(`^"${request}" is not a viewer request`), 1),
      ],
    ),
    [
      'a message without a body',
      message(undefined as unknown as object),
      connection(),
      refused(456, /body\)/, 1),
    ],
    ['a body without a request', message({ id: 11 }), connection(), refused(456, /body.request/, 1)],
    [
      'a jsep with anything but start',
      message({ request: 'watch', id: 11 }, { jsep: { type: 'offer', sdp: 'v=0' } }),
      connection(),
      refused(467, /only with "start"/, 1),
    ],
    [
      'an SDP offer from a viewer',
      message({ request: 'start' }, { jsep: { type: 'offer', sdp: 'v=0' } }),
      connection(),
      refused(403, /only an SDP answer/, 1),
    ],
    [
      'a listed field of the wrong type',
      message({ request: 'configure', send: 'yes' }),
      connection(),
      refused(467, /body.send/, 1),
    ],
    [
      'a trickle without candidates',
      { janus: 'trickle', session_id: 1, handle_id: 10, transaction: tx },
      connection(),
      refused(456, /candidate or up to 64 candidates/, 1),
    ],
    [
      'claim (another connection’s session)',
      { janus: 'claim', session_id: 1, transaction: tx },
      connection(),
      refused(403, /"claim" is not served/),
    ],
    [
      'an Admin API verb',
      { janus: 'add_token', token: 'x', transaction: tx },
      connection(),
      refused(403, /"add_token" is not served/),
    ],
    [
      'an unknown verb',
      { janus: 'teleport', transaction: tx },
      connection(),
      refused(453, /Unknown request 'teleport'/),
    ],
    [
      'a message without a session',
      { janus: 'keepalive', transaction: tx },
      connection(),
      refused(456, /session_id/),
    ],
  ])('%s', (_name, input, view, decision) => {
    expect(decide(input, view, lookups, limits)).toEqual(decision);
  });

  it.each<[string, unknown, string]>([
    ['not an object', [1, 2], 'Invalid JSON Object'],
    ['no transaction', { janus: 'create' }, 'Missing mandatory element (transaction)'],
    ['no verb', { transaction: tx }, 'Missing mandatory element (janus)'],
  ])('%s is refused', (_name, input, reason) => {
    const decision = decide(input, anonymous, lookups, limits);
    expect(decision.kind).toBe('refuse');
    expect(decision).toMatchObject({ reply: { janus: 'error', error: { reason } } });
  });
});
