/** A key press as the host reports it (Electron's `Input` fits): the key and the modifiers held. */
export interface KeyInput {
  /** `keyDown`, `keyUp`… */
  type: string;
  key: string;
  control: boolean;
  meta: boolean;
  alt: boolean;
  shift: boolean;
}

/** Keys that leave, close, reload or inspect a window without a modifier (the DOM's key names, as Electron's). */
const ESCAPE_KEYS = new Set([
  'Escape',
  'BrowserBack',
  'BrowserForward',
  'BrowserRefresh',
  'BrowserHome',
  'BrowserSearch',
  'Close',
]);

/** The chord that asks for the kiosk PIN prompt: Ctrl+Alt+Shift+U (Cmd+Alt+Shift+U on macOS). */
export function isUnlockChord(input: Pick<KeyInput, 'key' | 'control' | 'meta' | 'alt' | 'shift'>): boolean {
  return (input.control || input.meta) && input.alt && input.shift && input.key.toLowerCase() === 'u';
}

/**
 * Whether a key press must not reach the window in kiosk: any chord with Ctrl, Alt or Cmd (Alt+F4, Ctrl+W, Ctrl+Q,
 * Cmd+Q, Ctrl+R, Ctrl+Shift+I, zoom, the menu bar's Alt…), any function key (F5, F11, F12…), and Escape and the
 * browser keys. Plain typing (digits for the PIN, Enter, Backspace, arrows, Tab) passes.
 */
export function isKioskEscape(input: Pick<KeyInput, 'key' | 'control' | 'meta' | 'alt'>): boolean {
  if (input.control || input.meta || input.alt) return true;
  if (/^F\d{1,2}$/.test(input.key)) return true;
  return ESCAPE_KEYS.has(input.key);
}
