import type { CameraInput, CameraPatch, CameraView } from '../../common/camera';
import {
  MOTION_DEFAULTS,
  motionSettings,
  type MotionInput,
  type MotionSeverity,
  type MotionZone,
} from '../../common/motion';
import type { ProbeResult } from '../../common/probe';
import type { RecordingMode, RecordingSettings } from '../../common/recording';
import { StationApiError } from '../../common/station-api';

/** The form's fields, in the order the form shows them. */
export const CAMERA_FIELDS = [
  'camera_id',
  'name',
  'rtsp_url',
  'username',
  'password',
  'auth_method',
  'description',
  'tags',
  'enabled',
  'motion',
  'recording',
] as const;

/** One of the form's fields (the REST body's names). */
export type CameraField = (typeof CAMERA_FIELDS)[number];

/** The form's values as the inputs hold them (tags as one comma-separated string). */
export interface CameraFormValues {
  camera_id: string;
  name: string;
  rtsp_url: string;
  username: string;
  password: string;
  auth_method: 'basic' | 'digest';
  description: string;
  tags: string;
  enabled: boolean;
  motion_enabled: boolean;
  /** 1–100, as typed. */
  motion_sensitivity: string;
  /** Percent, as typed. */
  motion_min_area_percent: string;
  motion_severity: MotionSeverity;
  recording_mode: RecordingMode;
  /** Hours of video kept, as typed. */
  recording_retention_hours: string;
}

/** A message under one field: `ok` for what the probe confirmed, otherwise a problem to fix. */
export interface FieldNote {
  ok: boolean;
  message: string;
}

/** Messages under fields, plus one for the whole form when no field is at fault. */
export interface FormNotes {
  fields: Partial<Record<CameraField, FieldNote>>;
  form?: FieldNote;
}

/** The form's starting values: empty for a new camera, the camera's (never its password) when editing. */
export function formFromCamera(camera?: CameraView): CameraFormValues {
  return {
    camera_id: camera?.camera_id ?? '',
    name: camera?.name ?? '',
    rtsp_url: camera?.rtsp_url ?? '',
    username: camera?.username ?? '',
    password: '',
    auth_method: camera?.auth_method ?? 'digest',
    description: camera?.description ?? '',
    tags: camera?.tags.join(', ') ?? '',
    enabled: camera?.enabled ?? true,
    motion_enabled: camera?.motion?.enabled ?? false,
    motion_sensitivity: String(camera?.motion?.sensitivity ?? MOTION_DEFAULTS.sensitivity),
    motion_min_area_percent: String(camera?.motion?.min_area_percent ?? MOTION_DEFAULTS.min_area_percent),
    motion_severity: camera?.motion?.severity ?? MOTION_DEFAULTS.severity,
    recording_mode: camera?.recording?.mode ?? 'off',
    recording_retention_hours: String(camera?.recording?.retention_hours ?? DEFAULT_RETENTION_HOURS),
  };
}

/** Hours of video the form offers to keep when a camera starts recording: three days. */
export const DEFAULT_RETENTION_HOURS = 72;

/** The form's recording setting. */
export function formRecording(v: CameraFormValues): RecordingSettings {
  return { mode: v.recording_mode, retention_hours: Number(v.recording_retention_hours) };
}

/** The form's motion setting; the ignore zones (set through the REST API) are kept as they are. */
export function formMotion(v: CameraFormValues, zones: readonly MotionZone[] = []): MotionInput {
  return {
    enabled: v.motion_enabled,
    sensitivity: Number(v.motion_sensitivity),
    min_area_percent: Number(v.motion_min_area_percent),
    severity: v.motion_severity,
    zones: [...zones],
  };
}

/** Tags from the comma-separated input: trimmed, without empties or duplicates. */
export function parseTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((t) => t.trim())
        .filter((t) => t !== ''),
    ),
  ];
}

/** The body of `addCamera`. */
export function formToInput(v: CameraFormValues): CameraInput {
  return {
    camera_id: v.camera_id.trim(),
    name: v.name.trim(),
    rtsp_url: v.rtsp_url.trim(),
    username: v.username,
    ...(v.password ? { password: v.password } : {}),
    auth_method: v.auth_method,
    description: v.description,
    tags: parseTags(v.tags),
    enabled: v.enabled,
    ...(v.motion_enabled ? { motion: formMotion(v) } : {}),
    ...(v.recording_mode === 'off' ? {} : { recording: formRecording(v) }),
  };
}

/** The body of `updateCamera`: only what changed; an empty password keeps the stored one. Null if nothing did. */
export function formToPatch(v: CameraFormValues, camera: CameraView): CameraPatch | null {
  const input = formToInput(v);
  const patch: CameraPatch = {};
  if (input.name !== camera.name) patch.name = input.name;
  if (input.rtsp_url !== camera.rtsp_url) patch.rtsp_url = input.rtsp_url;
  if (input.username !== camera.username) patch.username = input.username;
  if (input.password) patch.password = input.password;
  if (input.auth_method !== camera.auth_method) patch.auth_method = input.auth_method;
  if (input.description !== camera.description) patch.description = input.description;
  if (input.enabled !== camera.enabled) patch.enabled = input.enabled;
  if (input.tags?.join(',') !== camera.tags.join(',')) patch.tags = input.tags;
  const motion = formMotion(v, camera.motion?.zones);
  const motionChanged = JSON.stringify(motionSettings(motion)) !== JSON.stringify(camera.motion);
  if ((camera.motion !== undefined || motion.enabled) && motionChanged) patch.motion = motion;
  const recording = formRecording(v);
  const recordingChanged = JSON.stringify(recording) !== JSON.stringify(camera.recording);
  if ((camera.recording !== undefined || recording.mode !== 'off') && recordingChanged) {
    patch.recording = recording;
  }
  return Object.keys(patch).length > 0 ? patch : null;
}

function isField(name: string | undefined): name is CameraField {
  return (CAMERA_FIELDS as readonly string[]).includes(name ?? '');
}

/** What the probe's answer says about each field: the codecs and auth it found, or the field to fix and why. */
export function probeNotes(result: ProbeResult, v: CameraFormValues): FormNotes {
  if (!result.ok) {
    const note: FieldNote = { ok: false, message: result.message };
    return { fields: { [result.field ?? 'rtsp_url']: note } };
  }
  const audio = !result.audio
    ? ', no audio'
    : `, audio ${result.audio.codec}${result.audio_relayed ? '' : ' (not played: the wall plays Opus, G.711 or G.722)'}`;
  const fields: FormNotes['fields'] = {
    rtsp_url: {
      ok: true,
      message: `Reached in ${Math.round(result.latency_ms)} ms: video ${result.video.codec}${audio}`,
    },
  };
  if (result.auth_method === 'none') {
    fields.auth_method = { ok: true, message: 'The camera asked for no password' };
  } else {
    fields.auth_method =
      result.auth_method === v.auth_method
        ? { ok: true, message: `The camera uses ${result.auth_method}` }
        : { ok: false, message: `The camera uses ${result.auth_method}, not ${v.auth_method}` };
    fields.password = { ok: true, message: 'Accepted by the camera' };
  }
  return { fields };
}

/** A failed save as form notes: under the field the station names, else for the whole form. */
export function errorNotes(error: unknown): FormNotes {
  const message = error instanceof Error ? error.message : String(error);
  // The station names nested fields by path (`tags/0`): the form shows them under the top-level field.
  const field = error instanceof StationApiError ? error.field?.split('/')[0] : undefined;
  const note: FieldNote = { ok: false, message };
  return isField(field) ? { fields: { [field]: note } } : { fields: {}, form: note };
}
