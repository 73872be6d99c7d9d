// The named walls connected now: a browser wall while its `GET /events?wall=NAME` stream is open, a desktop
// window while it holds a name it registered over IPC. Several pages may share a name; a push reaches them all.
import { ErrorCode, VigilError } from '../../common/errors';
import type { StationEvent } from '../../common/events';
import type { Wall, WallShowAnswer, WallShowInput } from '../../common/walls';
import type { WallService } from './service';

/** What the registry needs: where to announce `wall.show`, and which cameras and views exist. */
export interface WallRegistryOptions {
  publish: (event: StationEvent) => void;
  hasCamera: (cameraId: string) => boolean;
  hasView: (viewId: string) => boolean;
  now?: () => Date;
}

interface Connection {
  name: string;
  kind: Wall['kind'];
  since: Date;
}

/** The walls connected now, and pushes to them by name. */
export class WallRegistry implements WallService {
  readonly #connections = new Set<Connection>();
  readonly #now: () => Date;

  constructor(private readonly options: WallRegistryOptions) {
    this.#now = options.now ?? (() => new Date());
  }

  /** Registers one page or window under `name`; the returned function ends it (calling it twice is harmless). */
  connect(name: string, kind: Wall['kind']): () => void {
    const connection: Connection = { name, kind, since: this.#now() };
    this.#connections.add(connection);
    return () => {
      this.#connections.delete(connection);
    };
  }

  list(): Wall[] {
    const walls = new Map<string, Wall>();
    for (const { name, kind, since } of this.#connections) {
      const key = `${name}\u0000${kind}`;
      const known = walls.get(key);
      const at = since.toISOString();
      if (known === undefined) walls.set(key, { name, kind, connected_at: at, connections: 1 });
      else {
        known.connections += 1;
        if (at < known.connected_at) known.connected_at = at;
      }
    }
    return [...walls.values()].sort((a, b) => a.name.localeCompare(b.name) || a.kind.localeCompare(b.kind));
  }

  show(wall: string, input: WallShowInput): WallShowAnswer {
    const reached = [...this.#connections].filter((connection) => connection.name === wall).length;
    if (reached === 0) {
      const names = [...new Set([...this.#connections].map((connection) => connection.name))].sort();
      throw new VigilError(
        ErrorCode.WallNotFound,
        `No wall named "${wall}" is connected` +
          (names.length === 0 ? ' (none is)' : ` (connected: ${names.join(', ')})`) +
          '; open the wall with ?wall=' +
          wall +
          ' or name its window',
        'wall',
      );
    }
    if (input.camera_id !== undefined && !this.options.hasCamera(input.camera_id)) {
      throw new VigilError(ErrorCode.CameraNotFound, `No camera "${input.camera_id}"`, 'camera_id');
    }
    if (input.view_id !== undefined && !this.options.hasView(input.view_id)) {
      throw new VigilError(ErrorCode.ViewNotFound, `No view "${input.view_id}"`, 'view_id');
    }
    this.options.publish({ type: 'wall.show', wall, ...input, at: this.#now().toISOString() });
    return { wall, ...input, delivered_to: reached };
  }
}
