import type { Logger } from 'pino';

import { TypedEmitter } from './emitter';
import type {
  AnswerEnvelope,
  JanusRequest,
  Jsep,
  SessionEnvelope,
  TrickleCandidate,
  TrickleCompleted,
} from './envelope';
import { JanusClosedError, JanusHandleNotFoundError, JanusPluginError, JanusProtocolError } from './errors';
import type { JanusError } from './errors';
import type { JanusSession } from './session';

/** What a plugin answered: its data, and a JSEP when it sent one. */
export interface PluginResult {
  data: Record<string, unknown>;
  jsep?: Jsep;
}

/** A `media` notification: Janus started or stopped receiving a medium. */
export interface MediaState {
  mid?: string;
  type: 'audio' | 'video';
  receiving: boolean;
  seconds?: number;
  substream?: number;
}

/** A `slowlink` notification. */
export interface SlowLink {
  mid?: string;
  media: 'audio' | 'video';
  uplink: boolean;
  lost: number;
}

/** Events of a handle. */
export type HandleEvents = {
  /** Every plugin event for this handle (also the ones that answer a `message()`). */
  event: [data: Record<string, unknown>, jsep?: Jsep];
  webrtcup: [];
  media: [state: MediaState];
  slowlink: [info: SlowLink];
  hangup: [reason: string | undefined];
  /** A candidate Janus gathered (`completed: true` at the end). */
  trickle: [candidate: TrickleCandidate | TrickleCompleted];
  /** The handle is gone: detached locally or by Janus, or its session ended. Emitted once. */
  detached: [];
};

/** How the session serves a handle (internal). */
export interface HandleHost {
  readonly session: JanusSession;
  readonly logger: Logger;
  request(
    message: JanusRequest,
    options: { handleId?: number; ackIsFinal: boolean },
  ): Promise<AnswerEnvelope>;
  failPending(handleId: number, error: () => JanusError): void;
  register(handleId: number, control: HandleControl): void;
  forget(handleId: number): void;
  onListenerError(error: unknown): void;
}

/** What the session drives on a handle (internal). */
export interface HandleControl {
  dispatch(envelope: SessionEnvelope): void;
  end(error: () => JanusError): void;
}

/**
 * A plugin handle: send messages, trickle, hang up, detach; listen to its events.
 * @example
 * const handle = await session.attach('janus.plugin.echotest');
 * handle.on('webrtcup', () => log.info('up'));
 * const { data, jsep } = await handle.message({ audio: true }, offer);
 */
export class JanusHandle extends TypedEmitter<HandleEvents> {
  /** Janus's handle id. */
  readonly id: number;
  /** Package name of the plugin, e.g. `janus.plugin.streaming`. */
  readonly plugin: string;
  /** The session the handle lives in. */
  readonly session: JanusSession;
  readonly #host: HandleHost;
  #ended = false;

  constructor(host: HandleHost, id: number, plugin: string) {
    super((error) => {
      host.onListenerError(error);
    });
    this.#host = host;
    this.id = id;
    this.plugin = plugin;
    this.session = host.session;
    host.register(id, {
      dispatch: (envelope) => {
        this.#dispatch(envelope);
      },
      end: (error) => {
        this.#end(error);
      },
    });
  }

  /** True once the handle is detached (locally, by Janus, or with its session). */
  get detached(): boolean {
    return this.#ended;
  }

  /**
   * Sends a plugin message; resolves with the synchronous `success` answer, or with the `event` that
   * answers an acked asynchronous request. An `error_code` in the plugin's data rejects.
   */
  async message(body: Record<string, unknown>, jsep?: Jsep): Promise<PluginResult> {
    const request: JanusRequest =
      jsep === undefined ? { janus: 'message', body } : { janus: 'message', body, jsep };
    const answer = await this.#request(request, false);
    if ((answer.janus !== 'success' && answer.janus !== 'event') || answer.plugindata === undefined) {
      throw new JanusProtocolError(`Janus answered '${answer.janus}' without plugin data to a message`);
    }
    const data = answer.plugindata.data;
    const errorCode = data.error_code;
    if (typeof errorCode === 'number') {
      throw this.pluginError(errorCode, typeof data.error === 'string' ? data.error : '');
    }
    return answer.janus === 'event' && answer.jsep !== undefined ? { data, jsep: answer.jsep } : { data };
  }

  /** Sends one candidate, several, or `null` for end-of-candidates. */
  async trickle(candidate: TrickleCandidate | TrickleCandidate[] | null): Promise<void> {
    const payload =
      candidate === null
        ? { candidate: { completed: true } }
        : Array.isArray(candidate)
          ? { candidates: candidate }
          : { candidate };
    await this.#request({ janus: 'trickle', ...payload }, true);
  }

  /** Tears the PeerConnection down (the handle stays attached). */
  async hangup(): Promise<void> {
    await this.#request({ janus: 'hangup' }, false);
  }

  /** Detaches from the plugin; pending work of this handle fails with JanusClosedError. Idempotent. */
  async detach(): Promise<void> {
    if (this.#ended) return;
    this.#teardown(() => new JanusClosedError(`Handle ${this.id} detached`));
    try {
      await this.#host.request({ janus: 'detach', handle_id: this.id }, { ackIsFinal: false });
    } catch (error) {
      if (!(error instanceof JanusHandleNotFoundError)) throw error;
    } finally {
      this.#finish();
    }
  }

  /** Builds the error for an `error_code` answer; plugin subclasses return their own class. */
  protected pluginError(janusCode: number, message: string): JanusPluginError {
    return new JanusPluginError(this.plugin, message === '' ? `Plugin error ${janusCode}` : message, {
      janusCode,
    });
  }

  #request(message: JanusRequest, ackIsFinal: boolean): Promise<AnswerEnvelope> {
    if (this.#ended) return Promise.reject(new JanusClosedError(`Handle ${this.id} is detached`));
    this.#host.logger.debug({ janus: message.janus, handleId: this.id }, 'handle request');
    return this.#host
      .request({ ...message, handle_id: this.id }, { handleId: this.id, ackIsFinal })
      .catch((error: unknown) => {
        if (error instanceof JanusHandleNotFoundError) this.#end(() => error);
        throw error;
      });
  }

  #dispatch(envelope: SessionEnvelope): void {
    switch (envelope.janus) {
      case 'event':
        this.emit('event', envelope.plugindata?.data ?? {}, envelope.jsep);
        return;
      case 'webrtcup':
        this.emit('webrtcup');
        return;
      case 'media': {
        const { mid, type, receiving, seconds, substream } = envelope;
        this.emit('media', { mid, type, receiving, seconds, substream });
        return;
      }
      case 'slowlink': {
        const { mid, media, uplink, lost } = envelope;
        this.emit('slowlink', { mid, media, uplink, lost });
        return;
      }
      case 'hangup':
        this.emit('hangup', envelope.reason);
        return;
      case 'trickle':
        this.emit('trickle', envelope.candidate);
        return;
      case 'detached':
        this.#end(() => new JanusHandleNotFoundError(`Handle ${this.id} was detached by Janus`));
        return;
      case 'timeout':
        return;
      default: {
        const unexpected: never = envelope;
        this.#host.logger.debug({ envelope: unexpected }, 'unexpected handle envelope');
      }
    }
  }

  #end(error: () => JanusError): void {
    if (this.#ended) return;
    this.#teardown(error);
    this.#finish();
  }

  #teardown(error: () => JanusError): void {
    this.#ended = true;
    this.#host.forget(this.id);
    this.#host.failPending(this.id, error);
  }

  #finish(): void {
    this.emit('detached');
    this.removeAllListeners();
  }
}
