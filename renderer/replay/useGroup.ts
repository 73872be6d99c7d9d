import { useCallback, useSyncExternalStore } from 'react';

import type { GroupSnapshot, PlaybackGroup } from '../playback';

const none = (): (() => void) => () => undefined;

/** The group's snapshot (re-rendering on every change, ten times a second while it plays), or null without one. */
export function useGroup(group: PlaybackGroup | undefined): GroupSnapshot | null {
  return useSyncExternalStore(
    group ? group.subscribe : none,
    () => group?.snapshot() ?? null,
    () => null,
  );
}

/**
 * One value read from the group's snapshot, re-rendering only when it changes (a tile's badge changes once a
 * second, not at every tick); `fallback` without a group.
 */
export function useGroupValue<T extends string | number | boolean | undefined>(
  group: PlaybackGroup | undefined,
  read: (snapshot: GroupSnapshot) => T,
  fallback: T,
): T {
  const get = useCallback(() => (group ? read(group.snapshot()) : fallback), [group, read, fallback]);
  return useSyncExternalStore(group ? group.subscribe : none, get, () => fallback);
}
