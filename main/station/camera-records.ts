// Building a camera's stored record from what the caller sent and what the station settled (pure): what
// adding and changing a camera decide, apart from doing it.
import type { CameraInput, CameraPatch } from '../../common/camera';
import { motionSettings } from '../../common/motion';
import type { ProbeResult } from '../../common/probe';
import type { StoredCamera, StoredMountpoint } from '../store/stored-camera';
import { relaysAudio, substreamUrl, type CameraSource } from './camera-input';

/** What adding a camera settled before its record is built. */
export interface NewCameraFacts {
  source: CameraSource;
  /** The validated sub-stream URL. */
  substreamUrl: string | null;
  /** The probe's answer; undefined when skipped. */
  probed: ProbeResult | undefined;
  passwordSealed: string | null;
  mountpoint: StoredMountpoint;
  /** ISO time of the change. */
  now: string;
}

/** Whether adding `input` probes the camera first. */
export function probesOnAdd(input: Pick<CameraInput, 'skip_probe'>): boolean {
  return input.skip_probe !== true;
}

/**
 * A new camera's record: the auth method given, else the one the probe found, else digest; audio only when the
 * probe found audio Janus relays; enabled unless told otherwise.
 */
export function newCameraRecord(input: CameraInput, facts: NewCameraFacts): StoredCamera {
  const { source, probed } = facts;
  return {
    camera_id: input.camera_id,
    name: input.name,
    rtsp_url: source.url,
    username: source.username,
    password_sealed: facts.passwordSealed,
    auth_method:
      input.auth_method ?? (probed?.ok && probed.auth_method !== 'none' ? probed.auth_method : 'digest'),
    description: input.description ?? '',
    enabled: input.enabled ?? true,
    audio: relaysAudio(probed),
    substream_url: facts.substreamUrl,
    tags: input.tags ?? [],
    ...(input.recording === undefined ? {} : { recording: input.recording }),
    ...(input.motion === undefined ? {} : { motion: motionSettings(input.motion) }),
    ...(input.placement === undefined ? {} : { placement: { ...input.placement } }),
    mountpoint: facts.mountpoint,
    created_at: facts.now,
    updated_at: facts.now,
  };
}

/** Whether `source` reaches the camera differently (URL, username or password) from what is stored now. */
export function sourceChanged(
  camera: Pick<StoredCamera, 'rtsp_url'>,
  current: { username: string; password: string },
  source: CameraSource,
): boolean {
  return (
    source.url !== camera.rtsp_url ||
    source.username !== current.username ||
    source.password !== current.password
  );
}

/** Whether a change probes the camera first: only a new source, unless skipped. */
export function probesOnUpdate(patch: Pick<CameraPatch, 'skip_probe'>, changed: boolean): boolean {
  return changed && patch.skip_probe !== true;
}

/** What changing a camera settled before its record is built. */
export interface PatchFacts {
  source: CameraSource;
  /** The source changed (see sourceChanged): new audio from the probe, a new mountpoint revision. */
  changed: boolean;
  probed: ProbeResult | undefined;
  /** The password sealed anew when the source changed, else the stored one. */
  passwordSealed: string | null;
  now: string;
}

/** A camera's record after `patch`; a bad `substream_url` throws a validation error. */
export function patchedCameraRecord(
  camera: StoredCamera,
  patch: CameraPatch,
  facts: PatchFacts,
): StoredCamera {
  const { source, changed } = facts;
  return {
    ...camera,
    name: patch.name ?? camera.name,
    rtsp_url: source.url,
    username: source.username,
    password_sealed: facts.passwordSealed,
    auth_method: patch.auth_method ?? camera.auth_method,
    description: patch.description ?? camera.description,
    enabled: patch.enabled ?? camera.enabled,
    audio: changed ? relaysAudio(facts.probed) : camera.audio === true,
    substream_url:
      patch.substream_url === undefined ? camera.substream_url : substreamUrl(patch.substream_url),
    tags: patch.tags ?? camera.tags,
    ...(patch.recording === undefined ? {} : { recording: patch.recording }),
    ...(patch.motion === undefined ? {} : { motion: motionSettings(patch.motion) }),
    // A patch changes only the placement fields it names (gateway_id null unpins).
    ...(patch.placement === undefined ? {} : { placement: { ...camera.placement, ...patch.placement } }),
    mountpoint: changed ? nextRevision(camera.mountpoint) : camera.mountpoint,
    updated_at: facts.now,
  };
}

/** What the station does after storing a change: mark the camera disabled, bring its mountpoint in line. */
export function afterUpdate(
  before: Pick<StoredCamera, 'enabled'>,
  after: Pick<StoredCamera, 'enabled'>,
  changed: boolean,
): { disabled: boolean; reconcile: boolean } {
  return { disabled: !after.enabled, reconcile: changed || after.enabled !== before.enabled };
}

/** A camera's record with its mountpoint due for re-creation (a restart). */
export function restartedRecord(camera: StoredCamera): StoredCamera {
  return { ...camera, mountpoint: nextRevision(camera.mountpoint) };
}

function nextRevision(mountpoint: StoredMountpoint): StoredMountpoint {
  return { ...mountpoint, revision: mountpoint.revision + 1 };
}
