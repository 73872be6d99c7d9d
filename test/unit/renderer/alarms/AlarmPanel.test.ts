import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';

import type { Alarm } from '../../../../renderer/alarms/alarm';
import { AlarmPanel } from '../../../../renderer/alarms/AlarmPanel';
import { DEFAULT_DESK_SETTINGS } from '../../../../renderer/alarms/deskSettings';
import { PreAlarmReplay } from '../../../../renderer/alarms/PreAlarmReplay';
import type { AlarmDesk } from '../../../../renderer/alarms/useAlarmDesk';
import { alarm, changed } from './fixtures';

function desk(alarms: Alarm[], stage: Alarm | null, over: Partial<AlarmDesk> = {}): AlarmDesk {
  return {
    alarms: new Map(alarms.map((a) => [a.alarm_id, a])),
    error: null,
    onStationEvent: vi.fn(),
    stage,
    waiting: 0,
    takesOver: true,
    cue: null,
    settings: DEFAULT_DESK_SETTINGS,
    changeSettings: vi.fn(),
    operator: 'Ana',
    setOperator: vi.fn(),
    setAnswering: vi.fn(),
    act: vi.fn(),
    ...over,
  };
}

function render(d: AlarmDesk): string {
  return renderToString(
    createElement(AlarmPanel, {
      desk: d,
      wallName: 'desk-1-left',
      cameraName: (id) => (id === 'gate' ? 'Main gate' : undefined),
      replay: (a) =>
        createElement(PreAlarmReplay, {
          key: a.alarm_id,
          cameraId: a.camera_ids[0] ?? '',
          cameraName: 'Main gate',
          from: '2026-12-02T10:04:50.000Z',
          playback: undefined,
        }),
      onShow: vi.fn(),
      onHide: vi.fn(),
    }),
  );
}

/** The opening tag of the element with a data-testid. */
function tag(html: string, testId: string): string {
  const match = new RegExp(`<[^>]*data-testid="${testId}"[^>]*>`).exec(html);
  if (match === null) throw new Error(`no ${testId}`);
  return match[0];
}

describe('AlarmPanel', () => {
  const critical = alarm('c', { severity: 'critical', title: 'Intrusion at gate' }, 5);
  const acked = changed(alarm('w', { title: 'Door held open' }, 3), 'acknowledged', 'guard sent');

  it('lists every open alarm newest first, with counts that filter, and no prompt when nothing waits', () => {
    const html = render(desk([acked, alarm('n', {}, 4), changed(alarm('x', {}, 1), 'closed')], null));
    expect(html).not.toContain('data-testid="alarm-prompt"');
    expect(html.indexOf('alarm-row-n')).toBeLessThan(html.indexOf('alarm-row-w'));
    expect(html).not.toContain('alarm-row-x');
    expect(tag(html, 'alarm-count-new')).toContain('data-count="1"');
    expect(tag(html, 'alarm-count-closed')).toContain('data-count="1"');
    expect(tag(html, 'alarm-panel')).toContain('data-open-count="2"');
    expect(html).toContain('acknowledged by Ana');
  });

  it('puts the alarm on stage in a prompt (and in the list), held in view, its critical actions held for a note', () => {
    const html = render(desk([critical, acked], critical, { waiting: 2, cue: 'muted' }));
    const prompt = tag(html, 'alarm-prompt');
    expect(prompt).toContain('data-alarm-id="c"');
    expect(prompt).toContain('data-severity="critical"');
    expect(prompt).toContain('data-cue="muted"');
    expect(html).toContain('Intrusion at gate');
    expect(html).toContain('Main gate');
    expect(html).toContain('+2 waiting');
    expect(html).toContain('data-testid="alarm-row-c"');
    expect(tag(html, 'alarm-ack')).toContain('disabled=""');
    expect(tag(html, 'alarm-ack')).toContain('title="A critical alarm needs a note"');
    expect(html).toContain('Note (required for a critical alarm)');
    expect(html).toMatch(/<button[^>]*disabled=""[^>]*title="An alarm waits for you: it stays in view"/);
    expect(tag(html, 'alarm-replay')).toContain('data-state="none"');
    expect(html).toContain('No recording');
    expect(html).toContain('sound muted');
  });

  it('asks for the operator once when the desk does not know who is there', () => {
    const html = render(desk([alarm('n')], alarm('n'), { operator: '' }));
    expect(html).toContain('data-testid="alarm-operator"');
    expect(tag(html, 'alarm-ack')).toContain('title="Enter your name first"');
    expect(html).toContain('no operator yet');
  });

  it('says where the camera is live when a dedicated alarm wall shows it', () => {
    const settings = { ...DEFAULT_DESK_SETTINGS, alarmWall: 'desk-1-right' };
    const html = render(desk([alarm('n')], alarm('n'), { takesOver: false, settings }));
    expect(html).toContain('Live on wall desk-1-right');
  });
});
