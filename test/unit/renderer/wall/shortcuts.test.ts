import { describe, expect, it } from 'vitest';

import { shortcutFor, type KeyPress } from '../../../../renderer/wall/shortcuts';
import { snapshotName } from '../../../../renderer/wall/snapshotName';

const press = (key: string, over: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  targetTag: 'BODY',
  targetEditable: false,
  ...over,
});

describe('shortcutFor', () => {
  it.each([
    ['1', { type: 'layout', layout: '1' }],
    ['2', { type: 'layout', layout: '2x2' }],
    ['5', { type: 'layout', layout: '5x5' }],
    ['6', { type: 'layout', layout: '1+5' }],
    ['8', { type: 'layout', layout: '1+12' }],
    ['9', null],
    ['f', { type: 'full' }],
    ['F', { type: 'full' }],
    ['Escape', { type: 'back' }],
    ['t', { type: 'tour' }],
    ['?', { type: 'help' }],
    ['x', null],
    ['ArrowLeft', { type: 'move', direction: 'left' }],
    ['ArrowRight', { type: 'move', direction: 'right' }],
    ['ArrowUp', { type: 'move', direction: 'up' }],
    ['ArrowDown', { type: 'move', direction: 'down' }],
    ['Enter', { type: 'place' }],
    ['Delete', { type: 'clear' }],
    ['Backspace', { type: 'clear' }],
  ])('%s', (key, shortcut) => {
    expect(shortcutFor(press(key))).toEqual(shortcut);
  });

  it('leaves typing and modifier chords alone, but Esc still goes back', () => {
    expect(shortcutFor(press('2', { targetTag: 'INPUT' }))).toBeNull();
    expect(shortcutFor(press('t', { targetEditable: true }))).toBeNull();
    expect(shortcutFor(press('1', { ctrlKey: true }))).toBeNull();
    expect(shortcutFor(press('f', { metaKey: true }))).toBeNull();
    expect(shortcutFor(press('Escape', { targetTag: 'SELECT' }))).toEqual({ type: 'back' });
  });

  it.each<[string, string, string, boolean]>([
    ['Enter on a tile places', 'Enter', 'DIV', true],
    ['Enter on a button presses the button', 'Enter', 'BUTTON', false],
    ['Enter on a link follows it', 'Enter', 'A', false],
    ['Enter in the view name box submits the form', 'Enter', 'INPUT', false],
    ['arrows in the view select change the view', 'ArrowDown', 'SELECT', false],
    ['arrows on a toolbar button move the selection', 'ArrowDown', 'BUTTON', true],
    ['Backspace in a text box deletes a character', 'Backspace', 'INPUT', false],
    ['Delete in a text area deletes a character', 'Delete', 'TEXTAREA', false],
  ])('%s', (_, key, targetTag, wall) => {
    expect(shortcutFor(press(key, { targetTag })) !== null).toBe(wall);
  });

  it.each<[string, ReturnType<typeof shortcutFor>]>([
    ['r', { type: 'replay-back', scope: 'tile' }],
    ['R', { type: 'replay-back', scope: 'view' }],
    ['g', { type: 'replay-pick' }],
    [' ', { type: 'replay-toggle' }],
    [',', { type: 'replay-step', direction: -1 }],
    ['.', { type: 'replay-step', direction: 1 }],
    ['[', { type: 'replay-rate', direction: -1 }],
    [']', { type: 'replay-rate', direction: 1 }],
    ['L', { type: 'live' }],
  ])('replay key %j', (key, shortcut) => {
    expect(shortcutFor(press(key))).toEqual(shortcut);
  });

  it('leaves Space to a focused button and replay keys to text fields', () => {
    expect(shortcutFor(press(' ', { targetTag: 'BUTTON' }))).toBeNull();
    expect(shortcutFor(press('r', { targetTag: 'INPUT' }))).toBeNull();
  });

  it('leaves arrows, Enter and Delete alone in editable content and with modifiers', () => {
    expect(shortcutFor(press('ArrowLeft', { targetEditable: true }))).toBeNull();
    expect(shortcutFor(press('Enter', { ctrlKey: true }))).toBeNull();
    expect(shortcutFor(press('Delete', { altKey: true }))).toBeNull();
  });
});

describe('snapshotName', () => {
  it('names a snapshot by camera and local time', () => {
    expect(snapshotName('gate-1', new Date(2025, 2, 4, 14, 2, 11))).toBe('gate-1-20250304-140211.png');
  });
});
