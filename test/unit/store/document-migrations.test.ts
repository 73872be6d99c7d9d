import { describe, expect, it } from 'vitest';

import { pendingVersions, storedVersion, userDocument } from '../../../main/store/document-migrations';

describe('pendingVersions', () => {
  const versions = ['2.0.0', '1.0.0', '1.10.0', '1.2.0'];

  it.each([
    ['no version: every step up to the target', undefined, '2.0.0', ['1.0.0', '1.2.0', '1.10.0', '2.0.0']],
    ['a version 0.0.0', '0.0.0', '1.0.0', ['1.0.0']],
    ['steps above the stored version only', '1.2.0', '2.0.0', ['1.10.0', '2.0.0']],
    ['numbers, not text, are compared', '1.9.0', '1.10.0', ['1.10.0']],
    ['nothing above the target', undefined, '1.2.0', ['1.0.0', '1.2.0']],
    ['already at the target', '2.0.0', '2.0.0', []],
    ['a file from a newer version', '3.0.0', '2.0.0', []],
    ['a stored value that is no version counts as none', 'garbage', '1.0.0', ['1.0.0']],
    ['a stored value that is not text counts as none', 7, '1.0.0', ['1.0.0']],
  ])('%s', (_label, stored, target, expected) => {
    expect(pendingVersions(versions, stored, target)).toEqual(expected);
  });

  it('refuses a target or a step that is not x.y.z', () => {
    expect(() => pendingVersions([], undefined, '1.0')).toThrow(TypeError);
    expect(() => pendingVersions(['^1.0.0'], undefined, '1.0.0')).toThrow(/migration "\^1.0.0"/);
  });
});

describe('the engine bookkeeping in a file', () => {
  it('is read as the stored version and left out of the document', () => {
    const data = { views: [], __internal__: { migrations: { version: '1.0.0' } } };
    expect(storedVersion(data)).toBe('1.0.0');
    expect(userDocument(data)).toEqual({ views: [] });
    expect(storedVersion({ views: [] })).toBeUndefined();
  });
});
