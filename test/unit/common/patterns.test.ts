import { describe, expect, it } from 'vitest';

import { OPERATION_LIST } from '../../../common/operations';
import {
  FREE_TEXT,
  HTTP_URL,
  ISO_INSTANT,
  NAMED_PATTERNS,
  ONE_LINE,
  PIN_DIGITS,
  RTSP_URL,
  SLUG,
  TEXT_LINE,
  type NamedPattern,
} from '../../../common/patterns';

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

/** Every string schema inside a schema that takes free text (not a `const`, an enum or a date-time). */
function textFields(schema: unknown, path = '', found: { path: string; pattern: unknown }[] = []) {
  if (Array.isArray(schema)) schema.forEach((item, i) => textFields(item, `${path}[${i}]`, found));
  else if (typeof schema === 'object' && schema !== null) {
    const node = schema as Record<string, unknown>;
    if (node.type === 'string' && node.const === undefined && node.enum === undefined) {
      if (node.format === undefined) found.push({ path, pattern: node.pattern });
    }
    for (const [key, value] of Object.entries(node)) textFields(value, `${path}/${key}`, found);
  }
  return found;
}

const CONTROL_CHARACTERS = [
  '\u0000',
  '\u0001',
  '\b',
  '\t',
  '\n',
  '\u000b',
  '\r',
  '\u001b',
  '\u001f',
  '\u007f',
];

/** A valid value per pattern, to put a control character into. */
const SAMPLES: [NamedPattern, string, readonly string[]][] = [
  [SLUG, 'lobby', []],
  [RTSP_URL, 'rtsp://192.0.2.10:554/stream1', []],
  [PIN_DIGITS, '1234', []],
  [ONE_LINE, 'Entrance Camera', []],
  [TEXT_LINE, 'Intrusion at gate 3', []],
  [HTTP_URL, 'https://vas.example:8443/hooks?x=1', []],
  // The wall edits a description in a text area: line breaks and tabs stay allowed there.
  [FREE_TEXT, 'Main entrance', ['\t', '\n', '\r']],
  [ISO_INSTANT, '2026-12-02T09:30:00.000Z', []],
];

describe('named patterns', () => {
  it('TEXT_LINE refuses blank text; HTTP_URL refuses other schemes, user:password and fragments', () => {
    const line = new RegExp(TEXT_LINE.pattern, 'u');
    expect(['', ' ', '   '].map((value) => line.test(value))).toEqual([false, false, false]);
    expect(line.test(' x ')).toBe(true);
    const url = new RegExp(HTTP_URL.pattern, 'u');
    expect(url.test('http://127.0.0.1:9000/hook')).toBe(true);
    for (const bad of [
      'ftp://h/x',
      'https://u:p@h/x',
      'https://h/x#f',
      'https://h/a b',
      'file:///etc',
      'https://',
    ]) {
      expect(url.test(bad), bad).toBe(false);
    }
  });

  it('cover every pattern of every operation, so no validation message shows a regex', () => {
    const patterns = new Set<string>();
    for (const operation of OPERATION_LIST) patternsIn([operation.args, operation.output], patterns);
    expect(patterns.size).toBeGreaterThan(0);
    for (const pattern of patterns) expect(NAMED_PATTERNS.has(pattern), pattern).toBe(true);
  });

  it('guard every text field of every input: each has a named pattern', () => {
    for (const operation of OPERATION_LIST) {
      for (const field of textFields(operation.args)) {
        const named = typeof field.pattern === 'string' ? NAMED_PATTERNS.get(field.pattern) : undefined;
        expect(named, `${operation.name} ${field.path}`).toBeDefined();
      }
    }
  });

  it.each(SAMPLES)(
    '%o refuses control characters (C0 and DEL) anywhere in a value',
    (named, valid, allowed) => {
      const regex = new RegExp(named.pattern, 'u');
      expect(regex.test(valid)).toBe(true);
      for (const control of CONTROL_CHARACTERS) {
        const refused = !allowed.includes(control);
        for (const value of [`${valid}${control}`, `${valid}${control}x`]) {
          expect(regex.test(value), JSON.stringify(value)).toBe(!refused);
        }
      }
    },
  );
});
