// Checks what placement is given before it places anything: a bad weight or a duplicate id would otherwise give
// each station a different (or a silently wrong) answer.
import type { PlacementCamera, PlacementGateway } from './placement';

const FAILOVER = new Set(['high', 'normal', 'never']);

/** Placement was given a gateway, camera or option it cannot use; `field` names the faulty one. */
export class PlacementInputError extends Error {
  /** Stable error code. */
  readonly code = 'VIGIL_ERR_PLACEMENT_INPUT';

  constructor(
    /** The faulty field, e.g. `gateways[janus-2].weight`. */
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'PlacementInputError';
  }
}

/** Throws PlacementInputError for the first unusable gateway, camera or load factor. */
export function checkPlacementInput(
  cameras: readonly PlacementCamera[],
  gateways: readonly PlacementGateway[],
  loadFactor: number,
): void {
  if (!Number.isFinite(loadFactor) || loadFactor < 1) {
    throw new PlacementInputError(
      'loadFactor',
      `must be a finite number ≥ 1 (got ${loadFactor}); 1.05 is the default`,
    );
  }
  const gatewayIds = new Set<string>();
  for (const gateway of gateways) {
    checkId(gateway.id, 'gateways[].id');
    const field = `gateways[${gateway.id}]`;
    if (gatewayIds.has(gateway.id))
      throw new PlacementInputError(`${field}.id`, 'is registered twice; gateway ids must be unique');
    gatewayIds.add(gateway.id);
    if (!Number.isFinite(gateway.weight) || gateway.weight <= 0) {
      throw new PlacementInputError(`${field}.weight`, `must be a finite number > 0 (got ${gateway.weight})`);
    }
    if (!Number.isInteger(gateway.maxCameras) || gateway.maxCameras < 0) {
      throw new PlacementInputError(
        `${field}.maxCameras`,
        `must be a whole number ≥ 0 (got ${gateway.maxCameras})`,
      );
    }
  }
  const cameraIds = new Set<string>();
  for (const camera of cameras) {
    checkId(camera.id, 'cameras[].id');
    const field = `cameras[${camera.id}]`;
    if (cameraIds.has(camera.id))
      throw new PlacementInputError(`${field}.id`, 'is listed twice; camera ids must be unique');
    cameraIds.add(camera.id);
    if (!FAILOVER.has(camera.failover)) {
      throw new PlacementInputError(
        `${field}.failover`,
        `must be high, normal or never (got ${JSON.stringify(camera.failover)})`,
      );
    }
  }
}

function checkId(id: unknown, field: string): void {
  if (typeof id !== 'string' || id === '')
    throw new PlacementInputError(field, `must be a non-empty string (got ${JSON.stringify(id)})`);
}
