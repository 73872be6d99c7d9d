import { describe, expect, it, vi } from 'vitest';

import type { Alarm, AlarmInput } from '../../../common/alarms';
import { VASJanusClient, type AlarmEvent } from '../../../renderer/sdk';
import { fakeFetch, json } from './fakes';

vi.mock('../../../renderer/player', () => ({ createStreamPlayer: vi.fn() }));

const base = 'http://127.0.0.1:3000';
const at = '2026-12-02T10:00:00.000Z';
const alarm: Alarm = {
  alarm_id: 'alm_0000000000000000abcd',
  camera_ids: ['gate'],
  severity: 'critical',
  title: 'Fence cut',
  source: 'vas',
  external_id: 'evt-42',
  occurred_at: at,
  raised_at: at,
  state: 'new',
  updated_at: at,
  history: [{ action: 'raised', state: 'new', at, by: 'vas' }],
};

describe('VASJanusClient alarms', () => {
  it('raises, lists with a query, acknowledges, closes and snoozes over REST', async () => {
    const { fetch, seen } = fakeFetch(json(alarm, 201), json([alarm]), json(alarm), json(alarm), json(alarm));
    const sdk = new VASJanusClient(base, { apiKey: 'vigil_alarm_k', fetch });
    const input: AlarmInput = {
      camera_ids: ['gate'],
      severity: 'critical',
      title: 'Fence cut',
      external_id: 'evt-42',
    };
    await expect(sdk.raiseAlarm(input)).resolves.toEqual(alarm);
    await sdk.listAlarms({ state: 'new', limit: 5 });
    await sdk.acknowledgeAlarm(alarm.alarm_id, { note: 'guard sent' });
    await sdk.closeAlarm(alarm.alarm_id);
    await sdk.snoozeAlarm(alarm.alarm_id, { minutes: 10 });
    expect(seen.map((s) => [s.method, s.url, s.body])).toEqual([
      ['POST', `${base}/alarms`, input],
      ['GET', `${base}/alarms?state=new&limit=5`, undefined],
      ['POST', `${base}/alarms/${alarm.alarm_id}/acknowledge`, { note: 'guard sent' }],
      ['POST', `${base}/alarms/${alarm.alarm_id}/close`, {}],
      ['POST', `${base}/alarms/${alarm.alarm_id}/snooze`, { minutes: 10 }],
    ]);
  });

  it('onAlarm hears alarm.raised and alarm.updated from the event stream, nothing else', async () => {
    const events = [
      { type: 'gateway.up', at },
      { type: 'alarm.raised', alarm, at },
      { type: 'alarm.updated', alarm: { ...alarm, state: 'acknowledged' }, at },
    ];
    const text = events.map((e) => `event: ${e.type}\ndata: ${JSON.stringify(e)}\n\n`).join('');
    const fetch = vi.fn((_url: string | URL | Request, init?: RequestInit) =>
      init?.signal?.aborted === true
        ? Promise.reject(new Error('aborted'))
        : Promise.resolve(new Response(text, { headers: { 'content-type': 'text/event-stream' } })),
    );
    const sdk = new VASJanusClient(base, { apiKey: 'vigil_alarm_k', fetch });
    const got: AlarmEvent[] = [];
    const stop = sdk.onAlarm((event) => got.push(event));
    await vi.waitFor(() => {
      expect(got).toHaveLength(2);
    });
    stop();
    expect(got.map((e) => [e.type, e.alarm.state])).toEqual([
      ['alarm.raised', 'new'],
      ['alarm.updated', 'acknowledged'],
    ]);
  });
});
