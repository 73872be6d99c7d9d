// A viewer's message to its streaming-plugin handle (`janus: "message"`), as the policy decides it: only the
// viewer requests, their listed fields, an SDP answer with `start`, and a `watch` only of a camera the handle's
// grant covers — with the camera's pin added here. `switch` is refused: Janus checks no pin on it.
import { grantCovers, type Grant } from './credential';
import { refuse, whenChecked, type Decision } from './decision';
import { DoorCode, isObject, shown, type WireMessage } from './janus-wire';
import type { PolicyLookups } from './policy';
import { answerJsep, isViewerRequest, mountpointId, requestFields } from './viewer-fields';

/** Decides a plugin message on a handle of this connection. */
export function pluginMessage(
  message: WireMessage,
  transaction: string,
  sessionId: number,
  handleId: number,
  grant: Grant,
  lookups: PolicyLookups,
): Decision {
  const { body, jsep } = message;
  if (!isObject(body))
    return refuse(transaction, DoorCode.MissingElement, 'Missing mandatory element (body)', sessionId);
  const { request } = body;
  if (typeof request !== 'string') {
    return refuse(
      transaction,
      DoorCode.MissingElement,
      'Missing mandatory element (body.request)',
      sessionId,
    );
  }
  if (request === 'switch') {
    return refuse(
      transaction,
      DoorCode.Unauthorized,
      '"switch" is not served: watch the other camera on a handle of its own (the door checks each camera)',
      sessionId,
    );
  }
  if (!isViewerRequest(request)) {
    return refuse(transaction, DoorCode.Unauthorized, `"${request}" is not a viewer request`, sessionId);
  }
  if (jsep !== undefined && request !== 'start') {
    return refuse(
      transaction,
      DoorCode.InvalidElementType,
      'A viewer sends a jsep only with "start"',
      sessionId,
    );
  }
  const fields = requestFields(request, body);
  if (!fields.ok) return refuse(transaction, fields.code, fields.reason, sessionId);
  const envelope = { janus: 'message', session_id: sessionId, handle_id: handleId, transaction };
  if (request === 'watch') {
    const id = mountpointId(body.id);
    const mountpoint = id === undefined ? undefined : lookups.mountpoint(id);
    if (id === undefined || mountpoint === undefined || !grantCovers(grant, mountpoint.cameraId)) {
      return refuse(
        transaction,
        DoorCode.Unauthorized,
        `No camera you may view has stream id ${shown(body.id)}`,
        sessionId,
      );
    }
    return {
      kind: 'watch',
      request: { ...envelope, body: { request, id, pin: mountpoint.pin, ...fields.value } },
      sessionId,
      handleId,
      cameraId: mountpoint.cameraId,
      enabled: mountpoint.enabled,
    };
  }
  if (jsep === undefined) {
    return {
      kind: 'forward',
      request: { ...envelope, body: { request, ...fields.value } },
      sessionId,
      handleId,
    };
  }
  return whenChecked(answerJsep(jsep), transaction, sessionId, (answer) => ({
    kind: 'forward',
    request: { ...envelope, body: { request, ...fields.value }, jsep: answer },
    sessionId,
    handleId,
  }));
}
