import { describe, expect, it } from 'vitest';

import type { ProbeResult } from '../../../../common/probe';
import { StationApiError } from '../../../../common/station-api';
import {
  errorNotes,
  formFromCamera,
  formToInput,
  formToPatch,
  parseTags,
  probeNotes,
} from '../../../../renderer/cameras/cameraForm';
import { camera } from '../fixtures';

const video = { codec: 'h264' as const, payload_type: 96, control: 'rtsp://127.0.0.2:8554/a/trackID=0' };

describe('camera form values', () => {
  it('starts empty for a new camera and never shows a password', () => {
    expect(formFromCamera()).toMatchObject({ camera_id: '', auth_method: 'digest', enabled: true, tags: '' });
    expect(formFromCamera(camera('a', { tags: ['dock', 'north'] }))).toMatchObject({
      camera_id: 'a',
      password: '',
      tags: 'dock, north',
    });
  });

  it('parses tags', () => {
    expect(parseTags(' dock, north,,dock ,  ')).toEqual(['dock', 'north']);
  });

  it('builds the add body, leaving out an empty password', () => {
    const values = {
      ...formFromCamera(),
      camera_id: ' a ',
      name: 'Gate',
      rtsp_url: 'rtsp://127.0.0.2/x',
      tags: 'x',
    };
    expect(formToInput(values)).toEqual({
      camera_id: 'a',
      name: 'Gate',
      rtsp_url: 'rtsp://127.0.0.2/x',
      username: '',
      auth_method: 'digest',
      description: '',
      tags: ['x'],
      enabled: true,
    });
    expect(formToInput({ ...values, password: 'pw' }).password).toBe('pw');
  });

  it('patches only what changed', () => {
    const cam = camera('a', { tags: ['dock'] });
    const values = formFromCamera(cam);
    expect(formToPatch(values, cam)).toBeNull();
    expect(
      formToPatch({ ...values, name: 'New', password: 'pw', tags: 'dock, yard', enabled: false }, cam),
    ).toEqual({
      name: 'New',
      password: 'pw',
      tags: ['dock', 'yard'],
      enabled: false,
    });
  });

  it('adds motion detection only when switched on, and patches it whole, keeping the zones', () => {
    const values = { ...formFromCamera(), camera_id: 'a', name: 'Gate', rtsp_url: 'rtsp://127.0.0.2/x' };
    expect(formToInput(values).motion).toBeUndefined();
    expect(formToInput({ ...values, motion_enabled: true, motion_sensitivity: '70' }).motion).toEqual({
      enabled: true,
      sensitivity: 70,
      min_area_percent: 1,
      severity: 'warning',
      zones: [],
    });
    const zone = [
      [0, 0],
      [1, 0],
      [1, 0.1],
    ];
    const motion = {
      enabled: true,
      sensitivity: 50,
      min_area_percent: 1,
      severity: 'warning' as const,
      zones: [zone],
    };
    const cam = camera('a', { motion });
    const form = formFromCamera(cam);
    expect(form).toMatchObject({
      motion_enabled: true,
      motion_sensitivity: '50',
      motion_severity: 'warning',
    });
    expect(formToPatch(form, cam)).toBeNull();
    expect(formToPatch({ ...form, motion_severity: 'critical' }, cam)).toEqual({
      motion: { ...motion, severity: 'critical' },
    });
    expect(formToPatch({ ...form, motion_enabled: false }, cam)).toEqual({
      motion: { ...motion, enabled: false },
    });
    expect(formToPatch(formFromCamera(camera('b')), camera('b'))).toBeNull();
  });

  it('records only when switched on (three days by default), and patches the setting whole', () => {
    const values = { ...formFromCamera(), camera_id: 'a', name: 'Gate', rtsp_url: 'rtsp://127.0.0.2/x' };
    expect(values).toMatchObject({ recording_mode: 'off', recording_retention_hours: '72' });
    expect(formToInput(values).recording).toBeUndefined();
    expect(formToInput({ ...values, recording_mode: 'continuous' }).recording).toEqual({
      mode: 'continuous',
      retention_hours: 72,
    });
    const cam = camera('a', { recording: { mode: 'continuous', retention_hours: 24 } });
    const form = formFromCamera(cam);
    expect(form).toMatchObject({ recording_mode: 'continuous', recording_retention_hours: '24' });
    expect(formToPatch(form, cam)).toBeNull();
    expect(formToPatch({ ...form, recording_retention_hours: '168' }, cam)).toEqual({
      recording: { mode: 'continuous', retention_hours: 168 },
    });
    expect(formToPatch({ ...form, recording_mode: 'off' }, cam)).toEqual({
      recording: { mode: 'off', retention_hours: 24 },
    });
  });

  it('shows a refused recording setting under its fieldset', () => {
    const refused = new StationApiError(
      'VIGIL_ERR_VALIDATION',
      'retention_hours must be ≥ 1',
      'recording/retention_hours',
    );
    expect(errorNotes(refused).fields.recording?.message).toContain('retention_hours');
  });
});

