import { Type, type Static } from 'typebox';

import { CameraId } from './camera';
import { ONE_LINE, SLUG } from './patterns';

/** Wall layouts: square grids and hotspot layouts (one big tile plus small ones). */
export const LAYOUTS = ['1', '2x2', '3x3', '4x4', '5x5', '1+5', '1+7', '1+12'] as const;

/** A wall layout's id. */
export type LayoutId = (typeof LAYOUTS)[number];

/** How many tiles each layout has. */
export const LAYOUT_TILES: Record<LayoutId, number> = {
  '1': 1,
  '2x2': 4,
  '3x3': 9,
  '4x4': 16,
  '5x5': 25,
  '1+5': 6,
  '1+7': 8,
  '1+12': 13,
};

/** A view's id: a slug like a camera's. */
export const ViewId = Type.String({ pattern: SLUG.pattern });

/** A tour: a pool of cameras rotated through the view's tiles every `interval_s` seconds. */
export const Tour = Type.Object(
  {
    cameras: Type.Array(CameraId, { minItems: 1, maxItems: 256 }),
    interval_s: Type.Integer({ minimum: 3, maximum: 3600 }),
  },
  { additionalProperties: false },
);

/** A tour. */
export type Tour = Static<typeof Tour>;

const viewFields = {
  name: Type.String({ minLength: 1, maxLength: 128, pattern: ONE_LINE.pattern }),
  layout: Type.Enum(LAYOUTS),
  /** One entry per tile, in layout order: a camera id or null for an empty tile. */
  tiles: Type.Array(Type.Union([CameraId, Type.Null()]), { maxItems: 25 }),
  tour: Type.Union([Tour, Type.Null()]),
};

/** What `POST /views` takes. */
export const ViewInput = Type.Object(
  {
    view_id: ViewId,
    name: viewFields.name,
    layout: viewFields.layout,
    tiles: viewFields.tiles,
    tour: Type.Optional(viewFields.tour),
  },
  { additionalProperties: false, $id: 'ViewInput' },
);

/** A new view. */
export type ViewInput = Static<typeof ViewInput>;

/** What `PATCH /views/{id}` takes. */
export const ViewPatch = Type.Object(
  {
    name: Type.Optional(viewFields.name),
    layout: Type.Optional(viewFields.layout),
    tiles: Type.Optional(viewFields.tiles),
    tour: Type.Optional(viewFields.tour),
  },
  { additionalProperties: false, minProperties: 1, $id: 'ViewPatch' },
);

/** A view change. */
export type ViewPatch = Static<typeof ViewPatch>;

/** A named view as stored and served: layout, camera per tile, optional tour. */
export const View = Type.Object(
  {
    view_id: ViewId,
    name: Type.String(),
    layout: viewFields.layout,
    tiles: viewFields.tiles,
    tour: viewFields.tour,
    created_at: Type.String({ format: 'date-time' }),
    updated_at: Type.String({ format: 'date-time' }),
    /** When a wall last said it shows this view (`POST /views/{view_id}/shown`). */
    last_shown_at: Type.Optional(Type.String({ format: 'date-time' })),
  },
  { $id: 'View' },
);

/** A named view. */
export type View = Static<typeof View>;
