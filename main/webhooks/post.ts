// One delivery attempt: POST the body to the hook's URL with a timeout, no redirects followed (a 3xx counts as
// a failure, so a hook cannot be bounced elsewhere) and the answer's body never read (only its status).

/** The subset of `fetch` an attempt uses (tests pass a fake). */
export type PostFetch = (url: string, init: RequestInit) => Promise<Response>;

/** How one attempt went: delivered (2xx) or why not. */
export type AttemptResult = { ok: true; status: number } | { ok: false; status?: number; error: string };

/** POSTs `body` to `url`; never throws. */
export async function postDelivery(
  fetcher: PostFetch,
  url: string,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<AttemptResult> {
  try {
    const response = await fetcher(url, {
      method: 'POST',
      headers,
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body?.cancel().catch(() => undefined);
    if (response.status >= 200 && response.status < 300) return { ok: true, status: response.status };
    return { ok: false, status: response.status, error: `HTTP ${response.status}` };
  } catch (error) {
    return { ok: false, error: describe(error) };
  }
}

/** Why a request failed, in a few words (never the URL's query, never a header). */
function describe(error: unknown): string {
  if (error instanceof Error && error.name === 'TimeoutError') return 'timed out';
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  if (typeof cause?.code === 'string') return `connection failed (${cause.code})`;
  return error instanceof Error ? error.message.slice(0, 200) : 'failed';
}
