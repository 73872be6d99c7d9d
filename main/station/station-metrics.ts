import { Gauge, type Registry } from 'prom-client';

import type { CameraState } from '../../common/camera';

/** What the station's gauges read when Prometheus scrapes. */
export interface StationGaugeSource {
  cameraStates(): CameraState[];
  janusUp(): boolean;
}

const STATES: CameraState[] = ['starting', 'live', 'stale', 'offline', 'error', 'disabled'];

/** Registers the station's gauges: cameras per health state, and whether Janus is reachable. */
export function registerStationMetrics(registry: Registry, source: StationGaugeSource): void {
  new Gauge({
    name: 'vigil_cameras',
    help: 'Cameras per health state',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      const states = source.cameraStates();
      for (const state of STATES) this.set({ state }, states.filter((s) => s === state).length);
    },
  });
  new Gauge({
    name: 'vigil_janus_up',
    help: '1 while the station holds a working session on Janus',
    registers: [registry],
    collect() {
      this.set(source.janusUp() ? 1 : 0);
    },
  });
}
