import { vi } from 'vitest';

import type { TransportSink } from '../../../main/janus/transport/types';

/** A transport sink whose every callback is a vitest mock. */
export function recordingSink() {
  return {
    message: vi.fn<TransportSink['message']>(),
    down: vi.fn<TransportSink['down']>(),
    up: vi.fn<TransportSink['up']>(),
    failed: vi.fn<TransportSink['failed']>(),
    sessionGone: vi.fn<TransportSink['sessionGone']>(),
  } satisfies TransportSink;
}
