// The station's gateway (its Janus), the same for both hosts: chosen once (janus-choice.ts), started before the
// station and stopped after it, moved to another mode at run time (the desktop's settings), and watched: when the
// bundled Janus gives up restarting, the host hears it (vigil serve stops; the desktop app tells the desk).
import type { Gateway, GatewayEndpoints, GatewayEvent } from '../gateway/gateway';
import { GatewaySwitcher, type GatewayTarget } from '../station/gateway-switcher';
import { chooseJanus, janusForMode, type JanusMode } from './janus-choice';
import { createJanusGateway, type JanusSetup } from './janus-gateway';
import type { Teardown } from './teardown';

/** How the station's Janus is doing: its mode, and why it stopped if its supervisor gave up on it. */
export interface GatewayState {
  mode: JanusMode;
  gaveUp?: { reason: string } | undefined;
}

/** Chooses the Janus for `setup`, starts it, and registers its stop (after the station's) on `teardown`. */
export async function setupGateway(setup: JanusSetup, teardown: Teardown): Promise<StationGateway> {
  const choice = chooseJanus(setup.choice);
  setup.logger.info({ janus: choice.mode, decidedBy: choice.decidedBy }, 'Janus chosen');
  const janus = new StationGateway(setup, createJanusGateway(choice, setup));
  teardown.add('Janus', () => janus.current.stop());
  await janus.current.start();
  return janus;
}

/** The Janus the station runs on (whichever it is after switches), and what happens when it gives up. */
export class StationGateway {
  readonly #setup: JanusSetup;
  readonly #first: Gateway;
  readonly #create: typeof createJanusGateway;
  readonly #listeners = new Set<(state: GatewayState) => void>();
  #switcher: GatewaySwitcher | undefined;
  #unsubscribe: () => void;
  #gaveUp: { reason: string } | undefined;

  /** `gateway` is the chosen one, not started yet (`setupGateway` starts it); `create` makes those switched to. */
  constructor(setup: JanusSetup, gateway: Gateway, create = createJanusGateway) {
    this.#setup = setup;
    this.#first = gateway;
    this.#create = create;
    this.#unsubscribe = gateway.onEvent((event) => {
      this.#heard(event);
    });
  }

  /** The current gateway. */
  get current(): Gateway {
    return this.#switcher?.current ?? this.#first;
  }

  /** The current mode (read again when the station stops: mountpoints of a bundled Janus are removed). */
  get mode(): JanusMode {
    return this.current.mode;
  }

  /** Where the current Janus is, once started. */
  get endpoints(): GatewayEndpoints {
    return this.current.endpoints;
  }

  /** The mode now and whether Janus gave up. */
  state(): GatewayState {
    return { mode: this.mode, gaveUp: this.#gaveUp };
  }

  /** Calls `listener` when the state changes (gave up, or switched); returns the unsubscribe. */
  onChange(listener: (state: GatewayState) => void): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  /** Lets switches move `station` (call once it runs on this Janus). */
  follow(station: GatewayTarget): void {
    this.#unsubscribe();
    this.#switcher = new GatewaySwitcher({
      target: station,
      gateway: this.current,
      logger: this.#setup.logger,
    });
    this.#unsubscribe = this.#switcher.onEvent((event) => {
      this.#heard(event);
    });
  }

  /** Moves the station onto a Janus of `mode`; rejects (and stays) when that Janus cannot start. */
  async switchTo(mode: JanusMode): Promise<void> {
    if (this.#switcher === undefined) throw new Error('switchTo before follow(station)');
    await this.#switcher.switchTo(this.#create(janusForMode(mode, this.#setup.choice), this.#setup));
    this.#gaveUp = undefined;
    this.#emit();
  }

  #heard(event: GatewayEvent): void {
    if (event.type !== 'gave-up') return;
    this.#gaveUp = { reason: event.reason };
    this.#emit();
  }

  #emit(): void {
    const state = this.state();
    for (const listener of [...this.#listeners]) listener(state);
  }
}
