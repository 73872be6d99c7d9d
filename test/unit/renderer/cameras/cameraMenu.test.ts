import { describe, expect, it, vi } from 'vitest';

import { cameraMenu } from '../../../../renderer/cameras/cameraMenu';
import { camera } from '../fixtures';

const actions = () => ({ place: vi.fn(), edit: vi.fn(), restart: vi.fn(), remove: vi.fn() });

describe('cameraMenu', () => {
  it('places on the tile it names, edits, restarts, deletes; headed by name and whole id', () => {
    const act = actions();
    const menu = cameraMenu(camera('gate-long-id', { name: 'Gate' }), 'tile 3 (selected)', act);
    expect(menu.title).toBe('Gate');
    expect(menu.subtitle).toBe('gate-long-id');
    expect(menu.items.map((i) => i.label)).toEqual([
      'Put on tile 3 (selected)',
      'Edit…',
      'Restart stream',
      'Delete…',
    ]);
    for (const item of menu.items) item.onSelect();
    for (const action of Object.values(act)) expect(action).toHaveBeenCalledTimes(1);
  });

  it('says why it cannot place when every tile is taken and none is selected', () => {
    const [place] = cameraMenu(camera('gate'), null, actions()).items;
    expect(place?.disabled).toBe(true);
    expect(place?.label).toMatch(/select one first/);
  });
});
