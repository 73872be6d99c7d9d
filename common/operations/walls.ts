import { Type } from 'typebox';

import { Wall, WallName, WallShowAnswer, WallShowInput } from '../walls';
import type { ResourceContracts } from './contract';

/** Named walls (`/walls`): which are connected, and pushing a camera or view to one. */
export const wallContracts = {
  'walls.list': {
    args: [],
    output: Type.Array(Wall),
    scope: 'view',
    summary: 'The walls connected now (browser pages with ?wall=NAME, desktop windows with a name)',
    handler: 'walls.list',
  },
  'walls.show': {
    args: [WallName, WallShowInput],
    output: WallShowAnswer,
    scope: 'manage',
    summary:
      'Make the named wall show a camera or a saved view (202); 404 when no wall of that name is connected',
    handler: 'walls.show',
  },
} as const satisfies ResourceContracts<'walls'>;
