import type { FastifySchemaValidationError } from 'fastify';
import { describe, expect, it } from 'vitest';

import { ONE_LINE, RTSP_URL } from '../../../common/patterns';
import { describeValidation } from '../../../main/api/validation';

function error(
  keyword: string,
  instancePath: string,
  params: Record<string, unknown> = {},
  message?: string,
): FastifySchemaValidationError {
  return { keyword, instancePath, schemaPath: '#', params, ...(message ? { message } : {}) };
}

describe('describeValidation', () => {
  it.each<[FastifySchemaValidationError[], string, { field?: string; message: string }]>([
    [
      [error('required', '', { missingProperty: 'name' })],
      'body',
      { field: 'name', message: 'name is required' },
    ],
    [
      [error('additionalProperties', '', { additionalProperty: 'admin' })],
      'body',
      { field: 'admin', message: 'unknown property "admin" in body' },
    ],
    [
      [error('type', '/tags/3', { type: 'string' })],
      'body',
      { field: 'tags/3', message: 'tags/3 must be a string' },
    ],
    [[error('type', '', { type: 'object' })], 'body', { message: 'body must be an object' }],
    [
      [error('pattern', '/rtsp_url', { pattern: RTSP_URL.pattern })],
      'body',
      {
        field: 'rtsp_url',
        message:
          'rtsp_url must be an rtsp:// URL without control characters, e.g. rtsp://192.0.2.10:554/stream1',
      },
    ],
    [
      [error('pattern', '/username', { pattern: ONE_LINE.pattern })],
      'body',
      {
        field: 'username',
        message: 'username must not contain control characters (line breaks, tabs, NUL and the like)',
      },
    ],
    [
      [error('minLength', '/name', { limit: 1 })],
      'body',
      { field: 'name', message: 'name must not be empty' },
    ],
    [
      [error('maxLength', '/name', { limit: 128 })],
      'body',
      { field: 'name', message: 'name must be at most 128 characters' },
    ],
    [
      [error('maxItems', '/tags', { limit: 16 })],
      'body',
      { field: 'tags', message: 'tags must have at most 16 items' },
    ],
    [
      [error('uniqueItems', '/tags', { i: 1, j: 0 })],
      'body',
      { field: 'tags', message: 'tags must not contain duplicates' },
    ],
    [[error('minProperties', '', { limit: 1 })], 'body', { message: 'body must contain at least one field' }],
    [
      [
        error('const', '/auth_method', { allowedValue: 'basic' }),
        error('const', '/auth_method', { allowedValue: 'digest' }),
        error('anyOf', '/auth_method'),
      ],
      'body',
      { field: 'auth_method', message: 'auth_method must be one of: basic, digest' },
    ],
    [
      [
        error('pattern', '/substream_url', { pattern: RTSP_URL.pattern }),
        error('type', '/substream_url', { type: 'null' }),
        error('anyOf', '/substream_url'),
      ],
      'body',
      {
        field: 'substream_url',
        message:
          'substream_url must be an rtsp:// URL without control characters, e.g. rtsp://192.0.2.10:554/stream1 or be null',
      },
    ],
    [[error('weird', '/x', {}, 'is odd')], 'params', { field: 'x', message: 'x is odd' }],
    [
      [error('pattern', '/x', { pattern: '^unnamed$' })],
      'body',
      { field: 'x', message: 'x is not in the expected form' },
    ],
    [[], 'body', { message: 'body is invalid' }],
  ])('%#', (errors, part, expected) => {
    expect(describeValidation(errors, part)).toEqual(expected);
  });

  it('cuts very long property names', () => {
    const long = 'p'.repeat(10_000);
    const problem = describeValidation(
      [error('additionalProperties', '', { additionalProperty: long })],
      'body',
    );
    expect(problem.field?.length).toBeLessThanOrEqual(65);
    expect(problem.message.length).toBeLessThan(120);
  });
});
