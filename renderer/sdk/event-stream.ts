// The station's `/events` for the SDK: Server-Sent Events read over `fetch`, because a browser's EventSource
// cannot send the `Authorization: Bearer` key the SDK authenticates with. Reconnects after a drop (after 3 s,
// the station's retry hint) for as long as someone listens; the returned function stops it.
import type { StationEvent } from '../../common/events';
import { parseEventFrame } from '../station-api/events';
import type { FetchLike } from '../station-api/http-client';

/** Where the stream is and how to authenticate. */
export interface EventStreamOptions {
  baseUrl: string;
  apiKey?: string | undefined;
  fetch: FetchLike;
  /** Pause before reconnecting after the stream ended or failed. */
  reconnectMs?: number;
}

/** Feeds SSE text to `deliver` frame by frame; keeps what is left of an unfinished frame. */
export class SseParser {
  #buffer = '';

  constructor(private readonly deliver: (event: StationEvent) => void) {}

  /** Takes the next chunk of the stream. */
  push(chunk: string): void {
    this.#buffer += chunk.replace(/\r\n?/g, '\n');
    let end = this.#buffer.indexOf('\n\n');
    while (end >= 0) {
      this.#frame(this.#buffer.slice(0, end));
      this.#buffer = this.#buffer.slice(end + 2);
      end = this.#buffer.indexOf('\n\n');
    }
  }

  #frame(text: string): void {
    let type = 'message';
    const data: string[] = [];
    for (const line of text.split('\n')) {
      if (line.startsWith('event:')) type = line.slice(6).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
    }
    const event = data.length === 0 ? undefined : parseEventFrame(type, data.join('\n'));
    if (event !== undefined) this.deliver(event);
  }
}

/** Subscribes to the station's events over fetch; returns the function that stops it. */
export function subscribeOverFetch(
  options: EventStreamOptions,
  listener: (event: StationEvent) => void,
): () => void {
  let stopped = false;
  let controller: AbortController | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const connect = async (): Promise<void> => {
    controller = new AbortController();
    const headers: Record<string, string> = { accept: 'text/event-stream' };
    if (options.apiKey) headers.authorization = `Bearer ${options.apiKey}`;
    const response = await options.fetch(`${options.baseUrl.replace(/\/+$/, '')}/events`, {
      method: 'GET',
      headers,
      signal: controller.signal,
    });
    if (!response.ok || response.body === null) return;
    const parser = new SseParser(listener);
    const decoder = new TextDecoder();
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      parser.push(decoder.decode(value, { stream: true }));
    }
  };
  const run = (): void => {
    connect()
      .catch(() => undefined)
      .finally(() => {
        if (!stopped) timer = setTimeout(run, options.reconnectMs ?? 3000);
      });
  };
  run();
  return () => {
    stopped = true;
    if (timer !== undefined) clearTimeout(timer);
    controller?.abort();
  };
}