describe('probeNotes', () => {
  const values = formFromCamera(camera('a'));

  it('puts a failure under the field the probe names, else under the URL', () => {
    const failed: ProbeResult = {
      ok: false,
      reason: 'auth_failed',
      message: 'Wrong password',
      field: 'password',
      status: 401,
    };
    expect(probeNotes(failed, values)).toEqual({
      fields: { password: { ok: false, message: 'Wrong password' } },
    });
    const timeout: ProbeResult = { ok: false, reason: 'timeout', message: 'No answer in 5 s' };
    expect(probeNotes(timeout, values).fields.rtsp_url).toEqual({ ok: false, message: 'No answer in 5 s' });
  });

  it('confirms the URL, codecs and auth method', () => {
    const ok: ProbeResult = {
      ok: true,
      auth_method: 'digest',
      video,
      audio_relayed: false,
      latency_ms: 41.6,
    };
    expect(probeNotes(ok, values).fields).toEqual({
      rtsp_url: { ok: true, message: 'Reached in 42 ms: video h264, no audio' },
      auth_method: { ok: true, message: 'The camera uses digest' },
      password: { ok: true, message: 'Accepted by the camera' },
    });
  });

  it('flags an auth method that differs from the camera', () => {
    const ok: ProbeResult = {
      ok: true,
      auth_method: 'basic',
      video,
      audio: { codec: 'pcmu', payload_type: 0, control: 'x' },
      audio_relayed: true,
      latency_ms: 5,
    };
    const notes = probeNotes(ok, values).fields;
    expect(notes.auth_method).toEqual({ ok: false, message: 'The camera uses basic, not digest' });
    expect(notes.rtsp_url?.message).toContain('audio pcmu');
    expect(notes.rtsp_url?.message).not.toContain('not played');
  });

  it('says when the camera sends audio the wall cannot play', () => {
    const aac = { codec: 'mpeg4-generic', payload_type: 97, control: 'x' };
    const ok: ProbeResult = {
      ok: true,
      auth_method: 'digest',
      video,
      audio: aac,
      audio_relayed: false,
      latency_ms: 5,
    };
    expect(probeNotes(ok, values).fields.rtsp_url?.message).toContain('audio mpeg4-generic (not played');
  });

  it('says when the camera wants no password', () => {
    const ok: ProbeResult = { ok: true, auth_method: 'none', video, audio_relayed: false, latency_ms: 5 };
    expect(probeNotes(ok, values).fields.auth_method).toEqual({
      ok: true,
      message: 'The camera asked for no password',
    });
  });
});

describe('errorNotes', () => {
  it.each([
    [
      new StationApiError('VIGIL_ERR_CAMERA_EXISTS', 'camera a exists', 'camera_id'),
      { fields: { camera_id: { ok: false, message: 'camera a exists' } } },
    ],
    [
      new StationApiError('VIGIL_ERR_VALIDATION', 'tags/0 must be shorter', 'tags/0'),
      { fields: { tags: { ok: false, message: 'tags/0 must be shorter' } } },
    ],
    [
      new StationApiError('VIGIL_ERR_NETWORK', 'station unreachable'),
      { fields: {}, form: { ok: false, message: 'station unreachable' } },
    ],
    [
      new StationApiError('VIGIL_ERR_VALIDATION', 'bad', 'skip_probe'),
      { fields: {}, form: { ok: false, message: 'bad' } },
    ],
    [new Error('boom'), { fields: {}, form: { ok: false, message: 'boom' } }],
  ])('%s', (error, notes) => {
    expect(errorNotes(error)).toEqual(notes);
  });
});
