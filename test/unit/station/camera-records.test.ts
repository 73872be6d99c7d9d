import { describe, expect, it } from 'vitest';

import type { CameraInput, CameraPatch } from '../../../common/camera';
import type { ProbeResult } from '../../../common/probe';
import {
  afterUpdate,
  newCameraRecord,
  patchedCameraRecord,
  probesOnAdd,
  probesOnUpdate,
  restartedRecord,
  sourceChanged,
  type PatchFacts,
} from '../../../main/station/camera-records';
import type { StoredCamera } from '../../../main/store/stored-camera';

const NOW = '2025-01-02T03:04:05.000Z';
const source = { url: 'rtsp://192.0.2.5/stream', username: 'admin', password: 'pw' };
const mountpoint = { id: 1_000_001, secret_sealed: 'sealed', pin: 'pin', revision: 1 };
const found = (auth: 'digest' | 'basic' | 'none', audio: boolean): ProbeResult => ({
  ok: true,
  auth_method: auth,
  video: { codec: 'h264', payload_type: 96, control: 'rtsp://192.0.2.5/stream/track1' },
  audio_relayed: audio,
  latency_ms: 10,
});
const failed: ProbeResult = { ok: false, reason: 'timeout', message: 'no answer' };
const input: CameraInput = { camera_id: 'lobby', name: 'Lobby', rtsp_url: 'rtsp://192.0.2.5/stream' };

const stored: StoredCamera = newCameraRecord(input, {
  source,
  substreamUrl: null,
  probed: found('basic', true),
  passwordSealed: 'sealed-pw',
  mountpoint,
  now: NOW,
});

describe('newCameraRecord', () => {
  it.each<[string, Partial<CameraInput>, ProbeResult | undefined, Partial<StoredCamera>]>([
    ['the auth method the probe found', {}, found('basic', false), { auth_method: 'basic', audio: false }],
    ['digest when the camera asked for none', {}, found('none', false), { auth_method: 'digest' }],
    ['digest without a probe', {}, undefined, { auth_method: 'digest', audio: false }],
    ['digest after a failed probe (allow_offline)', {}, failed, { auth_method: 'digest', audio: false }],
    [
      'the auth method given wins',
      { auth_method: 'basic' },
      found('digest', false),
      { auth_method: 'basic' },
    ],
    ['audio only when the probe found audio Janus relays', {}, found('digest', true), { audio: true }],
    [
      'enabled, no tags, empty description by default',
      {},
      undefined,
      { enabled: true, tags: [], description: '' },
    ],
    [
      'what the input says',
      { enabled: false, tags: ['door'], description: 'Front' },
      undefined,
      { enabled: false, tags: ['door'], description: 'Front' },
    ],
  ])('%s', (_name, extra, probed, expected) => {
    const record = newCameraRecord(
      { ...input, ...extra },
      { source, substreamUrl: null, probed, passwordSealed: 'sealed-pw', mountpoint, now: NOW },
    );
    expect(record).toMatchObject({
      camera_id: 'lobby',
      rtsp_url: source.url,
      username: 'admin',
      password_sealed: 'sealed-pw',
      mountpoint,
      created_at: NOW,
      updated_at: NOW,
      ...expected,
    });
  });
});

describe('when to probe', () => {
  it.each([
    [{}, true],
    [{ skip_probe: false }, true],
    [{ skip_probe: true }, false],
  ])('adding with %o probes: %s', (patch, expected) => {
    expect(probesOnAdd(patch)).toBe(expected);
  });

  it.each([
    [{}, true, true],
    [{}, false, false],
    [{ skip_probe: true }, true, false],
  ])('changing with %o (source changed: %s) probes: %s', (patch, changed, expected) => {
    expect(probesOnUpdate(patch, changed)).toBe(expected);
  });
});

describe('sourceChanged', () => {
  const current = { username: 'admin', password: 'pw' };
  it.each([
    ['the same source', source, false],
    ['another URL', { ...source, url: 'rtsp://10.0.0.6/stream' }, true],
    ['another username', { ...source, username: 'viewer' }, true],
    ['another password', { ...source, password: 'new' }, true],
  ])('%s → %s', (_name, next, expected) => {
    expect(sourceChanged(stored, current, next)).toBe(expected);
  });
});

