import { HealthReport } from '../health';
import type { ResourceContracts } from './contract';

/** The station's own state. */
export const systemContracts = {
  // No handler: REST adds per-camera detail for callers with a key, IPC always (the desk is trusted).
  'system.health': {
    args: [],
    output: HealthReport,
    scope: 'optional',
    summary: 'Health summary; per-camera detail with a valid key',
  },
} as const satisfies ResourceContracts<'system'>;
