import { describe, expect, it } from 'vitest';

import { PageWalls } from '../../../main/ipc/page-walls';
import { WallRegistry } from '../../../main/walls/wall-registry';

describe('PageWalls', () => {
  it('connects a named page as a desktop wall until it renames, unnames or goes away', () => {
    const walls = new WallRegistry({ publish: () => undefined, hasCamera: () => true, hasView: () => true });
    const pages = new PageWalls<{ id: number }>(walls);
    const left = { id: 1 };
    const right = { id: 2 };
    pages.name(left, 'desk-1-left');
    pages.name(right, 'desk-1-right');
    expect(walls.list().map((w) => [w.name, w.kind])).toEqual([
      ['desk-1-left', 'desktop'],
      ['desk-1-right', 'desktop'],
    ]);
    pages.name(right, 'atrium');
    expect(walls.list().map((w) => w.name)).toEqual(['atrium', 'desk-1-left']);
    const show = {
      type: 'wall.show',
      wall: 'atrium',
      camera_id: 'gate',
      at: '2026-12-02T10:00:00.000Z',
    } as const;
    expect([pages.reaches(left, show), pages.reaches(right, show)]).toEqual([false, true]);
    const other = { type: 'gateway.up', at: '2026-12-02T10:00:00.000Z' } as const;
    expect(pages.reaches(left, other)).toBe(true);
    pages.name(right, null);
    pages.forget(left);
    expect(walls.list()).toEqual([]);
    expect(pages.nameOf(left)).toBeUndefined();
  });
});
