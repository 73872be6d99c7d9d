import type { CameraView } from '../../common/camera';
import type { TileStatus } from '../player/types';

/** What a tile tells the operator, from the player's state merged with the station's camera health. */
export type TileKind =
  'empty' | 'connecting' | 'live' | 'reconnecting' | 'stale' | 'offline' | 'paused' | 'disabled' | 'error';

/** A tile's state for the overlay: its kind (also `data-state`), a short label and, when known, why. */
export interface TileView {
  kind: TileKind;
  label: string;
  reason?: string;
}

const two = (n: number): string => String(n).padStart(2, '0');

/** A wall-clock time as `HH:MM:SS` in local time (the desk's clock). */
export function clockTime(at: number | string | Date): string {
  const d = new Date(at);
  return `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}

/** The stale label the desk looks for: `no video since 14:02:11`. */
export function noVideoSince(at: number | string | Date): string {
  return `no video since ${clockTime(at)}`;
}

const withReason = (view: TileView, reason: string | undefined): TileView =>
  reason ? { ...view, reason } : view;

/**
 * Merges what this window's player sees with what the station says about the camera. The station wins when
 * it knows the camera is down (its view covers the RTSP side); otherwise the player's state is shown.
 */
export function tileView(camera: CameraView | undefined, player: TileStatus | null): TileView {
  const health = camera?.health;
  if (camera && (!camera.enabled || health?.state === 'disabled'))
    return { kind: 'disabled', label: 'disabled' };
  if (health?.state === 'offline') {
    return withReason({ kind: 'offline', label: `offline since ${clockTime(health.since)}` }, health.reason);
  }
  if (health?.state === 'error') return withReason({ kind: 'error', label: 'error' }, health.reason);
  if (player?.state === 'error') return withReason({ kind: 'error', label: 'error' }, player.reason);
  const staleSince = [
    health?.state === 'stale' ? Date.parse(health.since) : NaN,
    player?.state === 'stale' ? new Date(player.since).getTime() : NaN,
  ].filter((t) => !Number.isNaN(t));
  if (staleSince.length > 0) {
    const reason = health?.state === 'stale' ? health.reason : player?.reason;
    return withReason({ kind: 'stale', label: noVideoSince(Math.min(...staleSince)) }, reason);
  }
  switch (player?.state) {
    case 'live':
      return { kind: 'live', label: 'live' };
    case 'reconnecting':
      return withReason(
        { kind: 'reconnecting', label: `reconnecting (attempt ${player.attempt})` },
        player.reason,
      );
    case 'paused':
      return { kind: 'paused', label: 'paused (not visible)' };
    default:
      return { kind: 'connecting', label: health?.state === 'starting' ? 'camera starting' : 'connecting' };
  }
}

/** A tile with no camera on it. */
export const EMPTY_TILE: TileView = { kind: 'empty', label: 'drag or double-click a camera' };
