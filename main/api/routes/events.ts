import { PassThrough } from 'node:stream';

import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';

import type { StationEvent } from '../../../common/events';
import { bearer, errorResponses } from './schemas';
import type { ApiDeps } from '../types';

/** How long a browser waits before reconnecting, sent as the stream's `retry:` hint. */
const SSE_RETRY_MS = 3000;
/** A client that lets this much pile up unread is dropped (it reconnects and re-reads state). */
const MAX_BUFFERED_BYTES = 1024 * 1024;

/** One Server-Sent Events frame: the event's type as `event:`, its JSON as `data:`. */
export function sseFrame(event: StationEvent): string {
  return `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
}

/** `GET /events`: the station's events as Server-Sent Events, with a comment heartbeat. */
export const eventRoutes: FastifyPluginCallbackTypebox<Pick<ApiDeps, 'station'> & { heartbeatMs: number }> = (
  app,
  { station, heartbeatMs },
  done,
) => {
  const open = new Set<PassThrough>();
  app.addHook('preClose', (hookDone) => {
    for (const stream of open) stream.end();
    hookDone();
  });

  app.get(
    '/events',
    {
      config: { access: 'view' },
      schema: {
        tags: ['events'],
        summary: 'Station events as Server-Sent Events (event: <type>, data: StationEvent JSON)',
        security: bearer,
        response: {
          // Documented as text; typed as the stream the handler sends.
          200: { content: { 'text/event-stream': { schema: Type.Unsafe<PassThrough>({ type: 'string' }) } } },
          ...errorResponses,
        },
      },
    },
    (request, reply) => {
      const stream = new PassThrough();
      const write = (chunk: string): void => {
        if (stream.destroyed || stream.writableEnded) return;
        if (stream.writableLength > MAX_BUFFERED_BYTES) {
          request.log.warn('dropping a slow event stream client');
          stream.destroy();
          return;
        }
        stream.write(chunk);
      };
      const unsubscribe = station.onEvent((event) => {
        write(sseFrame(event));
      });
      const heartbeat = setInterval(() => {
        write(': heartbeat\n\n');
      }, heartbeatMs);
      open.add(stream);
      stream.once('close', () => {
        clearInterval(heartbeat);
        unsubscribe();
        open.delete(stream);
      });
      write(`retry: ${SSE_RETRY_MS}\n: connected\n\n`);
      reply
        .header('content-type', 'text/event-stream; charset=utf-8')
        .header('cache-control', 'no-cache')
        .header('x-accel-buffering', 'no')
        .send(stream);
    },
  );
  done();
};
