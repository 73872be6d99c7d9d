import { LAYOUTS, type LayoutId } from '../../common/views';
import type { Direction } from './placement';

/** What a key press asks the wall to do. */
export type Shortcut =
  | { type: 'layout'; layout: LayoutId }
  | { type: 'full' }
  | { type: 'back' }
  | { type: 'tour' }
  | { type: 'help' }
  | { type: 'move'; direction: Direction }
  | { type: 'place' }
  | { type: 'clear' }
  /** Instant replay 10 s back (further back when already replaying): the selected tile, or the whole view. */
  | { type: 'replay-back'; scope: 'tile' | 'view' }
  | { type: 'replay-pick' }
  | { type: 'replay-toggle' }
  | { type: 'replay-step'; direction: 1 | -1 }
  | { type: 'replay-rate'; direction: 1 | -1 }
  | { type: 'live' };

/** The parts of a keyboard event the shortcuts look at. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** The focused element's tag name (`INPUT`, `DIV`, …) and whether it is editable. */
  targetTag: string;
  targetEditable: boolean;
}

/** The shortcuts as the help overlay lists them. */
export const SHORTCUT_HELP: readonly { keys: string; action: string }[] = [
  { keys: '1 – 8', action: `Layout: ${LAYOUTS.join(', ')}` },
  { keys: '← ↑ → ↓', action: 'Select the tile that way (a full-window tile follows)' },
  { keys: 'Enter', action: 'Put the highlighted camera on the selected tile, then select the next tile' },
  { keys: 'Delete', action: 'Clear the selected tile' },
  { keys: 'F', action: 'Full-window the selected tile (again to return)' },
  { keys: 'Double-click a tile', action: 'Full-window it (again to return)' },
  { keys: 'Esc', action: 'Back to the wall / close this help' },
  { keys: 'T', action: 'Play or pause the tour' },
  { keys: 'R', action: 'Instant replay of the selected tile, 10 s back (again: 10 s further)' },
  { keys: 'Shift+R', action: 'Replay the whole view in sync, 10 s back' },
  { keys: 'G', action: 'Replay from a time… (the selected tile or the whole view)' },
  { keys: 'Space', action: 'Replay: play or pause' },
  { keys: ', .', action: 'Replay: previous / next frame' },
  { keys: '[ ]', action: 'Replay: slower / faster (1×, 2×, 4×, 8×)' },
  { keys: 'L', action: 'Back to live (the selected tile, or the whole view)' },
  { keys: '?', action: 'Show or hide this help' },
  { keys: 'Drag', action: 'A camera onto a tile to show it there; a tile onto a tile to swap them' },
  {
    keys: 'Double-click a camera',
    action: 'Put it on the selected tile (or the first empty one), then select the next tile',
  },
  { keys: '↑ ↓ in the list', action: 'Highlight a camera (Enter puts it on the selected tile)' },
  { keys: 'Right-click', action: 'A tile or a camera: everything you can do with it' },
];

const ARROWS: Record<string, Direction> = {
  ArrowLeft: 'left',
  ArrowRight: 'right',
  ArrowUp: 'up',
  ArrowDown: 'down',
};

/** Elements whose own Enter (press a button, follow a link) comes before the wall's. */
const PRESSABLE_TAGS = new Set(['BUTTON', 'A', 'SUMMARY']);

const TYPING_TAGS = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

/** The shortcut a key press means, or null (modifier chords and typing in a form field are left alone). */
export function shortcutFor(press: KeyPress): Shortcut | null {
  if (press.ctrlKey || press.metaKey || press.altKey) return null;
  if (press.key === 'Escape') return { type: 'back' };
  if (press.targetEditable || TYPING_TAGS.has(press.targetTag)) return null;
  const direction = ARROWS[press.key];
  if (direction) return { type: 'move', direction };
  if (press.key === 'Enter') return PRESSABLE_TAGS.has(press.targetTag) ? null : { type: 'place' };
  if (press.key === 'Delete' || press.key === 'Backspace') return { type: 'clear' };
  if (/^[1-8]$/.test(press.key)) {
    const layout = LAYOUTS[Number(press.key) - 1];
    return layout ? { type: 'layout', layout } : null;
  }
  switch (press.key) {
    case 'f':
    case 'F':
      return { type: 'full' };
    case 't':
    case 'T':
      return { type: 'tour' };
    case '?':
      return { type: 'help' };
    default:
      return replayShortcut(press);
  }
}

const REPLAY_KEYS: Readonly<Record<string, Shortcut>> = {
  r: { type: 'replay-back', scope: 'tile' },
  R: { type: 'replay-back', scope: 'view' },
  g: { type: 'replay-pick' },
  G: { type: 'replay-pick' },
  ',': { type: 'replay-step', direction: -1 },
  '.': { type: 'replay-step', direction: 1 },
  '[': { type: 'replay-rate', direction: -1 },
  ']': { type: 'replay-rate', direction: 1 },
  l: { type: 'live' },
  L: { type: 'live' },
};

function replayShortcut(press: KeyPress): Shortcut | null {
  // Space presses a focused button: the button's own action comes first.
  if (press.key === ' ') return PRESSABLE_TAGS.has(press.targetTag) ? null : { type: 'replay-toggle' };
  return REPLAY_KEYS[press.key] ?? null;
}