describe('patchedCameraRecord', () => {
  const facts: PatchFacts = {
    source,
    changed: false,
    probed: undefined,
    passwordSealed: 'sealed-pw',
    now: NOW,
  };

  it.each<[string, CameraPatch, Partial<PatchFacts>, Partial<StoredCamera>]>([
    [
      'a rename keeps the mountpoint and the audio',
      { name: 'Hall' },
      {},
      { name: 'Hall', mountpoint, audio: true },
    ],
    [
      'a new source bumps the revision and takes the audio from the new probe',
      {},
      { changed: true, probed: found('digest', false), passwordSealed: 'sealed-new' },
      { mountpoint: { ...mountpoint, revision: 2 }, audio: false, password_sealed: 'sealed-new' },
    ],
    ['a new source without a probe relays no audio', {}, { changed: true }, { audio: false }],
    [
      'a sub-stream URL is set',
      { substream_url: 'rtsp://192.0.2.5/sub' },
      {},
      { substream_url: 'rtsp://192.0.2.5/sub' },
    ],
    ['null clears the sub-stream', { substream_url: null }, {}, { substream_url: null }],
    [
      'other fields as given',
      { enabled: false, tags: ['x'], description: 'd', auth_method: 'digest' },
      {},
      { enabled: false, tags: ['x'], description: 'd', auth_method: 'digest' },
    ],
  ])('%s', (_name, patch, extra, expected) => {
    expect(patchedCameraRecord(stored, patch, { ...facts, ...extra })).toMatchObject({
      updated_at: NOW,
      created_at: NOW,
      ...expected,
    });
  });

  it('motion: set with defaults filled in, replaced whole by a patch, kept when a patch leaves it out', () => {
    const withMotion = patchedCameraRecord(stored, { motion: { enabled: true } }, facts);
    expect(stored.motion).toBeUndefined();
    expect(withMotion.motion).toEqual({
      enabled: true,
      sensitivity: 50,
      min_area_percent: 1,
      severity: 'warning',
      zones: [],
    });
    const zone = [
      [0, 0],
      [0.2, 0],
      [0.2, 0.1],
    ];
    const tuned = patchedCameraRecord(
      withMotion,
      { motion: { enabled: true, sensitivity: 80, severity: 'critical', zones: [zone] } },
      facts,
    );
    expect(tuned.motion).toMatchObject({
      sensitivity: 80,
      severity: 'critical',
      min_area_percent: 1,
      zones: [zone],
    });
    expect(patchedCameraRecord(tuned, { name: 'Hall' }, facts).motion).toEqual(tuned.motion);
    const added = newCameraRecord(
      { ...input, motion: { enabled: false, min_area_percent: 3 } },
      {
        source,
        substreamUrl: null,
        probed: undefined,
        passwordSealed: null,
        mountpoint,
        now: NOW,
      },
    );
    expect(added.motion).toMatchObject({ enabled: false, min_area_percent: 3, sensitivity: 50 });
  });

  it('refuses credentials inside the sub-stream URL', () => {
    expect(() => patchedCameraRecord(stored, { substream_url: 'rtsp://a:b@192.0.2.5/sub' }, facts)).toThrow(
      expect.objectContaining({ code: 'VIGIL_ERR_VALIDATION', field: 'substream_url' }),
    );
  });
});

describe('afterUpdate', () => {
  it.each([
    [true, true, false, { disabled: false, reconcile: false }],
    [true, true, true, { disabled: false, reconcile: true }],
    [true, false, false, { disabled: true, reconcile: true }],
    [false, true, false, { disabled: false, reconcile: true }],
    [false, false, true, { disabled: true, reconcile: true }],
  ])('enabled %s → %s, source changed %s: %o', (before, after, changed, expected) => {
    expect(afterUpdate({ enabled: before }, { enabled: after }, changed)).toEqual(expected);
  });
});

describe('restartedRecord', () => {
  it('bumps only the mountpoint revision', () => {
    expect(restartedRecord(stored)).toEqual({ ...stored, mountpoint: { ...mountpoint, revision: 2 } });
  });
});

describe('placement fields (cluster mode)', () => {
  const facts: PatchFacts = {
    source,
    changed: false,
    probed: undefined,
    passwordSealed: 'sealed-pw',
    now: NOW,
  };
  it('stores a new camera’s pin and failover priority, none when not given', () => {
    const pinned = newCameraRecord(
      { ...input, placement: { gateway_id: 'janus-2', failover: 'high' } },
      { source, substreamUrl: null, probed: undefined, passwordSealed: null, mountpoint, now: NOW },
    );
    expect(pinned.placement).toEqual({ gateway_id: 'janus-2', failover: 'high' });
    expect(stored.placement).toBeUndefined();
  });

  it('changes only the placement fields a patch names; null unpins', () => {
    const pinned = patchedCameraRecord(
      stored,
      { placement: { gateway_id: 'janus-2', failover: 'never' } },
      facts,
    );
    const unpinned = patchedCameraRecord(pinned, { placement: { gateway_id: null } }, facts);
    expect(unpinned.placement).toEqual({ gateway_id: null, failover: 'never' });
    expect(patchedCameraRecord(pinned, { name: 'x' }, facts).placement).toEqual(pinned.placement);
  });
});
