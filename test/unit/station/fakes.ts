// Stand-ins for the station core's unit tests: a Janus (or several, by WebSocket URL) the test plays, and an
// in-memory camera store.
import { ErrorCode, VigilError } from '../../../common/errors';
import type { GatewayEndpoints } from '../../../main/gateway/gateway';
import { StreamingError, type MountpointSummary, type RtspMountpointOptions } from '../../../main/janus';
import { TypedEmitter } from '../../../main/janus/emitter';
import type { StationJanus, StationJanusEvents } from '../../../main/station/station-janus';
import type { CameraStore } from '../../../main/store/camera-store';
import type { StoredCamera } from '../../../main/store/stored-camera';

/** One mountpoint as the fake Janus holds it. */
export interface FakeMountpoint {
  request: RtspMountpointOptions;
  /** The video's `age_ms` that `list` reports (undefined: no socket to the camera). */
  ageMs: number | undefined;
  viewers: number;
}

/** One Janus server the fake can point at. */
export class FakeServer {
  readonly mountpoints = new Map<number, FakeMountpoint>();
  reachable = true;
  sessions = 1;
}

/** Calls the station made, per verb. */
export type FakeCalls = Record<'list' | 'create' | 'destroy' | 'info', number>;

/** Gateway endpoints whose WebSocket URL names the fake server `name`. */
export function fakeEndpoints(name: string): GatewayEndpoints {
  return {
    urls: { http: `http://${name}/janus`, ws: `ws://${name}`, adminHttp: `http://${name}/admin` },
    secrets: { adminSecret: 'admin', streamingAdminKey: 'key' },
  };
}

/** A StationJanus the test plays: servers by WebSocket URL, up/down on demand, scripted refusals. */
export class FakeJanus extends TypedEmitter<StationJanusEvents> implements StationJanus {
  readonly servers = new Map<string, FakeServer>();
  readonly calls: FakeCalls = { list: 0, create: 0, destroy: 0, info: 0 };
  /** How often the station asked to reach Janus now. */
  retriesNow = 0;
  /** Camera ids (mountpoint names) whose `create` Janus refuses with 456. */
  readonly refuse = new Set<string>();
  /** Times (Date.now()) of each create attempt, per camera. */
  readonly createdAt = new Map<string, number[]>();
  #url: string;
  #up = false;
  #started = false;

  constructor(endpoints: GatewayEndpoints) {
    super();
    this.#url = endpoints.urls.ws;
  }

  /** The server the station points at now. */
  get server(): FakeServer {
    return this.serverAt(this.#url);
  }

  /** The server behind `url` (made on first use). */
  serverAt(url: string): FakeServer {
    let server = this.servers.get(url);
    if (server === undefined) {
      server = new FakeServer();
      this.servers.set(url, server);
    }
    return server;
  }

  get isUp(): boolean {
    return this.#up;
  }

  start(): void {
    this.#started = true;
    this.#comeUp();
  }

  retarget(endpoints: GatewayEndpoints): Promise<void> {
    this.#goDown('switching to another Janus');
    this.#url = endpoints.urls.ws;
    this.#comeUp();
    return Promise.resolve();
  }

  stop(): Promise<void> {
    this.#started = false;
    this.#goDown('station stopping');
    return Promise.resolve();
  }

  /** Janus becomes unreachable (it keeps its mountpoints, as after a network cut). */
  lose(reason = 'lost the connection to Janus'): void {
    this.server.reachable = false;
    this.#goDown(reason);
  }

  /** Janus answers again. */
  recover(): void {
    this.server.reachable = true;
    this.#comeUp();
  }

  /** Janus restarts: down, then up without any mountpoint. */
  restart(): void {
    this.lose('Janus forgot the station session (restarted?)');
    this.server.mountpoints.clear();
    this.recover();
  }

  retryNow(): void {
    this.retriesNow += 1;
  }

  /** Mountpoints of a server whose metadata names a station. */
  ours(server = this.server): MountpointSummary[] {
    return summaries(server).filter((m) => m.metadata?.startsWith('vigil:') === true);
  }

  listMountpoints(): Promise<MountpointSummary[]> {
    this.calls.list += 1;
    return this.#call(() => summaries(this.server));
  }

  createMountpoint(request: RtspMountpointOptions): Promise<void> {
    this.calls.create += 1;
    const name = request.name ?? '';
    this.createdAt.set(name, [...(this.createdAt.get(name) ?? []), Date.now()]);
    return this.#call(() => {
      const id = idOf(request);
      if (this.server.mountpoints.has(id) || this.refuse.has(name))
        throw new StreamingError(456, "Can't create mountpoint");
      this.server.mountpoints.set(id, { request, ageMs: 20, viewers: 0 });
    });
  }

  destroyMountpoint(mountpointId: number, secret: string | undefined): Promise<void> {
    this.calls.destroy += 1;
    return this.#call(() => {
      const mountpoint = this.server.mountpoints.get(mountpointId);
      if (mountpoint === undefined) throw new StreamingError(455, 'No such mountpoint');
      if (mountpoint.request.secret !== secret) throw new StreamingError(457, 'Unauthorized');
      this.server.mountpoints.delete(mountpointId);
    });
  }

  viewerCount(mountpointId: number): Promise<number> {
    this.calls.info += 1;
    return this.#call(() => this.server.mountpoints.get(mountpointId)?.viewers ?? 0);
  }

  sessionCount(): Promise<number> {
    return this.#call(() => this.server.sessions);
  }

  #call<T>(work: () => T): Promise<T> {
    if (!this.#up) {
      return Promise.reject(
        new VigilError(
          ErrorCode.GatewayUnavailable,
          'Janus is not reachable right now; the station keeps trying',
        ),
      );
    }
    try {
      return Promise.resolve(work());
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  #comeUp(): void {
    if (this.#up || !this.#started || !this.server.reachable) return;
    this.#up = true;
    this.emit('up');
  }

  #goDown(reason: string): void {
    if (!this.#up) return;
    this.#up = false;
    this.emit('down', reason);
  }
}

