import { describe, expect, it } from 'vitest';

import {
  errorFromJanus,
  JanusApiError,
  JanusError,
  JanusHandleNotFoundError,
  JanusPluginNotFoundError,
  JanusSessionNotFoundError,
  JanusUnauthorizedError,
  StreamingError,
} from '../../../main/janus/errors';

describe('errorFromJanus', () => {
  it.each([
    [403, JanusUnauthorizedError, 'JANUS_ERR_UNAUTHORIZED'],
    [405, JanusUnauthorizedError, 'JANUS_ERR_UNAUTHORIZED'],
    [458, JanusSessionNotFoundError, 'JANUS_ERR_SESSION_NOT_FOUND'],
    [459, JanusHandleNotFoundError, 'JANUS_ERR_HANDLE_NOT_FOUND'],
    [460, JanusPluginNotFoundError, 'JANUS_ERR_PLUGIN_NOT_FOUND'],
    [456, JanusApiError, 'JANUS_ERR_API'],
    [490, JanusApiError, 'JANUS_ERR_API'],
  ])('maps Janus %i to its class and stable code', (code, type, stable) => {
    const error = errorFromJanus(code, 'reason text');
    expect(error).toBeInstanceOf(type);
    expect(error).toBeInstanceOf(JanusError);
    expect(error).toMatchObject({ code: stable, janusCode: code, message: 'reason text', name: type.name });
  });
});

describe('StreamingError', () => {
  it.each([
    [450, 'STREAMING_ERR_NO_MESSAGE'],
    [451, 'STREAMING_ERR_INVALID_JSON'],
    [452, 'STREAMING_ERR_INVALID_REQUEST'],
    [453, 'STREAMING_ERR_MISSING_ELEMENT'],
    [454, 'STREAMING_ERR_INVALID_ELEMENT'],
    [455, 'STREAMING_ERR_NO_SUCH_MOUNTPOINT'],
    [456, 'STREAMING_ERR_CANT_CREATE'],
    [457, 'STREAMING_ERR_UNAUTHORIZED'],
    [458, 'STREAMING_ERR_CANT_SWITCH'],
    [459, 'STREAMING_ERR_CANT_RECORD'],
    [460, 'STREAMING_ERR_INVALID_STATE'],
    [461, 'STREAMING_ERR_INVALID_SDP'],
    [470, 'STREAMING_ERR_UNKNOWN_ERROR'],
    [499, 'STREAMING_ERR_UNRECOGNIZED'],
  ])('maps Streaming %i to %s', (janusCode, code) => {
    const error = new StreamingError(janusCode, 'Janus text');
    expect(error).toMatchObject({ code, janusCode, message: 'Janus text', plugin: 'janus.plugin.streaming' });
  });
});
