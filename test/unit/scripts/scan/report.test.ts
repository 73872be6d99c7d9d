import { describe, expect, it } from 'vitest';

import {
  assess,
  atLeast,
  formatAssessment,
  parseRunResult,
  ScanOutputError,
  type Finding,
  type ReviewedFinding,
  type ScanError,
  type Severity,
} from '../../../../scripts/scan/report';

/** An issue as Electronegativity's runner returns it (severity and confidence are objects with a name). */
function issue(id: string, severity: Severity, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    file: 'out/main/index.js',
    sample: 'const window = new BrowserWindow({',
    location: { line: 9, column: 16 },
    description: `${id} description`,
    severity: { value: 2, name: severity, format: () => severity },
    confidence: { value: 1, name: 'FIRM' },
    manualReview: false,
    shortenedURL: 'https://example.invalid',
    ...extra,
  };
}

function finding(check: string, severity: Severity, extra: Partial<Finding> = {}): Finding {
  return {
    check,
    severity,
    confidence: 'FIRM',
    file: 'out/main/index.js',
    line: 9,
    column: 16,
    sample: 'const window = new BrowserWindow({',
    description: `${check} description`,
    manualReview: false,
    ...extra,
  };
}

const PRELOAD = finding('PRELOAD_JS_CHECK', 'MEDIUM', {
  sample: 'preload: join(dir, "../preload/index.cjs"),',
});
const PRELOAD_REVIEW: ReviewedFinding = {
  check: 'PRELOAD_JS_CHECK',
  file: 'out/main/index.js',
  sample: 'preload: join(dir, "../preload/index.cjs"),',
  reason: 'the preload exposes StationApi only',
};

describe('parseRunResult', () => {
  it('reads findings, global ones without a sample, and errors', () => {
    const result = parseRunResult({
      globalChecks: 5,
      atomicChecks: 36,
      errors: [{ file: '/stage/out/sdk/a.js', message: 'Unknown node type X.', tolerable: false }],
      issues: [
        issue('AUXCLICK_JS_CHECK', 'MEDIUM'),
        issue('CSP_GLOBAL_CHECK', 'HIGH', {
          file: 'N/A',
          sample: undefined,
          location: { line: 0, column: 0 },
        }),
      ],
    });
    expect(result.findings).toEqual([
      finding('AUXCLICK_JS_CHECK', 'MEDIUM'),
      finding('CSP_GLOBAL_CHECK', 'HIGH', { file: 'N/A', sample: undefined, line: 0, column: 0 }),
    ]);
    expect(result.errors).toEqual([
      { file: '/stage/out/sdk/a.js', message: 'Unknown node type X.', tolerable: false },
    ]);
  });

  it.each([
    ['nothing', undefined],
    ['a result without issues', { errors: [] }],
    ['an unknown severity', { errors: [], issues: [issue('X', 'CRITICAL' as Severity)] }],
    ['an issue without a location', { errors: [], issues: [issue('X', 'LOW', { location: undefined })] }],
  ])('rejects %s', (_name, value) => {
    expect(() => parseRunResult(value)).toThrow(ScanOutputError);
  });
});

describe('atLeast', () => {
  it.each<[Severity, Severity, boolean]>([
    ['HIGH', 'MEDIUM', true],
    ['MEDIUM', 'MEDIUM', true],
    ['LOW', 'MEDIUM', false],
    ['INFORMATIONAL', 'LOW', false],
    ['INFORMATIONAL', 'INFORMATIONAL', true],
  ])('%s is at least %s: %s', (severity, threshold, expected) => {
    expect(atLeast(severity, threshold)).toBe(expected);
  });
});

describe('assess', () => {
  it('passes on no findings', () => {
    expect(assess([], [], []).ok).toBe(true);
  });

  it('fails on a medium or high finding', () => {
    const medium = finding('AUXCLICK_JS_CHECK', 'MEDIUM');
    const high = finding('NODE_INTEGRATION_JS_CHECK', 'HIGH');
    const result = assess([medium, high], [], []);
    expect(result.ok).toBe(false);
    expect(result.failing).toEqual([medium, high]);
  });

  it('reports low and informational findings without failing', () => {
    const low = finding('HTTP_RESOURCES_JS_CHECK', 'LOW');
    const info = finding('ELECTRON_VERSION_JSON_CHECK', 'INFORMATIONAL');
    const result = assess([low, info], [], []);
    expect(result).toMatchObject({ ok: true, failing: [], minor: [low, info] });
  });

  it('accepts a reviewed finding matched on check, file and line of code', () => {
    const result = assess([PRELOAD], [], [PRELOAD_REVIEW]);
    expect(result).toMatchObject({
      ok: true,
      failing: [],
      accepted: [{ finding: PRELOAD, reason: PRELOAD_REVIEW.reason }],
    });
  });

  it('does not accept a review of another line of the same check', () => {
    const moved = finding('PRELOAD_JS_CHECK', 'MEDIUM', { sample: 'preload: somewhereElse,' });
    const result = assess([moved], [], [PRELOAD_REVIEW]);
    expect(result.ok).toBe(false);
    expect(result.failing).toEqual([moved]);
    expect(result.stale).toEqual([PRELOAD_REVIEW]);
  });

  it('fails on a reviewed entry that matches nothing any more', () => {
    expect(assess([], [], [PRELOAD_REVIEW])).toMatchObject({ ok: false, stale: [PRELOAD_REVIEW] });
  });

  it('fails when a file could not be parsed, and only warns on a tolerable error', () => {
    const unparsed: ScanError = {
      file: 'out/renderer/a.js',
      message: 'Unknown node type X.',
      tolerable: false,
    };
    const warning: ScanError = { file: 'out/renderer/b.js', message: 'recovered', tolerable: true };
    expect(assess([], [unparsed, warning], [])).toMatchObject({
      ok: false,
      unscanned: [unparsed],
      warnings: [warning],
    });
    expect(assess([], [warning], []).ok).toBe(true);
  });

  it('fails from a lower threshold when asked', () => {
    expect(assess([finding('HTTP_RESOURCES_JS_CHECK', 'LOW')], [], [], 'LOW').ok).toBe(false);
  });
});

describe('formatAssessment', () => {
  it('lists failing findings with their place and line of code, and the verdict', () => {
    const text = formatAssessment(assess([finding('AUXCLICK_JS_CHECK', 'MEDIUM')], [], []));
    expect(text).toContain('Findings that fail the scan (1):');
    expect(text).toContain(
      'MEDIUM/FIRM AUXCLICK_JS_CHECK out/main/index.js:9:16: AUXCLICK_JS_CHECK description',
    );
    expect(text).toContain('      const window = new BrowserWindow({');
    expect(text.endsWith('Electronegativity: FAILED')).toBe(true);
  });

  it('marks whole-app and review-required findings, and accepted ones with their reason', () => {
    const global = finding('CSP_GLOBAL_CHECK', 'LOW', { file: 'N/A', sample: undefined });
    const text = formatAssessment(assess([global, { ...PRELOAD, manualReview: true }], [], [PRELOAD_REVIEW]));
    expect(text).toContain('LOW/FIRM CSP_GLOBAL_CHECK (whole app): CSP_GLOBAL_CHECK description');
    expect(text).toContain('PRELOAD_JS_CHECK out/main/index.js:9:16 [review required]');
    expect(text).toContain('reviewed: the preload exposes StationApi only');
    expect(text.endsWith('Electronegativity: passed')).toBe(true);
  });
});
