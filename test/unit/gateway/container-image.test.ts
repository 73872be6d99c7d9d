import { describe, expect, it } from 'vitest';

import { JANUS_IMAGE_NAME, janusImageTag } from '../../../main/gateway/container-image';

describe('janusImageTag', () => {
  it('changes with the Dockerfile and the base image, and only with them', () => {
    const tag = janusImageTag('FROM x\n', undefined);
    expect(tag).toMatch(new RegExp(`^${JANUS_IMAGE_NAME}:[0-9a-f]{12}$`));
    expect(janusImageTag('FROM x\n', undefined)).toBe(tag);
    expect(janusImageTag('FROM y\n', undefined)).not.toBe(tag);
    expect(janusImageTag('FROM x\n', 'debian:forky')).not.toBe(tag);
  });
});
