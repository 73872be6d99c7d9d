import { useSyncExternalStore } from 'react';

import type { GroupSnapshot, PlaybackGroup } from '../playback';

const none = (): (() => void) => () => undefined;

/** The group's snapshot (re-rendering on change, ten times a second while it plays), or null without a group. */
export function useGroup(group: PlaybackGroup | undefined): GroupSnapshot | null {
  return useSyncExternalStore(
    group ? group.subscribe : none,
    () => group?.snapshot() ?? null,
    () => null,
  );
}
