// Outgoing webhooks: the station POSTs chosen events to an integrator's http(s) URL, each body signed
// `X-Vigil-Signature: sha256=<hex HMAC-SHA256(secret, body)>`, retried with backoff, in order per hook.
import { Type, type Static } from 'typebox';

import { HTTP_URL, ONE_LINE, WEBHOOK_ID } from './patterns';

/** The events a hook may ask for. */
export const WEBHOOK_EVENTS = [
  'alarm.raised',
  'alarm.updated',
  'camera.state',
  'gateway.up',
  'gateway.down',
] as const;

/** An event type a hook may ask for. */
export type WebhookEventType = (typeof WEBHOOK_EVENTS)[number];

/** A webhook's id. */
export const WebhookId = Type.String({ pattern: WEBHOOK_ID.pattern });

/** What `POST /webhooks` takes. The secret signs every delivery and is never shown again. */
export const WebhookInput = Type.Object(
  {
    url: Type.String({ maxLength: 2048, pattern: HTTP_URL.pattern }),
    events: Type.Array(Type.Enum(WEBHOOK_EVENTS), { minItems: 1, maxItems: 16, uniqueItems: true }),
    secret: Type.String({ minLength: 16, maxLength: 256, pattern: ONE_LINE.pattern }),
    description: Type.Optional(Type.String({ maxLength: 200, pattern: ONE_LINE.pattern })),
  },
  { additionalProperties: false, $id: 'WebhookInput' },
);

/** A new webhook. */
export type WebhookInput = Static<typeof WebhookInput>;

/** A webhook as served: never its secret. */
export const Webhook = Type.Object(
  {
    webhook_id: WebhookId,
    url: Type.String(),
    events: Type.Array(Type.Enum(WEBHOOK_EVENTS)),
    description: Type.Optional(Type.String()),
    created_at: Type.String({ format: 'date-time' }),
    /** Deliveries not yet made (waiting for the receiver or their retry). */
    pending: Type.Integer({ minimum: 0 }),
  },
  { $id: 'Webhook' },
);

/** A webhook. */
export type Webhook = Static<typeof Webhook>;

/** Where a delivery is: waiting (first try or a retry), delivered (2xx), or given up (its retry window ran out). */
export const DeliveryState = Type.Union([
  Type.Literal('pending'),
  Type.Literal('delivered'),
  Type.Literal('failed'),
]);

/** One delivery of one event to one hook, as the delivery log shows it. */
export const WebhookDelivery = Type.Object(
  {
    delivery_id: Type.String(),
    webhook_id: WebhookId,
    event_type: Type.String(),
    state: DeliveryState,
    attempts: Type.Integer({ minimum: 0 }),
    created_at: Type.String({ format: 'date-time' }),
    last_attempt_at: Type.Optional(Type.String({ format: 'date-time' })),
    next_attempt_at: Type.Optional(Type.String({ format: 'date-time' })),
    /** The receiver's last HTTP status, if it answered. */
    status: Type.Optional(Type.Integer()),
    /** Why the last attempt failed (connection refused, timeout, HTTP 500). */
    error: Type.Optional(Type.String()),
  },
  { $id: 'WebhookDelivery' },
);

/** One delivery. */
export type WebhookDelivery = Static<typeof WebhookDelivery>;

/** What a receiver gets as the POST body (and signs over exactly these bytes). */
export interface WebhookBody {
  /** The delivery's id (also `X-Vigil-Delivery`): the same on every retry, so a receiver can drop repeats. */
  delivery_id: string;
  /** The event type (also `X-Vigil-Event`). */
  type: string;
  /** When the event happened. */
  at: string;
  /** The event itself, as SSE `/events` sends it. */
  event: unknown;
}
