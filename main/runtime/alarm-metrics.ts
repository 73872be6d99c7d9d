// Prometheus gauges for the alarm desk: alarms per state (the ops view of "how many wait for the desk") and
// webhook deliveries still waiting (a receiver that is down shows here first).
import { Gauge, type Registry } from 'prom-client';

import { ALARM_STATES, type AlarmState } from '../../common/alarms';

/** What the gauges read when Prometheus scrapes. */
export interface AlarmGaugeSource {
  alarmStates(): AlarmState[];
  pendingDeliveries(): number;
}

/** Registers `vigil_alarms{state}` and `vigil_webhook_deliveries_pending`. */
export function registerAlarmMetrics(registry: Registry, source: AlarmGaugeSource): void {
  new Gauge({
    name: 'vigil_alarms',
    help: 'Alarms kept by the station, per state',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      const states = source.alarmStates();
      for (const state of ALARM_STATES) this.set({ state }, states.filter((s) => s === state).length);
    },
  });
  new Gauge({
    name: 'vigil_webhook_deliveries_pending',
    help: 'Webhook deliveries not yet made (waiting for their receiver or their retry)',
    registers: [registry],
    collect() {
      this.set(source.pendingDeliveries());
    },
  });
}
