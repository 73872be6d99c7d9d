// The fields a viewer's requests may carry through the door, checked and copied one by one: anything not listed
// here never reaches Janus (so no pin, token, secret or admin key of the client's own), and a listed field of
// the wrong type is refused the way Janus refuses it.
import { DoorCode, isObject, type WireMessage } from './janus-wire';

/** A field's type. */
type FieldType = 'boolean' | 'integer' | 'string' | 'strings';

/** The checked copy, or why not. */
export type Checked<T> = { ok: true; value: T } | { ok: false; code: DoorCode; reason: string };

/** The streaming plugin's requests a viewer may send. */
export type ViewerRequest = 'watch' | 'start' | 'pause' | 'configure' | 'stop';

/** The optional fields of each viewer request (Janus 1.x streaming plugin), besides `request` and a watch's `id`. */
const REQUEST_FIELDS: Readonly<Record<ViewerRequest, Readonly<Record<string, FieldType>>>> = {
  watch: { media: 'strings', offer_audio: 'boolean', offer_video: 'boolean', offer_data: 'boolean' },
  start: {},
  pause: {},
  stop: {},
  configure: {
    mid: 'string',
    send: 'boolean',
    substream: 'integer',
    temporal: 'integer',
    fallback: 'integer',
    spatial_layer: 'integer',
    temporal_layer: 'integer',
    min_delay: 'integer',
    max_delay: 'integer',
    audio: 'boolean',
    video: 'boolean',
    data: 'boolean',
    restart: 'boolean',
  },
};

const CANDIDATE_FIELDS: Readonly<Record<string, FieldType>> = {
  candidate: 'string',
  sdpMid: 'string',
  sdpMLineIndex: 'integer',
  usernameFragment: 'string',
};

const JSEP_FIELDS: Readonly<Record<string, FieldType>> = {
  type: 'string',
  sdp: 'string',
  trickle: 'boolean',
};

/** Candidates one trickle may carry (janus.js sends one at a time). */
const MAX_CANDIDATES = 64;

/** Whether a streaming request is one a viewer may send. */
export function isViewerRequest(request: string): request is ViewerRequest {
  return Object.hasOwn(REQUEST_FIELDS, request);
}

function fits(value: unknown, type: FieldType): boolean {
  switch (type) {
    case 'boolean':
      return typeof value === 'boolean';
    case 'integer':
      return Number.isSafeInteger(value);
    case 'string':
      return typeof value === 'string';
    case 'strings':
      return Array.isArray(value) && value.length <= 16 && value.every((v) => typeof v === 'string');
  }
}

/** Copies the listed fields present in `source`; a listed field of the wrong type is refused. */
function pick(
  source: WireMessage,
  fields: Readonly<Record<string, FieldType>>,
  what: string,
): Checked<WireMessage> {
  const copy: WireMessage = {};
  for (const [name, type] of Object.entries(fields)) {
    if (!Object.hasOwn(source, name) || source[name] === undefined) continue;
    if (!fits(source[name], type)) {
      return {
        ok: false,
        code: DoorCode.InvalidElementType,
        reason: `Invalid element type (${what}.${name})`,
      };
    }
    copy[name] = source[name];
  }
  return { ok: true, value: copy };
}

/** A viewer request's optional fields, checked and copied. */
export function requestFields(request: ViewerRequest, body: WireMessage): Checked<WireMessage> {
  return pick(body, REQUEST_FIELDS[request], 'body');
}

/** A watch's mountpoint id: an integer, or digits in a string (the seed's clients send either). */
export function mountpointId(value: unknown): number | undefined {
  if (Number.isSafeInteger(value) && (value as number) > 0) return value as number;
  if (typeof value === 'string' && /^[1-9]\d{0,15}$/.test(value)) return Number(value);
  return undefined;
}

/** A viewer's SDP answer (with `start`), checked and copied. */
export function answerJsep(jsep: unknown): Checked<WireMessage> {
  if (!isObject(jsep))
    return { ok: false, code: DoorCode.InvalidElementType, reason: 'Invalid element type (jsep)' };
  const copy = pick(jsep, JSEP_FIELDS, 'jsep');
  if (!copy.ok) return copy;
  if (copy.value.type !== 'answer' || typeof copy.value.sdp !== 'string') {
    return {
      ok: false,
      code: DoorCode.Unauthorized,
      reason: 'A viewer sends only an SDP answer (jsep type "answer")',
    };
  }
  return copy;
}

/** A trickle's `candidate` or `candidates`, checked and copied. */
export function trickleCandidates(message: WireMessage): Checked<WireMessage> {
  const one = (candidate: unknown): Checked<WireMessage> => {
    if (!isObject(candidate)) {
      return { ok: false, code: DoorCode.InvalidElementType, reason: 'Invalid element type (candidate)' };
    }
    if (candidate.completed === true) return { ok: true, value: { completed: true } };
    const copy = pick(candidate, CANDIDATE_FIELDS, 'candidate');
    if (copy.ok && typeof copy.value.candidate !== 'string') {
      return {
        ok: false,
        code: DoorCode.MissingElement,
        reason: 'Missing mandatory element (candidate.candidate)',
      };
    }
    return copy;
  };
  if (message.candidate !== undefined) {
    const candidate = one(message.candidate);
    return candidate.ok ? { ok: true, value: { candidate: candidate.value } } : candidate;
  }
  const { candidates } = message;
  if (!Array.isArray(candidates) || candidates.length > MAX_CANDIDATES) {
    return {
      ok: false,
      code: DoorCode.MissingElement,
      reason: `Missing mandatory element (candidate or up to ${MAX_CANDIDATES} candidates)`,
    };
  }
  const copies: WireMessage[] = [];
  for (const candidate of candidates) {
    const copy = one(candidate);
    if (!copy.ok) return copy;
    copies.push(copy.value);
  }
  return { ok: true, value: { candidates: copies } };
}
