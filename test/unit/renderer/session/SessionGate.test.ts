import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';

import type { StationApi } from '../../../../common/station-api';
import { SessionGate } from '../../../../renderer/session/SessionGate';

const api = {} as StationApi;
const state = (ended: boolean) => ({ ended: () => ended, subscribe: () => () => undefined });

describe('SessionGate', () => {
  it('shows the wall while the session lives', () => {
    const html = renderToString(
      createElement(SessionGate, { session: state(false), api, children: 'the wall' }),
    );
    expect(html).toBe('the wall');
  });

  it('shows one page saying the wall is signed out, and how to sign in again, once it ended', () => {
    const html = renderToString(
      createElement(SessionGate, { session: state(true), api, children: 'the wall' }),
    );
    expect(html).not.toContain('the wall');
    expect(html).toContain('This wall is signed out');
    expect(html).toContain('npm exec -- vigil signin-link');
    expect(html).toContain('data-testid="signed-out"');
  });
});
