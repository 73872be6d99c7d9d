import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';

import { registerAlarmMetrics } from '../../../main/runtime/alarm-metrics';

describe('registerAlarmMetrics', () => {
  it('counts alarms per state and pending webhook deliveries when scraped', async () => {
    const registry = new Registry();
    registerAlarmMetrics(registry, {
      alarmStates: () => ['new', 'new', 'closed', 'snoozed'],
      pendingDeliveries: () => 3,
    });
    const text = await registry.metrics();
    expect(text).toContain('vigil_alarms{state="new"} 2');
    expect(text).toContain('vigil_alarms{state="acknowledged"} 0');
    expect(text).toContain('vigil_alarms{state="closed"} 1');
    expect(text).toContain('vigil_webhook_deliveries_pending 3');
  });
});
