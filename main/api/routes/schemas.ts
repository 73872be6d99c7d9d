import { ErrorBody } from '../../../common/answers';

/** The error answers every route may give, documented once. */
export const errorResponses = { '4xx': ErrorBody, '5xx': ErrorBody } as const;

/** The OpenAPI security requirement of a route that needs a bearer key. */
export const bearer = [{ bearer: [] }];
