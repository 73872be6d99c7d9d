import type { StationEvent } from '../../common/events';
import type { GatewayEndpoints } from '../gateway/gateway';
import type { CameraStore } from '../store/camera-store';
import { viewerStreamOf, type ViewerStream } from './camera-view';
import type { StationEventBus } from './event-bus';
import type { MountpointReadiness } from './mountpoint-readiness';
import type { StationPlacement } from './placement';
import { cameraNotFound } from './station-errors';
import type { StationJanus } from './station-janus';
import type { IceServer } from './station-options';

/** A mountpoint as the door sees it: whose camera it is, and the pin the door adds to a viewer's `watch`. */
export interface ViewerMountpoint {
  cameraId: string;
  pin: string;
  enabled: boolean;
}

/** What the station's viewer side is made of. */
export interface StationViewersDeps {
  store: CameraStore;
  readiness: MountpointReadiness;
  janus: Pick<StationJanus, 'isUp'>;
  events: StationEventBus;
  /** The Janus the station runs on now. */
  gateway(): GatewayEndpoints;
  /** The WebSocket URL viewers connect to (the door). */
  viewerUrl: string;
  iceServers: IceServer[];
  /** Cluster mode: the gateway holding each camera (viewers are relayed there). */
  placement?: StationPlacement | undefined;
}

/**
 * What the Janus door (main/door) asks of the station: where viewers connect, which camera a mountpoint is and its
 * pin, whether its mountpoint exists on Janus now, the Janus to relay to, and the station's events. Main only:
 * pins and endpoints never leave it.
 */
export class StationViewers {
  readonly #deps: StationViewersDeps;

  constructor(deps: StationViewersDeps) {
    this.#deps = deps;
  }

  /** What a viewer needs to play the camera, before the door adds a ticket; `VIGIL_ERR_CAMERA_NOT_FOUND` if unknown. */
  stream(cameraId: string): ViewerStream {
    const camera = this.#deps.store.get(cameraId);
    if (!camera) throw cameraNotFound(cameraId);
    return viewerStreamOf(camera, this.#deps.viewerUrl, this.#deps.iceServers);
  }

  /** The camera whose mountpoint has this id, with its pin; undefined if no camera has it. */
  mountpoint(mountpointId: number): ViewerMountpoint | undefined {
    const camera = this.#deps.store.list().find((c) => c.mountpoint.id === mountpointId);
    return camera && { cameraId: camera.camera_id, pin: camera.mountpoint.pin, enabled: camera.enabled };
  }

  /** Whether the camera's mountpoint exists on the Janus holding it (another gateway's: its station says live). */
  isReady(cameraId: string): boolean {
    const { placement, readiness } = this.#deps;
    if (placement === undefined || placement.holds(cameraId)) return readiness.isReady(cameraId);
    return placement.remoteHealth(cameraId)?.state === 'live';
  }

  /** Calls `listener` each time a camera's mountpoint comes to exist; returns the unsubscribe function. */
  onReady(listener: (cameraId: string) => void): () => void {
    const { placement, readiness } = this.#deps;
    const local = readiness.on('ready', listener);
    if (placement === undefined) return local;
    const remote = placement.onRemoteHealth((cameraId, health) => {
      if (health.state === 'live' && !placement.holds(cameraId)) listener(cameraId);
    });
    return () => {
      local();
      remote();
    };
  }

  /** True while the station holds a working session on its Janus. */
  get janusUp(): boolean {
    return this.#deps.janus.isUp;
  }

  /** The Janus the station runs on now (it changes when the desktop app switches gateways). */
  gatewayEndpoints(): GatewayEndpoints {
    return this.#deps.gateway();
  }

  /**
   * The Janus a viewer of the camera is relayed to: in a cluster the gateway holding it (undefined while none
   * does), else the station's own.
   */
  endpointsFor(cameraId: string): GatewayEndpoints | undefined {
    const { placement } = this.#deps;
    if (placement === undefined || placement.holds(cameraId)) return this.#deps.gateway();
    return placement.endpointsOf(cameraId);
  }

  /** Why a new viewer of the camera is refused now (its gateway serves its most viewers), or undefined. */
  refusesViewers(cameraId: string): string | undefined {
    return this.#deps.placement?.refusesViewers(cameraId);
  }

  /** Subscribes to the station's events; returns the unsubscribe function. */
  onEvent(listener: (event: StationEvent) => void): () => void {
    return this.#deps.events.on('event', listener);
  }
}
