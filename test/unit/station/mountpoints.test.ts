import { describe, expect, it } from 'vitest';

import type { ProbeResult } from '../../../common/probe';
import type { StoredCamera } from '../../../main/store/stored-camera';
import { relaysAudio } from '../../../main/station/camera-input';
import { mountpointRequest } from '../../../main/station/mountpoints';

const camera: StoredCamera = {
  camera_id: 'lobby',
  name: 'Lobby',
  rtsp_url: 'rtsp://127.0.0.2:8554/cam1',
  username: 'admin',
  password_sealed: 'sealed',
  auth_method: 'digest',
  description: '',
  enabled: true,
  substream_url: null,
  tags: [],
  mountpoint: { id: 1_000_001, secret_sealed: 'sealed', pin: 'pin', revision: 1 },
  created_at: '2025-01-01T00:00:00.000Z',
  updated_at: '2025-01-01T00:00:00.000Z',
};
const secrets = { password: 'pw', mountpointSecret: 'secret' };
const video = { codec: 'h264' as const, payload_type: 96, control: 'rtsp://127.0.0.2:8554/cam1/v' };

describe('mountpointRequest', () => {
  it.each<[string, boolean | undefined, boolean]>([
    ['a camera whose probe found relayable audio', true, true],
    ['a camera without relayable audio', false, false],
    ['a record from before audio was probed', undefined, false],
  ])('asks for audio only for %s', (_name, audio, expected) => {
    const stored = audio === undefined ? camera : { ...camera, audio };
    expect(mountpointRequest('st1', stored, secrets)).toMatchObject({ video: true, audio: expected });
  });
});

describe('relaysAudio', () => {
  it.each<[string, ProbeResult | undefined, boolean]>([
    ['no probe (skipped)', undefined, false],
    ['a failed probe (added offline)', { ok: false, reason: 'timeout', message: 'no answer' }, false],
    [
      'audio Janus relays',
      { ok: true, auth_method: 'none', video, audio_relayed: true, latency_ms: 1 },
      true,
    ],
    [
      'no relayable audio',
      { ok: true, auth_method: 'none', video, audio_relayed: false, latency_ms: 1 },
      false,
    ],
  ])('%s', (_name, probed, expected) => {
    expect(relaysAudio(probed)).toBe(expected);
  });
});
