import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';

import { ErrorCode, VigilError } from '../../../common/errors';
import { MP4_TYPE, PLAYBACK_START_HEADER } from '../../../common/recording';
import type { RecordingService } from '../../recording/service';
import { operationRoute, registerOperationRoutes } from './operation-routes';

function notRecording(): never {
  throw new VigilError(ErrorCode.NotFound, 'This station does not record');
}

/** What a station started without recording (unit-test APIs, tools) answers on the recording routes. */
const NOT_RECORDING: RecordingService = {
  timeline: notRecording,
  playback: notRecording,
  exportClip: notRecording,
  health: notRecording,
};

/** An AbortSignal that aborts when the client goes away (or the answer ends). */
function clientGone(request: FastifyRequest, reply: FastifyReply): AbortSignal {
  const controller = new AbortController();
  const abort = (): void => {
    controller.abort();
  };
  request.raw.once('close', abort);
  reply.raw.once('close', abort);
  return controller.signal;
}

/**
 * `/cameras/{id}/recordings` (JSON timeline), `/cameras/{id}/playback` (fragmented MP4 that follows the live
 * edge while the client stays) and `/cameras/{id}/export.mp4` (a standard MP4 attachment, manage keys).
 */
export const recordingRoutes: FastifyPluginCallbackTypebox<{ recordings?: RecordingService | undefined }> = (
  app,
  { recordings },
  done,
) => {
  const served = recordings ?? NOT_RECORDING;
  registerOperationRoutes(app, 'recordings', { recordings: served });
  app.route({
    ...operationRoute('recordings.playback'),
    handler: async (request, reply) => {
      const { camera_id: cameraId } = request.params as { camera_id: string };
      const { from } = request.query as { from: string };
      const playback = await served.playback(cameraId, from, clientGone(request, reply));
      return reply
        .header(PLAYBACK_START_HEADER, playback.start)
        .header('cache-control', 'no-store')
        .type(MP4_TYPE)
        .send(playback.body);
    },
  });
  app.route({
    ...operationRoute('recordings.export'),
    handler: async (request, reply) => {
      const { camera_id: cameraId } = request.params as { camera_id: string };
      const { from, to } = request.query as { from: string; to: string };
      const by = request.apiKey?.id ?? 'unknown';
      const clip = await served.exportClip(cameraId, from, to, by);
      return reply
        .header('content-disposition', `attachment; filename="${clip.filename}"`)
        .header('cache-control', 'no-store')
        .type(MP4_TYPE)
        .send(clip.body);
    },
  });
  done();
};
