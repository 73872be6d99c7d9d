import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';

import { useCameraStream, type VASJanusClient } from '../../../renderer/sdk/react';

vi.mock('../../../renderer/player', () => ({ createStreamPlayer: vi.fn() }));

describe('useCameraStream (server render, no DOM)', () => {
  it('renders idle and touches no stream before effects run, even with autoStart', () => {
    const startCameraStream = vi.fn();
    const client = { startCameraStream, stopCameraStream: vi.fn() } as unknown as VASJanusClient;
    function Probe() {
      const { streaming, state, error, videoRef } = useCameraStream('lobby', client, { autoStart: true });
      return createElement('video', {
        ref: videoRef,
        'data-state': state,
        'data-streaming': String(streaming),
        'data-error': error?.message ?? '',
      });
    }
    const html = renderToString(createElement(Probe));
    expect(html).toContain('data-state="idle"');
    expect(html).toContain('data-streaming="false"');
    expect(html).toContain('data-error=""');
    expect(startCameraStream).not.toHaveBeenCalled();
  });
});
