import { describe, expect, it } from 'vitest';

import { OPERATION_LIST } from '../../../common/operations';
import { NAMED_PATTERNS } from '../../../common/patterns';

/** Every `pattern` anywhere inside a schema. */
function patternsIn(schema: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(schema)) for (const item of schema) patternsIn(item, found);
  else if (typeof schema === 'object' && schema !== null) {
    for (const [key, value] of Object.entries(schema)) {
      if (key === 'pattern' && typeof value === 'string') found.add(value);
      else patternsIn(value, found);
    }
  }
  return found;
}

describe('named patterns', () => {
  it('cover every pattern of every operation, so no validation message shows a regex', () => {
    const patterns = new Set<string>();
    for (const operation of OPERATION_LIST) patternsIn([operation.args, operation.output], patterns);
    expect(patterns.size).toBeGreaterThan(0);
    for (const pattern of patterns) expect(NAMED_PATTERNS.has(pattern), pattern).toBe(true);
  });
});
