import type { FetchLike } from '../../../../renderer/station-api/http-client';

/** One request the fake fetch saw. */
export interface FetchCall {
  url: string;
  init: RequestInit;
}

/** A fetch that records every request and answers each with `answer` (default: 200 `{ ok: true }`). */
export function fakeFetch(
  answer: (call: FetchCall) => Response | Promise<Response> = () => jsonResponse(200, { ok: true }),
): { fetch: FetchLike; calls: FetchCall[] } {
  const calls: FetchCall[] = [];
  return {
    calls,
    fetch: (url, init) => {
      calls.push({ url, init });
      return Promise.resolve(answer({ url, init }));
    },
  };
}

/** A JSON answer. */
export function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}
