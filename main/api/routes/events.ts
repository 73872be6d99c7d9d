import { PassThrough } from 'node:stream';

import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';

import { ErrorCode, VigilError } from '../../../common/errors';
import type { StationEvent } from '../../../common/events';
import { WallName } from '../../../common/walls';
import { bearer, errorResponses } from './schemas';
import type { ApiDeps } from '../types';

/** How long a browser waits before reconnecting, sent as the stream's `retry:` hint. */
const SSE_RETRY_MS = 3000;
/** A client that lets this much pile up unread is dropped (it reconnects and re-reads state). */
const MAX_BUFFERED_BYTES = 1024 * 1024;
/** How many streams one key (or browser session) may hold open: a wall needs one per page. */
export const SSE_STREAMS_PER_KEY = 16;

/** One Server-Sent Events frame: the event's type as `event:`, its JSON as `data:`. */
export function sseFrame(event: StationEvent): string {
  return `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
}

/**
 * Whether a stream is sent `event`: `wall.show` only to the stream of that wall (`wall`, undefined for an
 * unnamed page), and an `alarm` key's stream only alarms.
 */
export function reaches(event: StationEvent, wall: string | undefined, alarmsOnly: boolean): boolean {
  if (alarmsOnly) return event.type === 'alarm.raised' || event.type === 'alarm.updated';
  return event.type !== 'wall.show' || event.wall === wall;
}

/**
 * `GET /events`: the station's events as Server-Sent Events, with a comment heartbeat; at most `streamsPerKey`
 * streams per key or browser session at once (429 past it). `?wall=NAME` names the page a wall for as long as
 * its stream is open (`GET /walls`), and only such a stream gets that wall's `wall.show`.
 */
export const eventRoutes: FastifyPluginCallbackTypebox<
  Pick<ApiDeps, 'station' | 'walls'> & { heartbeatMs: number; streamsPerKey: number }
> = (app, { station, walls, heartbeatMs, streamsPerKey }, done) => {
  const open = new Set<PassThrough>();
  const perKey = new Map<string, number>();
  app.addHook('preClose', (hookDone) => {
    for (const stream of open) stream.end();
    hookDone();
  });

  app.get(
    '/events',
    {
      // An alarm key (a VAS) hears alarms only: what became of those it raised.
      config: { access: 'alarm-read' },
      schema: {
        tags: ['events'],
        summary:
          'Station events as Server-Sent Events (event: <type>, data: StationEvent JSON); ?wall=NAME names a wall; alarm keys get alarms only',
        security: bearer,
        querystring: Type.Object({ wall: Type.Optional(WallName) }, { additionalProperties: false }),
        response: {
          // Documented as text; typed as the stream the handler sends.
          200: { content: { 'text/event-stream': { schema: Type.Unsafe<PassThrough>({ type: 'string' }) } } },
          ...errorResponses,
        },
      },
    },
    (request, reply) => {
      // The route needs a view key or a session, so a key id is there; the address stands in otherwise.
      const holder = request.apiKey?.id ?? `ip:${request.ip}`;
      if (request.apiKey?.scope === 'alarm' && request.query.wall !== undefined) {
        throw new VigilError(
          ErrorCode.Forbidden,
          'An alarm key cannot connect a wall: use a view key',
          'wall',
        );
      }
      const held = perKey.get(holder) ?? 0;
      if (held >= streamsPerKey) {
        throw new VigilError(
          ErrorCode.RateLimited,
          `This key already holds ${streamsPerKey} open event streams, the most one key may hold: ` +
            'close one (each page needs only one) or use another key',
        );
      }
      perKey.set(holder, held + 1);
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
      const { wall } = request.query;
      const alarmsOnly = request.apiKey?.scope === 'alarm';
      const unsubscribe = station.onEvent((event) => {
        if (reaches(event, wall, alarmsOnly)) write(sseFrame(event));
      });
      const disconnect =
        wall === undefined || walls === undefined ? undefined : walls.connect(wall, 'browser');
      const heartbeat = setInterval(() => {
        write(': heartbeat\n\n');
      }, heartbeatMs);
      open.add(stream);
      stream.once('close', () => {
        clearInterval(heartbeat);
        unsubscribe();
        disconnect?.();
        open.delete(stream);
        const left = (perKey.get(holder) ?? 1) - 1;
        if (left > 0) perKey.set(holder, left);
        else perKey.delete(holder);
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
