import type { FastifyError, FastifyReply, FastifyRequest, FastifySchemaValidationError } from 'fastify';

import type { ErrorBody } from '../../common/answers';
import { ErrorCode, VigilError, codeForStatus, errorStatus } from '../../common/errors';
import { describeValidation } from './validation';

/** How an error is answered: the HTTP status and the one error body shape. */
export interface ErrorReply {
  status: number;
  body: ErrorBody;
}

const INTERNAL: ErrorReply = {
  status: 500,
  body: { error: { code: ErrorCode.Internal, message: 'Internal error; the station logged the details' } },
};

/** Fastify's own client errors, answered with our codes and words (never theirs, which may echo input). */
const FASTIFY_ERRORS: Record<string, VigilError> = {
  FST_ERR_CTP_BODY_TOO_LARGE: new VigilError(ErrorCode.PayloadTooLarge, 'The request body is too large'),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: new VigilError(
    ErrorCode.UnsupportedMediaType,
    'Unsupported content type; send the body as application/json',
  ),
  FST_ERR_CTP_INVALID_JSON_BODY: new VigilError(ErrorCode.Validation, 'The body is not valid JSON'),
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: new VigilError(
    ErrorCode.Validation,
    'Content-Length does not match the body',
  ),
  FST_ERR_BAD_URL: new VigilError(ErrorCode.Validation, 'The URL is not valid'),
  FST_ERR_MAX_PARAM_LENGTH: new VigilError(ErrorCode.Validation, 'A path parameter is too long'),
};

function isFastifyError(error: unknown): error is FastifyError {
  return error instanceof Error && typeof (error as Partial<FastifyError>).statusCode === 'number';
}

/** Maps any thrown value to its answer; anything unexpected becomes a generic 500 that reveals nothing. */
export function toErrorReply(error: unknown): ErrorReply {
  if (error instanceof VigilError) return { status: errorStatus[error.code] ?? 500, body: error.toBody() };
  if (!isFastifyError(error)) return INTERNAL;
  const known = FASTIFY_ERRORS[error.code];
  if (known) return { status: errorStatus[known.code] ?? 500, body: known.toBody() };
  const status = error.statusCode ?? 500;
  if (status < 400 || status >= 500) return INTERNAL;
  // A bare client status means what the one status table says it means.
  const code = codeForStatus(status) ?? ErrorCode.Validation;
  return { status, body: { error: { code, message: 'The request was refused' } } };
}

/** Fastify's `schemaErrorFormatter`: one readable 400 naming the offending field. */
export function formatValidation(errors: FastifySchemaValidationError[], part: string): Error {
  const { field, message } = describeValidation(errors, part);
  return new VigilError(ErrorCode.Validation, message, field);
}

/** The API's one error handler: maps codes to statuses and logs (never answers) the details of a 5xx. */
export function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply): void {
  const { status, body } = toErrorReply(error);
  if (status >= 500) request.log.error({ err: error }, 'request failed');
  else request.log.debug({ code: body.error.code, status }, 'request refused');
  reply.code(status).type('application/json; charset=utf-8').send(body);
}

/** Answers unknown routes in the same error shape. */
export function handleNotFound(request: FastifyRequest, reply: FastifyReply): void {
  const path = (request.url.split('?')[0] ?? '').slice(0, 128);
  const error = new VigilError(ErrorCode.NotFound, `No route for ${request.method} ${path}`);
  reply.code(404).type('application/json; charset=utf-8').send(error.toBody());
}
