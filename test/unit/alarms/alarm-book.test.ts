import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import type { AlarmActor, AlarmInput } from '../../../common/alarms';
import type { StationEvent } from '../../../common/events';
import { AlarmBook } from '../../../main/alarms/alarm-book';
import { alarmJournalPath } from '../../../main/alarms/alarm-journal';

const VAS: AlarmActor = { kind: 'key', name: 'vas-portal' };
const DESK: AlarmActor = { kind: 'desk', name: 'desk' };
const CAMERAS = new Set(['gate', 'lobby']);

let dataDir: string;
let events: StationEvent[];
let clock: Date;
const books: AlarmBook[] = [];

async function open(retentionDays?: number): Promise<AlarmBook> {
  const book = await AlarmBook.open({
    dataDir,
    logger: pino({ level: 'silent' }),
    hasCamera: (id) => CAMERAS.has(id),
    publish: (event) => events.push(event),
    now: () => clock,
    ...(retentionDays === undefined ? {} : { retentionDays }),
  });
  books.push(book);
  return book;
}

const input = (extra: Partial<AlarmInput> = {}): AlarmInput => ({
  camera_ids: ['gate'],
  severity: 'warning',
  title: 'Intrusion at gate',
  ...extra,
});

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'vigil-alarms-'));
  events = [];
  clock = new Date('2026-12-02T10:00:00.000Z');
});
afterEach(async () => {
  for (const book of books.splice(0)) await book.stop();
  vi.useRealTimers();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('AlarmBook.raise', () => {
  it('raises a new alarm recorded as the key, announces it and journals it', async () => {
    const book = await open();
    const alarm = await book.raise(
      input({ external_id: 'e1', description: 'two people\nat the fence' }),
      VAS,
    );
    expect(alarm).toMatchObject({
      alarm_id: expect.stringMatching(/^alm_[0-9a-f]{20}$/) as string,
      camera_ids: ['gate'],
      state: 'new',
      source: 'vas-portal',
      occurred_at: '2026-12-02T10:00:00.000Z',
      history: [{ action: 'raised', state: 'new', by: 'vas-portal', at: '2026-12-02T10:00:00.000Z' }],
    });
    expect(events).toEqual([{ type: 'alarm.raised', alarm, at: alarm.raised_at }]);
    expect(readFileSync(alarmJournalPath(dataDir), 'utf8').trim().split('\n')).toHaveLength(1);
  });

  it('answers the first alarm for the same source and external_id, also for retries arriving at once', async () => {
    const book = await open();
    const raises = Array.from({ length: 10 }, () =>
      book.raise(input({ source: 'vas', external_id: 'x' }), VAS),
    );
    const alarms = await Promise.all(raises);
    expect(new Set(alarms.map((a) => a.alarm_id)).size).toBe(1);
    const again = await book.raise(input({ source: 'vas', external_id: 'x', title: 'changed' }), VAS);
    expect(again.alarm_id).toBe(alarms[0]?.alarm_id);
    // Another source may use the same external id.
    const other = await book.raise(input({ source: 'motion', external_id: 'x' }), VAS);
    expect(other.alarm_id).not.toBe(again.alarm_id);
    expect(book.list({})).toHaveLength(2);
    expect(events.filter((e) => e.type === 'alarm.raised')).toHaveLength(2);
  });

  it('refuses unknown cameras (naming them) and occurred_at far in the future; nothing is recorded', async () => {
    const book = await open();
    await expect(book.raise(input({ camera_ids: ['gate', 'nope'] }), VAS)).rejects.toMatchObject({
      code: 'VIGIL_ERR_CAMERA_NOT_FOUND',
      field: 'camera_ids',
      message: expect.stringContaining('"nope"') as string,
    });
    await expect(book.raise(input({ occurred_at: '2026-12-02T11:00:00.000Z' }), VAS)).rejects.toMatchObject({
      code: 'VIGIL_ERR_VALIDATION',
      field: 'occurred_at',
    });
    expect(book.list({})).toEqual([]);
    expect(events).toEqual([]);
  });

  it("records the desk operator's name it is given, and a key's name whatever operator it sends", async () => {
    const book = await open();
    const byDesk = await book.raise(input({ operator: 'Ana' }), DESK);
    const byKey = await book.raise(input({ operator: 'Mallory' }), VAS);
    expect(byDesk.history[0]?.by).toBe('Ana');
    expect(byKey.history[0]?.by).toBe('vas-portal');
  });
});

describe('AlarmBook workflow', () => {
  it('acknowledges, then closes, recording who and when; a closed alarm refuses more (409 naming the state)', async () => {
    const book = await open();
    const { alarm_id: id } = await book.raise(input(), VAS);
    clock = new Date('2026-12-02T10:01:00.000Z');
    const acked = await book.acknowledge(id, { note: 'on it', operator: 'Ana' }, DESK);
    expect(acked.state).toBe('acknowledged');
    expect(acked.history.at(-1)).toEqual({
      action: 'acknowledged',
      state: 'acknowledged',
      at: '2026-12-02T10:01:00.000Z',
      by: 'Ana',
      note: 'on it',
    });
    await expect(book.acknowledge(id, {}, DESK)).rejects.toMatchObject({ code: 'VIGIL_ERR_ALARM_STATE' });
    const done = await book.close(id, {}, DESK);
    expect(done.state).toBe('closed');
    for (const action of [
      () => book.acknowledge(id, {}, DESK),
      () => book.close(id, {}, DESK),
      () => book.snooze(id, { minutes: 5 }, DESK),
    ]) {
      await expect(action()).rejects.toMatchObject({
        code: 'VIGIL_ERR_ALARM_STATE',
        field: 'state',
        message: expect.stringContaining('is closed') as string,
      });
    }
    expect(book.get(id).history.map((h) => h.action)).toEqual(['raised', 'acknowledged', 'closed']);
  });

  it('two acknowledgements at once: one wins, the other is refused; history has one', async () => {
    const book = await open();
    const { alarm_id: id } = await book.raise(input(), VAS);
    const results = await Promise.allSettled([
      book.acknowledge(id, {}, DESK),
      book.acknowledge(id, {}, DESK),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(book.get(id).history.filter((h) => h.action === 'acknowledged')).toHaveLength(1);
  });

  it('a critical alarm needs a note to be acknowledged or closed', async () => {
    const book = await open();
    const { alarm_id: id } = await book.raise(input({ severity: 'critical' }), VAS);
    await expect(book.acknowledge(id, {}, DESK)).rejects.toMatchObject({ field: 'note' });
    await expect(book.close(id, {}, DESK)).rejects.toMatchObject({ field: 'note' });
    await book.acknowledge(id, { note: 'guard sent' }, DESK);
    await expect(book.close(id, {}, DESK)).resolves.toMatchObject({ state: 'closed' });
  });

  it('a snoozed alarm returns by itself to the state it had, announced as alarm.updated by the station', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const book = await open();
    const { alarm_id: id } = await book.raise(input(), VAS);
    await book.acknowledge(id, {}, DESK);
    const sleeping = await book.snooze(id, { minutes: 2 }, DESK);
    expect(sleeping).toMatchObject({ state: 'snoozed', snoozed_until: '2026-12-02T10:02:00.000Z' });
    clock = new Date('2026-12-02T10:02:00.000Z');
    await vi.advanceTimersByTimeAsync(120_000);
    await vi.waitFor(() => {
      expect(book.get(id).state).toBe('acknowledged');
    });
    const back = book.get(id);
    expect(back.snoozed_until).toBeUndefined();
    expect(back.history.at(-1)).toMatchObject({ action: 'unsnoozed', by: 'station' });
    expect(events.at(-1)).toMatchObject({ type: 'alarm.updated', alarm: { state: 'acknowledged' } });
  });

  it('end marks the condition over once, without changing the state', async () => {
    const book = await open();
    const { alarm_id: id } = await book.raise(input({ source: 'motion' }), {
      kind: 'station',
      name: 'motion',
    });
    const first = await book.end(id, { kind: 'station', name: 'motion' }, 'motion stopped');
    const second = await book.end(id, { kind: 'station', name: 'motion' });
    expect(first).toMatchObject({ state: 'new', ended_at: '2026-12-02T10:00:00.000Z' });
    expect(second).toBe(first);
  });

  it('answers 404 naming alarm_id for an unknown alarm', async () => {
    const book = await open();
    expect(() => book.get('alm_00000000000000000000')).toThrow(
      expect.objectContaining({ code: 'VIGIL_ERR_ALARM_NOT_FOUND', field: 'alarm_id' }),
    );
    await expect(book.acknowledge('alm_00000000000000000000', {}, DESK)).rejects.toMatchObject({
      code: 'VIGIL_ERR_ALARM_NOT_FOUND',
    });
  });
});

describe('AlarmBook.list', () => {
  it('filters by state, camera, severity and occurred_at range, newest first, up to limit', async () => {
    const book = await open();
    const ids: string[] = [];
    for (const [minute, camera, severity] of [
      [1, 'gate', 'info'],
      [2, 'lobby', 'critical'],
      [3, 'gate', 'warning'],
    ] as const) {
      clock = new Date(`2026-12-02T10:0${minute}:00.000Z`);
      ids.push((await book.raise(input({ camera_ids: [camera], severity }), VAS)).alarm_id);
    }
    await book.acknowledge(ids[0] ?? '', {}, DESK);
    expect(book.list({}).map((a) => a.alarm_id)).toEqual([...ids].reverse());
    expect(book.list({ camera_id: 'gate' }).map((a) => a.alarm_id)).toEqual([ids[2], ids[0]]);
    expect(book.list({ state: 'acknowledged' }).map((a) => a.alarm_id)).toEqual([ids[0]]);
    expect(book.list({ severity: 'critical' }).map((a) => a.alarm_id)).toEqual([ids[1]]);
    const range = { from: '2026-12-02T10:01:30.000Z', to: '2026-12-02T10:02:30.000Z' };
    expect(book.list(range).map((a) => a.alarm_id)).toEqual([ids[1]]);
    expect(book.list({ limit: 1 }).map((a) => a.alarm_id)).toEqual([ids[2]]);
  });
});

describe('AlarmBook persistence', () => {
  it('reopens with every alarm and its state and history; a torn last line is left out, not fatal', async () => {
    const book = await open();
    const a = await book.raise(input({ external_id: 'a' }), VAS);
    const b = await book.raise(input({ external_id: 'b' }), VAS);
    await book.acknowledge(a.alarm_id, { note: 'seen' }, DESK);
    await book.stop();
    appendFileSync(alarmJournalPath(dataDir), '{"v":1,"alarm":{"alarm_id":"alm_');
    const again = await open();
    expect(again.get(a.alarm_id)).toMatchObject({ state: 'acknowledged', history: [{}, { note: 'seen' }] });
    expect(again.get(b.alarm_id).state).toBe('new');
    // Idempotency survives the restart.
    expect((await again.raise(input({ external_id: 'b' }), VAS)).alarm_id).toBe(b.alarm_id);
    expect(again.list({})).toHaveLength(2);
  });

  it('a snooze that ran out while the station was down ends at start', async () => {
    const book = await open();
    const { alarm_id: id } = await book.raise(input(), VAS);
    await book.snooze(id, { minutes: 1 }, DESK);
    await book.stop();
    clock = new Date('2026-12-02T10:05:00.000Z');
    const again = await open();
    await vi.waitFor(() => {
      expect(again.get(id).state).toBe('new');
    });
  });

  it('compacts the journal while changes keep coming, losing none of them', async () => {
    const book = await open();
    const raised = await Promise.all(
      Array.from({ length: 300 }, (_, n) => book.raise(input({ external_id: `e${n}` }), VAS)),
    );
    await Promise.all(raised.map((a) => book.acknowledge(a.alarm_id, {}, DESK)));
    await Promise.all(raised.map((a) => book.snooze(a.alarm_id, { minutes: 30 }, DESK)));
    // Past 1000 lines (over three per alarm) the journal is rewritten while these changes keep coming.
    await Promise.all(raised.map((a) => book.snooze(a.alarm_id, { minutes: 60 }, DESK)));
    await vi.waitFor(() => {
      expect(readFileSync(alarmJournalPath(dataDir), 'utf8').trim().split('\n').length).toBeLessThan(1200);
    });
    await book.stop();
    const again = await open();
    const after = again.list({ limit: 1000 });
    expect(after.map((a) => a.history.length)).toEqual(Array(300).fill(4));
    expect(after.every((a) => a.snoozed_until === '2026-12-02T11:00:00.000Z')).toBe(true);
  });

  it('drops closed alarms past retention and compacts the journal; open ones stay', async () => {
    const book = await open(30);
    const open1 = await book.raise(input(), VAS);
    const closed1 = await book.raise(input(), VAS);
    await book.close(closed1.alarm_id, {}, DESK);
    await book.stop();
    clock = new Date('2027-02-01T10:00:00.000Z');
    const later = await open(30);
    expect(later.list({}).map((a) => a.alarm_id)).toEqual([open1.alarm_id]);
    expect(readFileSync(alarmJournalPath(dataDir), 'utf8').trim().split('\n')).toHaveLength(1);
  });
});
