import { useEffect, useSyncExternalStore, type ReactNode } from 'react';

import { runInBackground } from '../../common/background';
import type { StationApi } from '../../common/station-api';
import type { SessionState } from './sessionWatch';

/** While the station still knows this browser a second later, the page reloads into the wall. */
const RECHECK_MS = 5_000;

/**
 * Shows the wall while the browser's session lives, and in its place, once it ended, one page that says so and
 * what to do — never a wall of tiles each failing on its own. It checks every few seconds whether a new link
 * signed this browser in again (in another tab) and then reloads.
 */
export function SessionGate({
  session,
  api,
  children,
}: {
  session: SessionState;
  api: StationApi;
  children: ReactNode;
}) {
  const ended = useSyncExternalStore(session.subscribe, session.ended, session.ended);
  useEffect(() => {
    if (!ended) return undefined;
    const timer = setInterval(() => {
      runInBackground(
        api.listViews().then(() => {
          location.reload();
        }),
        () => undefined,
      );
    }, RECHECK_MS);
    return () => {
      clearInterval(timer);
    };
  }, [ended, api]);
  return ended ? <SignedOut /> : children;
}

function SignedOut() {
  return (
    <div className="signed-out" role="alert" data-testid="signed-out">
      <div className="panel">
        <h2>This wall is signed out</h2>
        <p>
          The station no longer knows this browser: it was signed out, its sign-in reached its lifetime, or
          the station now runs on another data folder. The cameras are fine; only this page needs a new
          sign-in.
        </p>
        <p>Open a new sign-in link in this browser. On the station&apos;s machine, run</p>
        <pre>npm exec -- vigil signin-link</pre>
        <p>
          or, with a manage key, ask the station for one (<code>POST /session/signin-link</code>). This page
          comes back by itself once the browser is signed in again.
        </p>
      </div>
    </div>
  );
}
