import { describe, expect, it } from 'vitest';

import type { View } from '../../../../common/views';
import { initialView } from '../../../../renderer/views/initialView';

const view = (viewId: string, lastShown?: string): View => ({
  view_id: viewId,
  name: viewId,
  layout: '1',
  tiles: [null],
  tour: null,
  created_at: '2026-01-01T00:00:00.000Z',
  updated_at: '2026-01-01T00:00:00.000Z',
  ...(lastShown === undefined ? {} : { last_shown_at: lastShown }),
});

const A = view('a');
const B = view('b', '2026-03-01T10:00:00.000Z');
const C = view('c', '2026-03-02T09:00:00.000Z');

describe('initialView', () => {
  it.each<[string, View[], string | null, string | null]>([
    ['the view this window remembers', [A, B, C], 'a', 'a'],
    ['else the view any wall showed last', [A, B, C], null, 'c'],
    ['a remembered view that was deleted counts as none', [A, B, C], 'gone', 'c'],
    ['else the first saved view', [A, view('d')], null, 'a'],
    ['nothing when the station has no view', [], 'a', null],
  ])('%s', (_what, views, remembered, expected) => {
    expect(initialView(views, remembered)?.view_id ?? null).toBe(expected);
  });
});
