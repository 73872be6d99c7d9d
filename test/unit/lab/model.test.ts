import { describe, expect, it } from 'vitest';

import { LAB_DEFAULTS, labEnvironment, resolveLabOptions, type LabJson } from '../../lab/model';

const lab: LabJson = {
  name: 'vigil-lab-abc123',
  namespace: 'vigil-lab-abc123',
  janus: {
    http_url: 'http://127.0.0.1:40001/janus',
    ws_url: 'ws://127.0.0.1:40002/janus',
    admin_url: 'http://127.0.0.1:40003/admin',
    admin_ws_url: 'ws://127.0.0.1:40004/admin',
    allow_origin: 'http://127.0.0.1',
    api_secret: 'api',
    admin_secret: 'admin',
    streaming_admin_key: 'key',
    pid: 100,
    log_file: '/run/vigil-lab/vigil-lab-abc123/janus.log',
    config_dir: '/run/vigil-lab/vigil-lab-abc123/janus-config',
  },
  cameras: [
    {
      path: '/cam1',
      url: 'rtsp://127.0.0.1:40005/cam1',
      url_with_credentials: 'rtsp://lab-1:pw@127.0.0.1:40005/cam1',
      username: 'lab-1',
      password: 'pw',
      auth: 'digest',
    },
  ],
  scenes: [
    {
      path: '/scene1',
      url: 'rtsp://127.0.0.1:40005/scene1',
      url_with_credentials: 'rtsp://lab-1:pw@127.0.0.1:40005/scene1',
      username: 'lab-1',
      password: 'pw',
      auth: 'digest',
    },
  ],
  scene_control_dir: '/run/vigil-lab/vigil-lab-abc123/scene',
  camera_pid: 101,
  camera_log_file: '/run/vigil-lab/vigil-lab-abc123/camera.log',
  state_dir: '/run/vigil-lab/vigil-lab-abc123',
};

describe('labEnvironment', () => {
  it('gives the command every URL, secret and camera, and the whole JSON', () => {
    const env = labEnvironment(lab);
    expect(env).toEqual({
      JANUS_HTTP_URL: 'http://127.0.0.1:40001/janus',
      JANUS_WS_URL: 'ws://127.0.0.1:40002/janus',
      JANUS_ADMIN_URL: 'http://127.0.0.1:40003/admin',
      JANUS_ADMIN_WS_URL: 'ws://127.0.0.1:40004/admin',
      JANUS_ALLOW_ORIGIN: 'http://127.0.0.1',
      JANUS_ORIGIN: 'http://127.0.0.1',
      JANUS_API_SECRET: 'api',
      JANUS_ADMIN_SECRET: 'admin',
      JANUS_STREAMING_ADMIN_KEY: 'key',
      LAB_NAME: 'vigil-lab-abc123',
      LAB_NETNS: 'vigil-lab-abc123',
      LAB_CAMERA_URL: 'rtsp://127.0.0.1:40005/cam1',
      LAB_CAMERA_USER: 'lab-1',
      LAB_CAMERA_PASSWORD: 'pw',
      LAB_CAMERAS_JSON: JSON.stringify(lab.cameras),
      LAB_JSON: JSON.stringify(lab),
    });
    expect(JSON.parse(env.LAB_JSON ?? '')).toEqual(lab);
  });
});

describe('resolveLabOptions', () => {
  it('fills in the defaults', () => {
    expect(resolveLabOptions()).toEqual(LAB_DEFAULTS);
    expect(resolveLabOptions({ cameras: 16, auth: 'none' })).toEqual({
      ...LAB_DEFAULTS,
      cameras: 16,
      auth: 'none',
    });
  });

  it.each([
    [{ cameras: 0 }, /cameras/],
    [{ cameras: 2.5 }, /cameras/],
    [{ keyframeInterval: 0 }, /keyframeInterval/],
    [{ audio: 'aac' as 'opus' }, /audio/],
    [{ sessionTimeout: -1 }, /sessionTimeout/],
    [{ allowOrigin: '*' }, /allowOrigin/],
    [{ allowOrigin: 'http://127.0.0.1/path' }, /allowOrigin/],
  ])('refuses %j', (options, message) => {
    expect(() => resolveLabOptions(options)).toThrow(message);
  });
});
