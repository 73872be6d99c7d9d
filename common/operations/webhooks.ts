import { Type } from 'typebox';

import { MessageBody } from '../answers';
import { Webhook, WebhookDelivery, WebhookId, WebhookInput } from '../webhooks';
import type { ResourceContracts } from './contract';

/** Outgoing webhooks (`/webhooks`, manage keys only): signed deliveries of chosen events, with a delivery log. */
export const webhookContracts = {
  'webhooks.create': {
    args: [WebhookInput],
    output: Webhook,
    scope: 'manage',
    summary: 'Add a webhook (201): chosen events POSTed to an http(s) URL, signed with the secret',
    handler: 'webhooks.create',
  },
  'webhooks.list': {
    args: [],
    output: Type.Array(Webhook),
    scope: 'manage',
    summary: 'The webhooks (never their secrets)',
    handler: 'webhooks.list',
  },
  'webhooks.delete': {
    args: [WebhookId],
    output: MessageBody,
    scope: 'manage',
    summary: 'Delete a webhook; its pending deliveries are dropped',
    handler: 'webhooks.remove',
    message: 'Webhook {webhook_id} deleted',
  },
  'webhooks.deliveries': {
    args: [WebhookId],
    output: Type.Array(WebhookDelivery),
    scope: 'manage',
    summary: "A webhook's recent deliveries, newest first (state, attempts, last status or error)",
    handler: 'webhooks.deliveries',
  },
} as const satisfies ResourceContracts<'webhooks'>;
