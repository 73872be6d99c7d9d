import { describe, expect, it } from 'vitest';

import {
  cleanName,
  DEFAULT_DESK_SETTINGS,
  NAME_MAX,
  readDeskSettings,
  readOperator,
  readWallName,
  writeDeskSettings,
  writeOperator,
  writeWallName,
  type SettingsStorage,
} from '../../../../renderer/alarms/deskSettings';

function memoryStorage(
  initial: Record<string, string> = {},
): SettingsStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => {
      data.set(key, value);
    },
  };
}

describe('the desk settings', () => {
  it('reads the defaults from nothing, from damage and from foreign values', () => {
    expect(readDeskSettings(null)).toEqual(DEFAULT_DESK_SETTINGS);
    expect(readDeskSettings(memoryStorage({ 'vigil.desk.alarms': '{oops' }))).toEqual(DEFAULT_DESK_SETTINGS);
    const foreign = memoryStorage({
      'vigil.desk.alarms': JSON.stringify({ muted: 'yes', alarmWall: 7, takeover: 'loud' }),
    });
    expect(readDeskSettings(foreign)).toEqual(DEFAULT_DESK_SETTINGS);
  });

  it('keeps what was saved', () => {
    const storage = memoryStorage();
    const settings = { muted: true, alarmWall: 'desk-1-right', takeover: 'warning' as const };
    writeDeskSettings(settings, storage);
    expect(readDeskSettings(storage)).toEqual(settings);
  });

  it("keeps the operator's name per wall window", () => {
    const storage = memoryStorage();
    writeOperator(null, ' Ana Lima ', storage);
    writeOperator('desk-1-left', 'Bo', storage);
    expect(readOperator(null, storage)).toBe('Ana Lima');
    expect(readOperator('desk-1-left', storage)).toBe('Bo');
    expect(readOperator('desk-1-right', storage)).toBe('');
  });

  it("keeps a desktop window's wall name per window", () => {
    const storage = memoryStorage();
    writeWallName('display-1', 'desk-1-left', storage);
    expect(readWallName('display-1', storage)).toBe('desk-1-left');
    expect(readWallName('display-2', storage)).toBe('');
  });

  it('survives a storage that throws', () => {
    const broken: SettingsStorage = {
      getItem: () => {
        throw new Error('blocked');
      },
      setItem: () => {
        throw new Error('full');
      },
    };
    expect(() => {
      writeOperator(null, 'Ana', broken);
      writeDeskSettings(DEFAULT_DESK_SETTINGS, broken);
    }).not.toThrow();
    expect(readOperator(null, broken)).toBe('');
    expect(readWallName(null, broken)).toBe('');
    expect(() => {
      writeWallName(null, 'x', broken);
    }).not.toThrow();
  });

  it('keeps names to one line of at most NAME_MAX characters', () => {
    expect(cleanName(' Ana\r\n  Lima\u0000')).toBe('Ana Lima');
    expect(cleanName('x'.repeat(100))).toHaveLength(NAME_MAX);
  });
});
