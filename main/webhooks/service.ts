// What outgoing webhooks offer the REST API: WebhookDispatcher (dispatcher.ts) implements it.
import type { Webhook, WebhookDelivery, WebhookInput } from '../../common/webhooks';

/** The webhooks: add, list and remove hooks, and each hook's delivery log. Secrets are never answered. */
export interface WebhookService {
  /** Adds a hook; `VIGIL_ERR_VALIDATION` (field url) for a URL it will not call. */
  create(input: WebhookInput): Promise<Webhook>;
  /** Every hook, oldest first. */
  list(): Webhook[];
  /** Removes a hook and drops its pending deliveries; `VIGIL_ERR_WEBHOOK_NOT_FOUND` when unknown. */
  remove(webhookId: string): Promise<void>;
  /** The hook's recent deliveries, newest first. */
  deliveries(webhookId: string): WebhookDelivery[];
}
