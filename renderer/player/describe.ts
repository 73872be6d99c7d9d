/** A failure as one line of text: janus.js reports errors as strings, Error objects or plain objects. */
export function describe(cause: unknown): string {
  if (typeof cause === 'string') return cause;
  if (cause instanceof Error) return cause.message;
  if (typeof cause !== 'object' || cause === null) return String(cause);
  if ('message' in cause && typeof cause.message === 'string') return cause.message;
  try {
    return JSON.stringify(cause);
  } catch {
    return 'an error that cannot be shown';
  }
}
