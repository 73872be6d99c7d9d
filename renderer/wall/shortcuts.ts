import { LAYOUTS, type LayoutId } from '../../common/views';

/** What a key press asks the wall to do. */
export type Shortcut =
  | { type: 'layout'; layout: LayoutId }
  | { type: 'full' }
  | { type: 'back' }
  | { type: 'tour' }
  | { type: 'help' };

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
  { keys: 'F', action: 'Full-window the focused tile (again to return)' },
  { keys: 'Double-click', action: 'Full-window a tile (again to return)' },
  { keys: 'Esc', action: 'Back to the wall / close this help' },
  { keys: 'T', action: 'Play or pause the tour' },
  { keys: '?', action: 'Show or hide this help' },
  { keys: 'Drag', action: 'A camera onto a tile to show it there; a tile onto a tile to swap them' },
];

const TYPING_TAGS = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

/** The shortcut a key press means, or null (modifier chords and typing in a form field are left alone). */
export function shortcutFor(press: KeyPress): Shortcut | null {
  if (press.ctrlKey || press.metaKey || press.altKey) return null;
  if (press.key === 'Escape') return { type: 'back' };
  if (press.targetEditable || TYPING_TAGS.has(press.targetTag)) return null;
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
      return null;
  }
}
