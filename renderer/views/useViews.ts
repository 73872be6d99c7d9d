import { useCallback, useEffect, useRef, useState } from 'react';

import type { StationEvent } from '../../common/events';
import type { StationApi } from '../../common/station-api';
import type { View } from '../../common/views';
import { errorText, runInBackground } from '../../common/background';
import { initialView } from './initialView';
import { readSelectedView, writeSelectedView } from './selectedView';
import { viewIdFor } from './viewId';

/** What a saved view stores of the wall. */
export type ViewFields = Pick<View, 'layout' | 'tiles' | 'tour'>;

/** The station's named views and the one this window shows. */
export interface Views {
  views: readonly View[];
  current: View | null;
  /** Why listing the views failed, until a list succeeds. */
  error: string | null;
  /** The first list came (or failed): the wall shows the view it opens on, so others may change it now. */
  loaded: boolean;
  /** Shows a saved view, remembering its id for the next reload; null detaches the wall from any view, as it is. */
  select: (viewId: string | null) => void;
  /** Shows a saved view pushed to this wall, listing the views again first when it is new to this wall. */
  show: (viewId: string) => void;
  /** Saves the wall into the current view. */
  save: (fields: ViewFields) => Promise<void>;
  /** Saves the wall as a new view and makes it current. */
  saveAs: (name: string, fields: ViewFields) => Promise<void>;
  /** Deletes a view; the wall keeps showing what it shows. */
  remove: (viewId: string) => Promise<void>;
  /** Re-lists the views when another wall saved, changed or deleted one (the wall keeps what it shows). */
  onStationEvent: (event: StationEvent) => void;
}

/**
 * Named views through the StationApi. `onLoad` is called with the view to put on the wall: the one this window
 * showed before a reload, else the one the station's walls showed last, else the first (once the list arrives),
 * then each view the operator selects.
 */
export function useViews(api: StationApi, onLoad: (view: View) => void): Views {
  const [views, setViews] = useState<readonly View[]>([]);
  const [currentId, setCurrentId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);
  const load = useRef(onLoad);
  useEffect(() => {
    load.current = onLoad;
  }, [onLoad]);

  // The station remembers which view a wall showed last, so a new browser opens on it; best effort.
  const shown = useCallback(
    (viewId: string) => {
      runInBackground(api.viewShown(viewId), () => undefined);
    },
    [api],
  );

  useEffect(() => {
    let active = true;
    runInBackground(
      api.listViews().then((list) => {
        if (!active) return;
        setViews(list);
        setError(null);
        setLoaded(true);
        const restored = initialView(list, readSelectedView());
        setCurrentId(restored?.view_id ?? null);
        if (restored) {
          load.current(restored);
          shown(restored.view_id);
        }
      }),
      (failure: unknown) => {
        if (!active) return;
        setError(errorText(failure));
        setLoaded(true);
      },
    );
    return () => {
      active = false;
    };
  }, [api, shown]);

  const choose = useCallback(
    (view: View | null) => {
      setCurrentId(view?.view_id ?? null);
      writeSelectedView(view?.view_id ?? null);
      if (view) {
        load.current(view);
        shown(view.view_id);
      }
    },
    [shown],
  );
  const select = useCallback(
    (viewId: string | null) => {
      choose(views.find((v) => v.view_id === viewId) ?? null);
    },
    [views, choose],
  );
  const show = useCallback(
    (viewId: string) => {
      const known = views.find((v) => v.view_id === viewId);
      if (known !== undefined) {
        choose(known);
        return;
      }
      runInBackground(
        api.listViews().then((list) => {
          setViews(list);
          const view = list.find((v) => v.view_id === viewId);
          if (view !== undefined) choose(view);
        }),
        (failure: unknown) => {
          setError(errorText(failure));
        },
      );
    },
    [api, views, choose],
  );

  const replace = (saved: View): void => {
    setViews((list) => [...list.filter((v) => v.view_id !== saved.view_id), saved]);
  };

  const save = async (fields: ViewFields): Promise<void> => {
    if (currentId === null) throw new Error('No view selected: use “Save as”');
    replace(await api.updateView(currentId, fields));
  };

  const saveAs = async (name: string, fields: ViewFields): Promise<void> => {
    const view_id = viewIdFor(
      name,
      views.map((v) => v.view_id),
    );
    const created = await api.createView({ view_id, name, ...fields });
    replace(created);
    setCurrentId(created.view_id);
    writeSelectedView(created.view_id);
  };

  const remove = async (viewId: string): Promise<void> => {
    await api.deleteView(viewId);
    setViews((list) => list.filter((v) => v.view_id !== viewId));
    if (viewId === currentId) {
      setCurrentId(null);
      writeSelectedView(null);
    }
  };

  const onStationEvent = (event: StationEvent): void => {
    if (!event.type.startsWith('view.')) return;
    runInBackground(
      api.listViews().then((list) => {
        setViews(list);
        setError(null);
      }),
      (failure: unknown) => {
        setError(errorText(failure));
      },
    );
  };

  const current = views.find((v) => v.view_id === currentId) ?? null;
  return { views, current, error, loaded, select, show, save, saveAs, remove, onStationEvent };
}
