import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { demoLayout, showDemoView } from '../../../main/demo/demo-view';
import { ViewService } from '../../../main/station/views';
import { openViewStore } from '../../../main/store/view-store';

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'vigil-demo-view-'));
});
afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

describe('demoLayout', () => {
  it.each([
    [1, '1'],
    [2, '2x2'],
    [4, '2x2'],
    [5, '3x3'],
    [9, '3x3'],
    [16, '4x4'],
  ])('%i cameras fit %s', (count, layout) => {
    expect(demoLayout(count)).toBe(layout);
  });
});

describe('showDemoView', () => {
  it('saves "Demo" with the cameras placed and marks it shown last', async () => {
    let now = Date.parse('2026-12-02T10:00:00.000Z');
    const views = new ViewService(openViewStore({ dataDir }), undefined, () => new Date(now));
    await views.create({ view_id: 'mine', name: 'Mine', layout: '1', tiles: ['x'] });
    await views.markShown('mine');
    now += 1000;
    await showDemoView(views, ['demo-1', 'demo-2', 'demo-3']);
    expect(views.get('demo')).toMatchObject({
      name: 'Demo',
      layout: '2x2',
      tiles: ['demo-1', 'demo-2', 'demo-3', null],
      last_shown_at: new Date(now).toISOString(),
    });
  });

  it('keeps an existing Demo view as the operator left it, and still shows it first', async () => {
    const views = new ViewService(openViewStore({ dataDir }));
    await views.create({ view_id: 'demo', name: 'My demo', layout: '1', tiles: ['demo-2'] });
    await showDemoView(views, ['demo-1', 'demo-2']);
    expect(views.get('demo')).toMatchObject({ name: 'My demo', layout: '1', tiles: ['demo-2'] });
    expect(views.get('demo').last_shown_at).toBeDefined();
  });
});
