import { describe, expect, it } from 'vitest';

import { ViewerTickets } from '../../../main/door/tickets';

function setup() {
  const clock = { time: 0, now: () => clock.time };
  let alive = true;
  const credential = { id: 'key_view', alive: () => alive };
  return {
    clock,
    credential,
    tickets: new ViewerTickets(clock),
    end: () => {
      alive = false;
    },
  };
}

describe('ViewerTickets', () => {
  it('grants its one camera to the credential that asked, as often as used within 60 s', () => {
    const { clock, credential, tickets } = setup();
    const { ticket, expiresAt } = tickets.issue('lobby', credential);
    expect(ticket).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(expiresAt.getTime()).toBe(60_000);
    expect(tickets.redeem(ticket)).toEqual({ credential, cameras: new Set(['lobby']) });
    clock.time = 59_999;
    expect(tickets.redeem(ticket)).toBeDefined();
    clock.time = 60_000;
    expect(tickets.redeem(ticket)).toBeUndefined();
  });

  it('are random, and unknown ones grant nothing', () => {
    const { credential, tickets } = setup();
    const a = tickets.issue('lobby', credential).ticket;
    const b = tickets.issue('lobby', credential).ticket;
    expect(a).not.toBe(b);
    expect(tickets.redeem(`${a}x`)).toBeUndefined();
  });

  it('end with their credential, and with their camera', () => {
    const { credential, tickets, end } = setup();
    const lobby = tickets.issue('lobby', credential).ticket;
    const gate = tickets.issue('gate', credential).ticket;
    tickets.forgetCamera('lobby');
    expect(tickets.redeem(lobby)).toBeUndefined();
    expect(tickets.redeem(gate)).toBeDefined();
    end();
    expect(tickets.redeem(gate)).toBeUndefined();
  });

  it('keep at most 10 000 outstanding: a flood of /stream calls drops the oldest', () => {
    const { credential, tickets } = setup();
    const first = tickets.issue('lobby', credential).ticket;
    for (let i = 0; i < 10_000; i++) tickets.issue('lobby', credential);
    expect(tickets.redeem(first)).toBeUndefined();
  });
});