/** The numeric id the station always gives a mountpoint. */
function idOf(request: RtspMountpointOptions): number {
  if (typeof request.id !== 'number') throw new Error('the station creates mountpoints with numeric ids');
  return request.id;
}

function summaries(server: FakeServer): MountpointSummary[] {
  return [...server.mountpoints.values()].map(({ request, ageMs }) => ({
    id: idOf(request),
    type: 'live',
    description: request.description ?? '',
    ...(request.metadata === undefined ? {} : { metadata: request.metadata }),
    enabled: true,
    media: [{ mid: 'v', type: 'video', label: 'video', ...(ageMs === undefined ? {} : { age_ms: ageMs }) }],
  }));
}

/** Seals by tagging, so a test can see what would be encrypted. */
const seal = (plain: string): string => `sealed:${plain}`;
const unseal = (sealed: string): string => sealed.replace(/^sealed:/, '');

/** The camera store in memory, with the real store's errors for unknown and duplicate ids. */
export class MemoryCameraStore implements CameraStore {
  readonly path = '/memory/cameras.json';
  #records: StoredCamera[] = [];
  #nextId = 1_000_000;

  list(): readonly StoredCamera[] {
    return this.#records;
  }

  get(cameraId: string): StoredCamera | undefined {
    return this.#records.find((r) => r.camera_id === cameraId);
  }

  async insert(record: StoredCamera): Promise<void> {
    await Promise.resolve();
    if (this.get(record.camera_id)) throw new VigilError(ErrorCode.CameraExists, 'exists', 'camera_id');
    this.#records = [...this.#records, structuredClone(record)];
  }

  async replace(record: StoredCamera): Promise<void> {
    await Promise.resolve();
    if (!this.get(record.camera_id)) throw new VigilError(ErrorCode.CameraNotFound, 'none', 'camera_id');
    this.#records = this.#records.map((r) =>
      r.camera_id === record.camera_id ? structuredClone(record) : r,
    );
  }

  async remove(cameraId: string): Promise<void> {
    await Promise.resolve();
    if (!this.get(cameraId)) throw new VigilError(ErrorCode.CameraNotFound, 'none', 'camera_id');
    this.#records = this.#records.filter((r) => r.camera_id !== cameraId);
  }

  allocateMountpointId(): number {
    return (this.#nextId += 1);
  }

  newMountpoint(): Promise<StoredCamera['mountpoint']> {
    const id = this.allocateMountpointId();
    return Promise.resolve({ id, secret_sealed: seal(`secret-${id}`), pin: `pin-${id}`, revision: 1 });
  }

  sealPassword(password: string): Promise<string | null> {
    return Promise.resolve(password === '' ? null : seal(password));
  }

  unsealPassword(record: StoredCamera): Promise<string> {
    return Promise.resolve(record.password_sealed === null ? '' : unseal(record.password_sealed));
  }

  unsealMountpointSecret(record: StoredCamera): Promise<string> {
    return Promise.resolve(unseal(record.mountpoint.secret_sealed));
  }
}
