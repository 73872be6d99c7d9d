// What the door's policy decides for one viewer message (policy.ts), and the helpers its parts share.
import type { Grant } from './credential';
import { janusError, type DoorCode, type WireMessage } from './janus-wire';
import type { Checked } from './viewer-fields';

/** What to do with a viewer's message. */
export type Decision =
  | { kind: 'refuse'; reply: WireMessage }
  | { kind: 'answer'; reply: WireMessage }
  | { kind: 'create'; request: WireMessage; grant: Grant }
  | { kind: 'attach'; request: WireMessage; sessionId: number; grant: Grant }
  /** `enabled`: the camera is enabled, so its mountpoint is worth waiting for when Janus does not have it yet. */
  | {
      kind: 'watch';
      request: WireMessage;
      sessionId: number;
      handleId: number;
      cameraId: string;
      enabled: boolean;
    }
  | {
      kind: 'forward';
      request: WireMessage;
      sessionId: number;
      handleId?: number;
      ends?: 'session' | 'handle';
    };

/** A refusal: a Janus-shaped error answering the message's transaction. */
export function refuse(transaction: unknown, code: DoorCode, reason: string, sessionId?: number): Decision {
  return { kind: 'refuse', reply: janusError(transaction, code, reason, sessionId) };
}

/** `next` with a checked value, or the check's refusal. */
export function whenChecked<T>(
  checked: Checked<T>,
  transaction: string,
  sessionId: number,
  next: (value: T) => Decision,
): Decision {
  return checked.ok ? next(checked.value) : refuse(transaction, checked.code, checked.reason, sessionId);
}
