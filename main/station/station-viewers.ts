import type { StationEvent } from '../../common/events';
import type { GatewayEndpoints } from '../gateway/gateway';
import type { CameraStore } from '../store/camera-store';
import { viewerStreamOf, type ViewerStream } from './camera-view';
import type { StationEventBus } from './event-bus';
import type { MountpointReadiness } from './mountpoint-readiness';
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

  /** Whether the camera's mountpoint exists on the current Janus. */
  isReady(cameraId: string): boolean {
    return this.#deps.readiness.isReady(cameraId);
  }

  /** Calls `listener` each time a camera's mountpoint comes to exist; returns the unsubscribe function. */
  onReady(listener: (cameraId: string) => void): () => void {
    return this.#deps.readiness.on('ready', listener);
  }

  /** True while the station holds a working session on its Janus. */
  get janusUp(): boolean {
    return this.#deps.janus.isUp;
  }

  /** The Janus the station runs on now (it changes when the desktop app switches gateways). */
  gatewayEndpoints(): GatewayEndpoints {
    return this.#deps.gateway();
  }

  /** Subscribes to the station's events; returns the unsubscribe function. */
  onEvent(listener: (event: StationEvent) => void): () => void {
    return this.#deps.events.on('event', listener);
  }
}
