import { describe, expect, it } from 'vitest';

import { decide, type ConnectionView, type Decision } from '../../../main/door/policy';
import {
  ALL,
  anonymous,
  connection,
  full,
  limits,
  LOBBY_ONLY,
  lookups,
  message,
  refused,
  tx,
} from './policy-fixtures';

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
