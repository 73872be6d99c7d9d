import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';

import { ViewId } from '../../../common/views';

const Rect = Type.Object({
  x: Type.Integer(),
  y: Type.Integer(),
  width: Type.Integer({ minimum: 1 }),
  height: Type.Integer({ minimum: 1 }),
});

/** What identifies a monitor across restarts and replugs: Electron's id, its label, resolution and origin. */
export const DisplayIdentity = Type.Object({
  id: Type.Integer(),
  label: Type.String(),
  /** Native resolution (size × scale factor), which a change of scaling does not move. */
  width: Type.Integer(),
  height: Type.Integer(),
  /** The display's origin in screen coordinates when last seen. */
  x: Type.Integer(),
  y: Type.Integer(),
});

/** A monitor's identity as saved. */
export type DisplayIdentity = Static<typeof DisplayIdentity>;

/** One opted-in display: its stable key, the monitor, the view it shows and its window's bounds. */
export const SavedWall = Type.Object({
  key: Type.String({ minLength: 1 }),
  display: DisplayIdentity,
  viewId: Type.Optional(ViewId),
  /** Relative to the display's top-left corner, so they follow a display that moved. */
  bounds: Type.Optional(Rect),
});

/** One saved wall. */
export type SavedWall = Static<typeof SavedWall>;

/** Everything the wall windows remember (JSON). */
export const WallWindowState = Type.Object({ walls: Type.Array(SavedWall) });

/** The saved walls. */
export type WallWindowState = Static<typeof WallWindowState>;

/** Where wall windows keep their state (the composition backs it with the settings file). */
export interface WallWindowStore {
  get(): unknown;
  set(state: WallWindowState): void;
}

/** The saved state if it is well-formed, else no walls (a damaged file must not stop the desk from starting). */
export function readWallState(saved: unknown): WallWindowState {
  return Value.Check(WallWindowState, saved) ? saved : { walls: [] };
}
