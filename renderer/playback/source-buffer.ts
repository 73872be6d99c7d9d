// Small helpers around a SourceBuffer: wait for an update, append (making room when the browser says the
// buffer is full), drop what lies behind the picture.
import type { SourceBufferLike } from './media';

/** Resolves once the buffer has finished its update (or rejects when it fails). */
export function settled(buffer: SourceBufferLike): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (): void => {
      buffer.removeEventListener('error', failed);
      resolve();
    };
    const failed = (): void => {
      buffer.removeEventListener('updateend', done);
      reject(new Error('the browser could not decode the stream'));
    };
    buffer.addEventListener('updateend', done, { once: true });
    buffer.addEventListener('error', failed, { once: true });
  });
}

/** The chunks one after the other. */
export function concat(chunks: readonly Uint8Array<ArrayBuffer>[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** Appends `data`; when the buffer is full, keeps only the last 2 s behind `currentTime` and tries once more. */
export async function appendTo(
  buffer: SourceBufferLike,
  data: Uint8Array<ArrayBuffer>,
  currentTime: number,
): Promise<void> {
  try {
    buffer.appendBuffer(data);
  } catch (error) {
    if (!(error instanceof Error) || error.name !== 'QuotaExceededError') throw error;
    buffer.remove(0, Math.max(0, currentTime - 2));
    await settled(buffer);
    buffer.appendBuffer(data);
  }
  await settled(buffer);
}

/** Removes what lies before `keepFrom` (seconds), once more than 5 s of it has piled up. */
export async function evictBefore(buffer: SourceBufferLike, keepFrom: number): Promise<void> {
  const { buffered } = buffer;
  if (buffered.length === 0 || buffered.start(0) >= keepFrom - 5) return;
  buffer.remove(0, keepFrom);
  await settled(buffer);
}
