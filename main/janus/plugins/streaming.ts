import type { Jsep } from '../envelope';
import { JanusProtocolError, StreamingError } from '../errors';
import type { JanusPluginError } from '../errors';
import { JanusHandle } from '../handle';
import type { HandleHost } from '../handle';
import type {
  CreatedMountpoint,
  EditedMountpoint,
  MountpointChanges,
  MountpointId,
  MountpointInfo,
  MountpointOptions,
  MountpointSummary,
  WatchOptions,
} from './streaming-types';

/** Drops undefined fields so requests carry only what the caller set. */
function compact(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}

function expectAnswer(data: Record<string, unknown>, streaming: string, request: string): void {
  if (data.streaming !== streaming) {
    throw new JanusProtocolError(`Streaming plugin answered '${String(data.streaming)}' to '${request}'`);
  }
}

/**
 * A handle on `janus.plugin.streaming`: mountpoint management (create/edit/destroy/list/info/enable/disable)
 * and a thin viewer (watch/start/pause/stop). Errors reject with StreamingError.
 * @example
 * const streaming = await session.attachStreaming({ adminKey });
 * const created = await streaming.create({ type: 'rtsp', url, video: true, secret, pin, videobufferkf: true });
 * const info = await streaming.info(created.id, { secret });
 */
export class StreamingHandle extends JanusHandle {
  /** The plugin's package name. */
  static readonly PLUGIN = 'janus.plugin.streaming';
  readonly #adminKey: string | undefined;

  constructor(host: HandleHost, id: number, adminKey?: string) {
    super(host, id, StreamingHandle.PLUGIN);
    this.#adminKey = adminKey;
  }

  /** Creates a mountpoint; `admin_key` defaults to the handle's adminKey. */
  async create(options: MountpointOptions): Promise<CreatedMountpoint> {
    const data = await this.#sync('create', { admin_key: this.#adminKey, ...options });
    expectAnswer(data, 'created', 'create');
    const stream = data.stream;
    if (typeof stream !== 'object' || stream === null || typeof data.created !== 'string') {
      throw new JanusProtocolError("Streaming 'create' answer has no stream");
    }
    const { id, type, description, is_private, host, ports } = stream as Record<string, unknown>;
    return compact({
      id,
      name: data.created,
      type,
      description,
      is_private,
      permanent: data.permanent === true,
      host,
      ports,
    }) as unknown as CreatedMountpoint;
  }

  /** Edits description, metadata, secret, pin or privacy of a mountpoint. */
  async edit(
    id: MountpointId,
    changes: MountpointChanges,
    auth: { secret?: string } = {},
  ): Promise<EditedMountpoint> {
    const data = await this.#sync('edit', { id, secret: auth.secret, ...changes });
    expectAnswer(data, 'edited', 'edit');
    return data as unknown as EditedMountpoint;
  }

  /** Destroys a mountpoint (its viewers are hung up). */
  async destroy(id: MountpointId, options: { secret?: string; permanent?: boolean } = {}): Promise<void> {
    const data = await this.#sync('destroy', { id, ...options });
    expectAnswer(data, 'destroyed', 'destroy');
  }

  /** Lists mountpoints (private ones too when the handle has the admin key). */
  async list(): Promise<MountpointSummary[]> {
    const data = await this.#sync('list', { admin_key: this.#adminKey });
    expectAnswer(data, 'list', 'list');
    if (!Array.isArray(data.list)) throw new JanusProtocolError("Streaming 'list' answer has no list");
    return data.list as MountpointSummary[];
  }

  /** Details of one mountpoint; with its secret, also secret fields and viewers. */
  async info(id: MountpointId, auth: { secret?: string } = {}): Promise<MountpointInfo> {
    const data = await this.#sync('info', { id, secret: auth.secret });
    expectAnswer(data, 'info', 'info');
    if (typeof data.info !== 'object' || data.info === null) {
      throw new JanusProtocolError("Streaming 'info' answer has no info");
    }
    return data.info as MountpointInfo;
  }

  /** Makes a mountpoint watchable again. */
  async enable(id: MountpointId, auth: { secret?: string } = {}): Promise<void> {
    const data = await this.#sync('enable', { id, secret: auth.secret });
    expectAnswer(data, 'ok', 'enable');
  }

  /**
   * Hides a mountpoint from viewers without destroying it. `stop_recording` defaults to false here (Janus
   * defaults to true): Janus 1.1.2 crashes (NULL recorder) stopping recordings of a mountpoint not recording.
   */
  async disable(
    id: MountpointId,
    options: { secret?: string; stop_recording?: boolean } = {},
  ): Promise<void> {
    const { secret, stop_recording = false } = options;
    const data = await this.#sync('disable', { id, secret, stop_recording });
    expectAnswer(data, 'ok', 'disable');
  }

  /** Asks to watch a mountpoint; resolves with Janus's SDP offer. */
  async watch(id: MountpointId, options: WatchOptions = {}): Promise<Jsep> {
    const { jsep } = await this.message(compact({ request: 'watch', id, ...options }));
    if (jsep === undefined) throw new JanusProtocolError("Streaming 'watch' answered without an offer");
    return jsep;
  }

  /** Starts (with the SDP answer) or resumes playout. */
  async start(jsep?: Jsep): Promise<void> {
    await this.message({ request: 'start' }, jsep);
  }

  /** Pauses playout, keeping the PeerConnection. */
  async pause(): Promise<void> {
    await this.message({ request: 'pause' });
  }

  /** Stops playout and tears the PeerConnection down. */
  async stop(): Promise<void> {
    await this.message({ request: 'stop' });
  }

  /** Streaming `error_code` answers become StreamingError. */
  protected override pluginError(janusCode: number, message: string): JanusPluginError {
    return new StreamingError(janusCode, message === '' ? `Streaming error ${janusCode}` : message);
  }

  async #sync(request: string, fields: Record<string, unknown>): Promise<Record<string, unknown>> {
    const { data } = await this.message(compact({ request, ...fields }));
    return data;
  }
}
