// A camera's motion detection settings (the optional `motion` field of a camera): what POST/PATCH /cameras
// take, what the store keeps and what responses show. The station decodes the camera's sub-stream (or its main
// stream) at 5 fps into small greyscale frames and compares them (main/motion); motion raises an alarm.
import { Type, type Static } from 'typebox';

/** How urgent the alarm a camera's motion raises is (the alarm severities). */
export const MotionSeverity = Type.Union([
  Type.Literal('info'),
  Type.Literal('warning'),
  Type.Literal('critical'),
]);

/** A motion alarm's severity. */
export type MotionSeverity = Static<typeof MotionSeverity>;

/**
 * One corner of an ignore zone: `[x, y]` as fractions of the picture's width and height (0,0 top left). An array
 * of two rather than a tuple: tuple schemas read differently across JSON Schema drafts (the stores' ajv refuses them).
 */
export const ZonePoint = Type.Array(Type.Number({ minimum: 0, maximum: 1 }), { minItems: 2, maxItems: 2 });

/** A polygon (3–32 corners) where motion is ignored: a clock overlay, a tree, a busy road. */
export const MotionZone = Type.Array(ZonePoint, { minItems: 3, maxItems: 32 });

/** An ignore zone. */
export type MotionZone = Static<typeof MotionZone>;

/** Defaults for the settings a caller leaves out. */
export const MOTION_DEFAULTS = { sensitivity: 50, min_area_percent: 1, severity: 'warning' } as const;

const fields = {
  enabled: Type.Boolean({ description: 'Detect motion on this camera' }),
  sensitivity: Type.Integer({
    minimum: 1,
    maximum: 100,
    description: `How small a change of brightness counts (1 = only stark changes, 100 = faint ones); default ${MOTION_DEFAULTS.sensitivity}`,
  }),
  min_area_percent: Type.Number({
    minimum: 0.1,
    maximum: 100,
    description: `How much of the watched picture (outside the ignore zones) must change, in percent; default ${MOTION_DEFAULTS.min_area_percent}`,
  }),
  severity: {
    ...MotionSeverity,
    description: `The motion alarm's severity; default ${MOTION_DEFAULTS.severity}`,
  },
  zones: Type.Array(MotionZone, {
    maxItems: 16,
    description: 'Polygons of [x, y] points in 0..1 (0,0 = top left) where motion is ignored',
  }),
};

/** What POST/PATCH /cameras take as `motion` (the whole setting; left-out values get their defaults). */
export const MotionInput = Type.Object(
  {
    enabled: fields.enabled,
    sensitivity: Type.Optional(fields.sensitivity),
    min_area_percent: Type.Optional(fields.min_area_percent),
    severity: Type.Optional(fields.severity),
    zones: Type.Optional(fields.zones),
  },
  { additionalProperties: false },
);

/** A camera's motion setting as sent. */
export type MotionInput = Static<typeof MotionInput>;

/** A camera's motion setting as stored and shown: every value settled. */
export const MotionSettings = Type.Object(
  {
    enabled: fields.enabled,
    sensitivity: fields.sensitivity,
    min_area_percent: fields.min_area_percent,
    severity: fields.severity,
    zones: fields.zones,
  },
  { additionalProperties: false },
);

/** A camera's settled motion setting. */
export type MotionSettings = Static<typeof MotionSettings>;

/** The setting `input` asks for, with defaults filled in. */
export function motionSettings(input: MotionInput): MotionSettings {
  return {
    enabled: input.enabled,
    sensitivity: input.sensitivity ?? MOTION_DEFAULTS.sensitivity,
    min_area_percent: input.min_area_percent ?? MOTION_DEFAULTS.min_area_percent,
    severity: input.severity ?? MOTION_DEFAULTS.severity,
    zones: input.zones ?? [],
  };
}
