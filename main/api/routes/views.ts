import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';

import { View, ViewId, ViewInput, ViewPatch } from '../../../common/views';
import type { ViewService } from '../../station/views';
import { MessageBody, bearer, errorResponses } from './schemas';

const manage = { access: 'manage' } as const;
const view = { access: 'view' } as const;
const tags = ['views'];
const ViewParams = Type.Object({ view_id: ViewId }, { additionalProperties: false });

/** `/views` and `/views/{view_id}`: saved wall views (view keys read, manage keys write). */
export const viewRoutes: FastifyPluginCallbackTypebox<{ views: ViewService }> = (app, { views }, done) => {
  app.get(
    '/views',
    {
      config: view,
      schema: {
        tags,
        summary: 'List saved views',
        security: bearer,
        response: { 200: Type.Array(View), ...errorResponses },
      },
    },
    () => views.list(),
  );

  app.post(
    '/views',
    {
      config: manage,
      schema: {
        tags,
        summary: "Save a view (tiles must have the layout's tile count; camera ids may be unknown)",
        security: bearer,
        body: ViewInput,
        response: { 201: View, ...errorResponses },
      },
    },
    async (request, reply) => reply.code(201).send(views.create(request.body)),
  );

  app.get(
    '/views/:view_id',
    {
      config: view,
      schema: {
        tags,
        summary: 'One view',
        security: bearer,
        params: ViewParams,
        response: { 200: View, ...errorResponses },
      },
    },
    (request) => views.get(request.params.view_id),
  );

  app.patch(
    '/views/:view_id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Change a view (a new layout needs tiles of its count)',
        security: bearer,
        params: ViewParams,
        body: ViewPatch,
        response: { 200: View, ...errorResponses },
      },
    },
    (request) => views.update(request.params.view_id, request.body),
  );

  app.delete(
    '/views/:view_id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Delete a view',
        security: bearer,
        params: ViewParams,
        response: { 200: MessageBody, ...errorResponses },
      },
    },
    (request) => {
      views.delete(request.params.view_id);
      return { message: `View ${request.params.view_id} deleted` };
    },
  );
  done();
};
