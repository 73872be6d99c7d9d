import { describe, expect, it } from 'vitest';

import { gaveUpNotice, trayText, wallFailurePage } from '../../../../main/runtime/desk/desk-text';

describe('trayText', () => {
  it.each([
    [{ up: 16, down: 0 }, {}, 'Vigil: cameras 16 up, 0 down', ''],
    [{ up: 14, down: 2 }, {}, 'Vigil: cameras 14 up, 2 down', '2 down'],
    [{ up: 0, down: 0 }, {}, 'Vigil: cameras 0 up, 0 down', ''],
    [
      { up: 0, down: 3 },
      { gaveUp: { reason: 'x' } },
      'Vigil: Janus stopped; cameras 0 up, 3 down',
      'Janus stopped',
    ],
  ])('%j, Janus %j', (counts, janus, toolTip, title) => {
    expect(trayText(counts, janus)).toMatchObject({ toolTip, title });
  });

  it('adds a warning line only while Janus is stopped', () => {
    expect(trayText({ up: 1, down: 0 }).warning).toBeUndefined();
    expect(trayText({ up: 1, down: 0 }, { gaveUp: { reason: 'x' } }).warning).toBe(
      'Janus stopped: choose another in Settings',
    );
  });
});

describe('gaveUpNotice', () => {
  it('says why, what it means, and names the setting and the log', () => {
    const notice = gaveUpNotice('Janus failed 5 times in a row', {
      setting: '"janus_mode" in /home/desk/.config/Vigil/desktop.json',
      logFile: '/home/desk/.config/Vigil/logs/vigil.log',
    });
    expect(notice.title).toBe('Janus keeps failing');
    expect(notice.body).toContain(
      'Vigil stopped restarting the bundled Janus: Janus failed 5 times in a row',
    );
    expect(notice.body).toContain(
      '"janus_mode" in /home/desk/.config/Vigil/desktop.json: native, container or remote',
    );
    expect(notice.body).toContain('/home/desk/.config/Vigil/logs/vigil.log');
  });
});

describe('wallFailurePage', () => {
  it('is a data: URL saying how often the wall was reloaded and why', () => {
    const url = wallFailurePage({ reason: 'crashed', reloads: 3 });
    expect(url).toMatch(/^data:text\/html;charset=utf-8,/);
    const page = decodeURIComponent(url.slice(url.indexOf(',') + 1));
    expect(page).toContain('<h1>This wall keeps failing</h1>');
    expect(page).toContain('Vigil reloaded it 3 times (crashed)');
  });
});
