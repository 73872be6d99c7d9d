// Named walls (Milestone's Matrix): a browser wall names itself with `?wall=NAME` on its page and event stream,
// a desktop window registers its name over IPC; `POST /walls/{name}/show` pushes a camera or a view to it.
import { Type, type Static } from 'typebox';

import { CameraId } from './camera';
import { SLUG } from './patterns';
import { ViewId } from './views';

/** A wall's name (`desk-1-left`): a slug. */
export const WallName = Type.String({ pattern: SLUG.pattern });

/** How a wall is connected: a browser page's event stream or a desktop window. */
export const WallKind = Type.Union([Type.Literal('browser'), Type.Literal('desktop')]);

/** A connected wall; several pages may share a name (each of them shows what is pushed). */
export const Wall = Type.Object(
  {
    name: WallName,
    kind: WallKind,
    /** When its oldest live connection of this kind came. */
    connected_at: Type.String({ format: 'date-time' }),
    /** How many pages or windows hold this name and kind now. */
    connections: Type.Integer({ minimum: 1 }),
  },
  { $id: 'Wall' },
);

/** A connected wall. */
export type Wall = Static<typeof Wall>;

/** What `POST /walls/{name}/show` takes: exactly one of a camera or a saved view. */
export const WallShowInput = Type.Object(
  { camera_id: Type.Optional(CameraId), view_id: Type.Optional(ViewId) },
  { additionalProperties: false, minProperties: 1, maxProperties: 1, $id: 'WallShowInput' },
);

/** A push to a wall. */
export type WallShowInput = Static<typeof WallShowInput>;

/** The answer to a push: the wall's name, what was pushed and how many pages or windows got it. */
export const WallShowAnswer = Type.Object({
  wall: WallName,
  camera_id: Type.Optional(CameraId),
  view_id: Type.Optional(ViewId),
  delivered_to: Type.Integer({ minimum: 1 }),
});

/** The answer to a push. */
export type WallShowAnswer = Static<typeof WallShowAnswer>;
