// Which Janus a door connection relays each handle to. A viewer's sessions and handles live on the station's own
// Janus, as they always did; in a cluster a `watch` of a camera another gateway holds is relayed instead over a
// link to that gateway (remote-gateway.ts), one per gateway per connection, opened on the first such watch.
import type { GatewayEndpoints } from '../gateway/gateway';
import type { ConnectionContext } from './connection-context';
import type { WireMessage } from './janus-wire';
import { RemoteGateway, type RemoteGatewayDeps } from './remote-gateway';
import type { HandleState } from './relay-state';

/** What the links ask of their connection's context. */
export type LinksContext = Pick<
  ConnectionContext,
  'clock' | 'openUpstream' | 'gatewayEndpoints' | 'endpointsFor' | 'refusesViewers'
>;

/** What the links are given by their connection: the door's transaction prefix, its lifetime, the viewer's end. */
export type LinksDeps = Pick<RemoteGatewayDeps, 'prefix' | 'toViewer' | 'lost'> & { signal: AbortSignal };

/** Thrown when a watched camera is held by no gateway now. */
class NoGatewayError extends Error {
  override readonly name = 'NoGatewayError';
}

/** A connection's links to the other gateways of the cluster. */
export class GatewayLinks {
  readonly #context: LinksContext;
  readonly #deps: LinksDeps;
  readonly #links = new Map<string, RemoteGateway>();

  constructor(context: LinksContext, deps: LinksDeps) {
    this.#context = context;
    this.#deps = deps;
  }

  /**
   * Relays a watch to the gateway holding its camera now (`station` when it is the station's own); the reason
   * when it cannot (no gateway holds the camera, or the one that does cannot be reached).
   */
  async relayWatch(
    watch: { request: WireMessage; sessionId: number; handleId: number; cameraId: string },
    handle: HandleState,
    station: { send(request: WireMessage): void },
  ): Promise<string | undefined> {
    const { request, sessionId, handleId, cameraId } = watch;
    try {
      const link = await this.#route(sessionId, handleId, handle, cameraId);
      (link ?? station).send(request);
      return undefined;
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      if (error instanceof NoGatewayError) return why;
      return `The gateway holding camera ${cameraId} cannot be reached now (${why}); watch again shortly`;
    }
  }

  /**
   * Routes a handle to the gateway holding `cameraId` now: `undefined` for the station's own Janus, else the link
   * (with the handle's real handle attached there). A handle leaving a gateway is detached there first. Rejects
   * when no gateway holds the camera or the one that does cannot be reached.
   */
  async #route(
    sessionId: number,
    handleId: number,
    handle: HandleState,
    cameraId: string,
  ): Promise<RemoteGateway | undefined> {
    const full = this.#context.refusesViewers(cameraId);
    if (full !== undefined) throw new NoGatewayError(full);
    const endpoints = this.#context.endpointsFor(cameraId);
    if (endpoints === undefined) {
      throw new NoGatewayError(`No gateway holds camera ${cameraId} now; the station is placing it`);
    }
    const link =
      endpoints.urls.ws === this.#context.gatewayEndpoints().urls.ws ? undefined : this.#link(endpoints);
    if (handle.via !== link) handle.via?.detach(sessionId, handleId);
    // Set before the attach: a detach meanwhile (the viewer's, or its session's end) cancels it.
    handle.via = link;
    try {
      await link?.attach(sessionId, handleId);
    } catch (error) {
      if (handle.via === link) handle.via = undefined;
      throw error;
    }
    return link;
  }

  /** Whether a handle is relayed to the gateway that holds its camera now (true when it watches none). */
  onHoldingGateway(handle: HandleState): boolean {
    if (handle.cameraId === undefined) return true;
    const url = (handle.via?.endpoints ?? this.#context.gatewayEndpoints()).urls.ws;
    return this.#context.endpointsFor(handle.cameraId)?.urls.ws === url;
  }

  /** Keeps a viewer session's sessions on the other gateways alive. */
  keepalive(sessionId: number): void {
    for (const link of this.#links.values()) link.keepalive(sessionId);
  }

  /** Destroys a viewer session's sessions on the other gateways. */
  destroy(sessionId: number): void {
    for (const link of this.#links.values()) link.destroy(sessionId);
  }

  /** Closes every link. */
  close(): void {
    for (const link of this.#links.values()) link.close();
    this.#links.clear();
  }

  #link(endpoints: GatewayEndpoints): RemoteGateway {
    let link = this.#links.get(endpoints.urls.ws);
    if (link === undefined) {
      const { prefix, toViewer, lost, signal } = this.#deps;
      const { clock, openUpstream } = this.#context;
      link = new RemoteGateway({
        endpoints,
        clock,
        prefix,
        toViewer,
        lost,
        open: (handlers, gateway) => openUpstream(handlers, signal, gateway),
      });
      this.#links.set(endpoints.urls.ws, link);
    }
    return link;
  }
}
