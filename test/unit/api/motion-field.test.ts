import { afterEach, describe, expect, it } from 'vitest';

import { cameraInput, headers, json, makeApi, type TestApi } from './fixtures';

describe('the camera motion field over REST', () => {
  let api: TestApi | undefined;
  afterEach(async () => {
    await api?.app.close();
  });

  it('PATCH /cameras/{id} takes a motion setting and the camera shows it, settled', async () => {
    api = await makeApi();
    const post = await api.app.inject({
      method: 'POST',
      url: '/cameras',
      headers: headers('manage', { 'content-type': 'application/json' }),
      payload: cameraInput({ camera_id: 'yard' }),
    });
    expect(post.statusCode).toBe(201);
    const patch = await api.app.inject({
      method: 'PATCH',
      url: '/cameras/yard',
      headers: headers('manage', { 'content-type': 'application/json' }),
      payload: {
        motion: {
          enabled: true,
          severity: 'critical',
          zones: [
            [
              [0, 0],
              [1, 0],
              [1, 0.1],
            ],
          ],
        },
      },
    });
    expect(patch.statusCode).toBe(200);
    expect(json(patch)).toMatchObject({
      motion: {
        enabled: true,
        sensitivity: 50,
        min_area_percent: 1,
        severity: 'critical',
        zones: [
          [
            [0, 0],
            [1, 0],
            [1, 0.1],
          ],
        ],
      },
    });
  });

  it('documents motion in the OpenAPI camera schemas', async () => {
    api = await makeApi();
    const response = await api.app.inject({ method: 'GET', url: '/openapi.json', headers: headers() });
    const text = response.body;
    for (const field of ['min_area_percent', 'sensitivity', 'Motion going on now'])
      expect(text).toContain(field);
  });
});
