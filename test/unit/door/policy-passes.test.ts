import { describe, expect, it } from 'vitest';

import { decide, type ConnectionView, type Decision } from '../../../main/door/policy';
import { ALL, anonymous, connection, limits, LOBBY_ONLY, lookups, message, tx } from './policy-fixtures';

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
