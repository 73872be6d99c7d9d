import { describe, expect, it } from 'vitest';

import { isKioskEscape, isUnlockChord } from '../../../../main/runtime/desk/kiosk-keys';

const key = (k: string, mods: Partial<Record<'control' | 'meta' | 'alt' | 'shift', boolean>> = {}) => ({
  key: k,
  control: false,
  meta: false,
  alt: false,
  shift: false,
  ...mods,
});

describe('isKioskEscape', () => {
  it.each([
    ['Alt+F4', key('F4', { alt: true })],
    ['Ctrl+W', key('w', { control: true })],
    ['Ctrl+Shift+W', key('W', { control: true, shift: true })],
    ['Ctrl+Q', key('q', { control: true })],
    ['Cmd+Q', key('q', { meta: true })],
    ['Cmd+W', key('w', { meta: true })],
    ['Cmd+H', key('h', { meta: true })],
    ['Ctrl+R', key('r', { control: true })],
    ['Ctrl+Shift+I', key('I', { control: true, shift: true })],
    ['Ctrl+= (zoom)', key('=', { control: true })],
    ['Alt (menu bar)', key('Alt', { alt: true })],
    ['F5', key('F5')],
    ['F11', key('F11')],
    ['F12', key('F12')],
    ['Escape', key('Escape')],
    ['BrowserBack', key('BrowserBack')],
    ['BrowserRefresh', key('BrowserRefresh')],
  ])('blocks %s', (_name, input) => {
    expect(isKioskEscape(input)).toBe(true);
  });

  it.each([
    ['a digit', key('7')],
    ['Enter', key('Enter')],
    ['Backspace', key('Backspace')],
    ['ArrowLeft', key('ArrowLeft')],
    ['Tab', key('Tab')],
    ['Shift+A', key('A', { shift: true })],
    ['a letter called F', key('F', { shift: true })],
  ])('lets %s through', (_name, input) => {
    expect(isKioskEscape(input)).toBe(false);
  });
});

describe('isUnlockChord', () => {
  it.each([
    [key('U', { control: true, alt: true, shift: true }), true],
    [key('u', { meta: true, alt: true, shift: true }), true],
    [key('u', { control: true, alt: true }), false],
    [key('u', { control: true, shift: true }), false],
    [key('k', { control: true, alt: true, shift: true }), false],
  ])('%j → %s', (input, expected) => {
    expect(isUnlockChord(input)).toBe(expected);
  });
});
