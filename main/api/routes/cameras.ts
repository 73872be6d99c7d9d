import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';

import { CameraInput, CameraPatch, CameraView, StreamInfo } from '../../../common/camera';
import { ProbeRequest, ProbeResult } from '../../../common/probe';
import { CameraParams, MessageBody, bearer, errorResponses } from './schemas';
import type { ApiDeps } from '../types';

const manage = { access: 'manage' } as const;
const view = { access: 'view' } as const;
const tags = ['cameras'];

/** The seed's camera routes (`/cameras`, `/cameras/{camera_id}`, `/stream`, `/restart`) plus PATCH and probe. */
export const cameraRoutes: FastifyPluginCallbackTypebox<Pick<ApiDeps, 'station'>> = (
  app,
  { station },
  done,
) => {
  app.post(
    '/cameras',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Add a camera (probes it first unless skip_probe)',
        security: bearer,
        body: CameraInput,
        response: { 201: CameraView, ...errorResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await station.addCamera(request.body)),
  );

  app.get(
    '/cameras',
    {
      config: view,
      schema: {
        tags,
        summary: 'List cameras',
        security: bearer,
        response: { 200: Type.Array(CameraView), ...errorResponses },
      },
    },
    () => station.listCameras(),
  );

  app.post(
    '/cameras/probe',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Probe an RTSP URL without adding it',
        security: bearer,
        body: ProbeRequest,
        response: { 200: ProbeResult, ...errorResponses },
      },
    },
    (request) => station.probe(request.body),
  );

  app.get(
    '/cameras/:camera_id',
    {
      config: view,
      schema: {
        tags,
        summary: 'One camera',
        security: bearer,
        params: CameraParams,
        response: { 200: CameraView, ...errorResponses },
      },
    },
    (request) => station.getCamera(request.params.camera_id),
  );

  app.patch(
    '/cameras/:camera_id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Change a camera',
        security: bearer,
        params: CameraParams,
        body: CameraPatch,
        response: { 200: CameraView, ...errorResponses },
      },
    },
    (request) => station.updateCamera(request.params.camera_id, request.body),
  );

  app.delete(
    '/cameras/:camera_id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Remove a camera',
        security: bearer,
        params: CameraParams,
        response: { 200: MessageBody, ...errorResponses },
      },
    },
    async (request) => {
      await station.removeCamera(request.params.camera_id);
      return { message: `Camera ${request.params.camera_id} removed` };
    },
  );

  app.post(
    '/cameras/:camera_id/restart',
    {
      config: manage,
      schema: {
        tags,
        summary: "Re-create a camera's stream",
        security: bearer,
        params: CameraParams,
        response: { 200: MessageBody, ...errorResponses },
      },
    },
    async (request) => {
      await station.restartCamera(request.params.camera_id);
      return { message: `Camera ${request.params.camera_id} restarted` };
    },
  );

  app.get(
    '/cameras/:camera_id/stream',
    {
      config: view,
      schema: {
        tags,
        summary: 'What a viewer needs to play the camera',
        security: bearer,
        params: CameraParams,
        response: { 200: StreamInfo, ...errorResponses },
      },
    },
    (request) => station.streamInfo(request.params.camera_id),
  );
  done();
};
