import type { StationEvent } from '../../common/events';
import { ErrorCode, VigilError } from '../../common/errors';
import { LAYOUT_TILES, type LayoutId, type View, type ViewInput, type ViewPatch } from '../../common/views';
import { viewNotFound, type ViewStore } from '../store/view-store';

/**
 * Why `tiles` does not fit `layout` (a `VIGIL_ERR_VALIDATION` on field `tiles`), or undefined when it does.
 * Tiles are never padded or trimmed behind the caller's back: the count must be the layout's.
 */
export function tilesProblem(layout: LayoutId, tiles: readonly unknown[]): VigilError | undefined {
  const expected = LAYOUT_TILES[layout];
  if (tiles.length === expected) return undefined;
  return new VigilError(
    ErrorCode.Validation,
    `tiles has ${tiles.length} entr${tiles.length === 1 ? 'y' : 'ies'}, but layout ${layout} has ${expected} ` +
      `tiles: send exactly ${expected} (a camera id, or null for an empty tile)`,
    'tiles',
  );
}

/**
 * The view without `cameraId` (its tiles emptied, its tour without it; a tour left with no camera ends), or
 * undefined when the view does not name it.
 */
export function viewWithoutCamera(view: View, cameraId: string): View | undefined {
  const tiles = view.tiles.map((tile) => (tile === cameraId ? null : tile));
  const tourCameras = view.tour?.cameras.filter((camera) => camera !== cameraId);
  const tourChanged = view.tour !== null && tourCameras?.length !== view.tour.cameras.length;
  if (!tourChanged && tiles.every((tile, index) => tile === view.tiles[index])) return undefined;
  const tour =
    view.tour === null || tourCameras === undefined || tourCameras.length === 0
      ? null
      : { ...view.tour, cameras: tourCameras };
  return { ...view, tiles, tour };
}

/**
 * Saved views (layout, camera per tile, optional tour) over the view store; what `/views` and the desktop's
 * IPC serve. Methods throw `VigilError`. Camera ids in tiles and tours are not checked when a view is saved (a
 * view may name a camera that is added later); a camera that is removed is taken out of every view.
 * @example
 * const views = new ViewService(openViewStore({ dataDir }));
 * views.create({ view_id: 'lobby', name: 'Lobby', layout: '2x2', tiles: ['cam1', null, null, null] });
 */
export class ViewService {
  readonly #store: ViewStore;
  readonly #publish: (event: StationEvent) => void;
  readonly #now: () => Date;

  /** `publish` announces view changes on the station's events, so every wall sees another's saves. */
  constructor(
    store: ViewStore,
    publish: (event: StationEvent) => void = () => undefined,
    now: () => Date = () => new Date(),
  ) {
    this.#store = store;
    this.#publish = publish;
    this.#now = now;
  }

  #announce(type: 'view.added' | 'view.updated' | 'view.removed', viewId: string): void {
    this.#publish({ type, view_id: viewId, at: this.#now().toISOString() });
  }

  /** Every view, in creation order. */
  list(): View[] {
    return [...this.#store.list()];
  }

  /** One view; `VIGIL_ERR_NOT_FOUND` (field `view_id`) if unknown. */
  get(viewId: string): View {
    const view = this.#store.get(viewId);
    if (view === undefined) throw viewNotFound(viewId);
    return view;
  }

  /** Saves a new view; a taken id or a tile count that does not fit the layout is `VIGIL_ERR_VALIDATION`. */
  async create(input: ViewInput): Promise<View> {
    const problem = tilesProblem(input.layout, input.tiles);
    if (problem !== undefined) throw problem;
    const at = this.#now().toISOString();
    const view: View = {
      view_id: input.view_id,
      name: input.name,
      layout: input.layout,
      tiles: [...input.tiles],
      tour: input.tour ?? null,
      created_at: at,
      updated_at: at,
    };
    await this.#store.insert(view);
    this.#announce('view.added', view.view_id);
    return this.get(view.view_id);
  }

  /** Changes a view; the result's tiles must fit its layout (changing the layout needs the new tiles too). */
  async update(viewId: string, patch: ViewPatch): Promise<View> {
    const current = this.get(viewId);
    const next: View = {
      ...current,
      ...(patch.name === undefined ? {} : { name: patch.name }),
      ...(patch.layout === undefined ? {} : { layout: patch.layout }),
      ...(patch.tiles === undefined ? {} : { tiles: [...patch.tiles] }),
      ...(patch.tour === undefined ? {} : { tour: patch.tour }),
      updated_at: this.#now().toISOString(),
    };
    const problem = tilesProblem(next.layout, next.tiles);
    if (problem !== undefined) throw problem;
    await this.#store.replace(next);
    this.#announce('view.updated', viewId);
    return this.get(viewId);
  }

  /** Records that a wall now shows the view (not announced: nothing on a wall changes). */
  async markShown(viewId: string): Promise<View> {
    const view = this.get(viewId);
    await this.#store.replace({ ...view, last_shown_at: this.#now().toISOString() });
    return this.get(viewId);
  }

  /** Takes a removed camera out of every view (each change announced); returns the ids of the views changed. */
  async forgetCamera(cameraId: string): Promise<string[]> {
    const changed: string[] = [];
    for (const view of this.#store.list()) {
      const next = viewWithoutCamera(view, cameraId);
      if (next === undefined) continue;
      await this.#store.replace({ ...next, updated_at: this.#now().toISOString() });
      this.#announce('view.updated', view.view_id);
      changed.push(view.view_id);
    }
    return changed;
  }

  /** Deletes a view; `VIGIL_ERR_NOT_FOUND` if unknown. */
  async delete(viewId: string): Promise<void> {
    await this.#store.remove(viewId);
    this.#announce('view.removed', viewId);
  }
}
