import { Type } from 'typebox';

import { CameraId } from '../../../common/camera';
import { ErrorBody } from '../../../common/errors';

/** The `:camera_id` path parameter. */
export const CameraParams = Type.Object({ camera_id: CameraId }, { additionalProperties: false });

/** The seed's `{ message }` answer (restart, delete). */
export const MessageBody = Type.Object({ message: Type.String() }, { $id: 'Message' });

/** The error answers every route may give, documented once. */
export const errorResponses = { '4xx': ErrorBody, '5xx': ErrorBody } as const;

/** The OpenAPI security requirement of a route that needs a bearer key. */
export const bearer = [{ bearer: [] }];
