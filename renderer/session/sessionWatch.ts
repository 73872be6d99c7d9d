// A browser wall signs in with a session cookie. When that session ends (signed out elsewhere, past its lifetime,
// a station with another data folder), every call answers VIGIL_ERR_UNAUTHENTICATED: the wall must say so once,
// in words, instead of letting each tile show an API-key error. This wraps the StationApi and tells the page.
import { ErrorCode } from '../../common/errors';
import type { StationApi } from '../../common/station-api';

/** Whether the page's session has ended, and how to hear about it. */
export interface SessionState {
  /** True once a call was refused for want of a sign-in. */
  ended: () => boolean;
  /** Calls `listener` when the session ends; returns the unsubscribe function. */
  subscribe: (listener: () => void) => () => void;
}

/** The StationApi that reports an ended session, and that state. */
export interface WatchedSession {
  api: StationApi;
  session: SessionState;
}

function isSignedOut(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { code?: unknown }).code === ErrorCode.Unauthenticated
  );
}

/** Wraps every method of `api`: a rejection for want of a sign-in marks the session ended (once). */
export function watchSession(api: StationApi): WatchedSession {
  let ended = false;
  const listeners = new Set<() => void>();
  const end = (): void => {
    if (ended) return;
    ended = true;
    for (const listener of listeners) listener();
  };
  const wrapped: Record<string, unknown> = {};
  for (const [name, member] of Object.entries(api)) {
    if (typeof member !== 'function' || name === 'onEvent') {
      wrapped[name] = member;
      continue;
    }
    wrapped[name] = (...args: unknown[]): unknown => {
      const result = (member as (...a: unknown[]) => unknown).apply(api, args);
      if (!(result instanceof Promise)) return result;
      return result.catch((error: unknown) => {
        if (isSignedOut(error)) end();
        throw error;
      });
    };
  }
  return {
    api: wrapped as unknown as StationApi,
    session: {
      ended: () => ended,
      subscribe: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
  };
}
