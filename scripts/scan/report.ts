// Electronegativity's result turned into a pass or fail: any finding of medium severity or higher fails, unless
// it is listed as reviewed; a file it could not parse fails too, since it went unscanned.
import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';

/** Electronegativity's severities, lowest first. */
export const SEVERITIES = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH'] as const;

/** One of Electronegativity's severities. */
export type Severity = (typeof SEVERITIES)[number];

/** The lowest severity that fails the scan. */
export const FAILING_SEVERITY: Severity = 'MEDIUM';

const SeveritySchema = Type.Union(SEVERITIES.map((name) => Type.Literal(name)));

/** The parts of Electronegativity's programmatic result this project reads. */
const RunResult = Type.Object({
  errors: Type.Array(Type.Object({ file: Type.String(), message: Type.String(), tolerable: Type.Boolean() })),
  issues: Type.Array(
    Type.Object({
      id: Type.String(),
      file: Type.String(),
      sample: Type.Optional(Type.String()),
      location: Type.Object({ line: Type.Number(), column: Type.Number() }),
      description: Type.String(),
      severity: Type.Object({ name: SeveritySchema }),
      confidence: Type.Object({ name: Type.String() }),
      manualReview: Type.Boolean(),
    }),
  ),
});

/** One finding: a check that matched, where, and how bad. Global checks have file 'N/A' and no sample. */
export interface Finding {
  check: string;
  severity: Severity;
  confidence: string;
  file: string;
  line: number;
  column: number;
  sample: string | undefined;
  description: string;
  manualReview: boolean;
}

/** A file Electronegativity could not read fully: `tolerable` errors still left the file scanned. */
export type ScanError = Static<typeof RunResult>['errors'][number];

/** A finding a person has reviewed and accepted: matched on check, file and the exact line of code. */
export interface ReviewedFinding {
  check: string;
  file: string;
  sample: string | undefined;
  reason: string;
}

/** Thrown when Electronegativity's result is not what this script can read. */
export class ScanOutputError extends Error {
  override readonly name = 'ScanOutputError';
}

/** Reads Electronegativity's result; throws {@link ScanOutputError} when it has another shape. */
export function parseRunResult(value: unknown): { findings: Finding[]; errors: ScanError[] } {
  if (!Value.Check(RunResult, value)) {
    const [problem] = Value.Errors(RunResult, value);
    throw new ScanOutputError(
      `unreadable Electronegativity result: ${problem?.instancePath ?? ''} ${problem?.message ?? ''}`,
    );
  }
  return {
    errors: value.errors.map(({ file, message, tolerable }) => ({ file, message, tolerable })),
    findings: value.issues.map((issue) => ({
      check: issue.id,
      severity: issue.severity.name,
      confidence: issue.confidence.name,
      file: issue.file,
      line: issue.location.line,
      column: issue.location.column,
      sample: issue.sample,
      description: issue.description,
      manualReview: issue.manualReview,
    })),
  };
}

/** Whether `severity` is at least `threshold`. */
export function atLeast(severity: Severity, threshold: Severity): boolean {
  return SEVERITIES.indexOf(severity) >= SEVERITIES.indexOf(threshold);
}

/** The scan's verdict and what it is made of. */
export interface Assessment {
  /** Medium or worse and not reviewed: each one fails the scan. */
  failing: Finding[];
  /** Medium or worse, reviewed and accepted. */
  accepted: { finding: Finding; reason: string }[];
  /** Below the failing severity: reported only. */
  minor: Finding[];
  /** Files that went unscanned: each one fails the scan. */
  unscanned: ScanError[];
  /** Files scanned despite a parse warning. */
  warnings: ScanError[];
  /** Reviewed entries that match no finding any more: each one fails the scan, so the list stays true. */
  stale: ReviewedFinding[];
  ok: boolean;
}

/** Whether a reviewed entry is about this finding. */
function matches(review: ReviewedFinding, finding: Finding): boolean {
  return review.check === finding.check && review.file === finding.file && review.sample === finding.sample;
}

/** Sorts findings and errors into the verdict, failing from `threshold` up. */
export function assess(
  findings: readonly Finding[],
  errors: readonly ScanError[],
  reviewed: readonly ReviewedFinding[],
  threshold: Severity = FAILING_SEVERITY,
): Assessment {
  const serious = findings.filter((f) => atLeast(f.severity, threshold));
  const accepted = serious.flatMap((finding) => {
    const review = reviewed.find((r) => matches(r, finding));
    return review === undefined ? [] : [{ finding, reason: review.reason }];
  });
  const failing = serious.filter((f) => !accepted.some((a) => a.finding === f));
  const unscanned = errors.filter((e) => !e.tolerable);
  const stale = reviewed.filter((r) => !findings.some((f) => matches(r, f)));
  return {
    failing,
    accepted,
    minor: findings.filter((f) => !atLeast(f.severity, threshold)),
    unscanned,
    warnings: errors.filter((e) => e.tolerable),
    stale,
    ok: failing.length === 0 && unscanned.length === 0 && stale.length === 0,
  };
}

/** One finding as a report line, with its line of code under it. */
export function formatFinding(f: Finding): string {
  const where = f.file === 'N/A' ? '(whole app)' : `${f.file}:${f.line}:${f.column}`;
  const review = f.manualReview ? ' [review required]' : '';
  const head = `${f.severity}/${f.confidence} ${f.check} ${where}${review}: ${f.description}`;
  return f.sample === undefined ? head : `${head}\n      ${f.sample}`;
}

/** The whole assessment as the text the scan prints. */
export function formatAssessment(a: Assessment): string {
  const section = (title: string, lines: string[]): string[] =>
    lines.length === 0 ? [] : [`${title} (${lines.length}):`, ...lines.map((line) => `  - ${line}`)];
  return [
    ...section('Findings that fail the scan', a.failing.map(formatFinding)),
    ...section(
      'Files not scanned (parse errors)',
      a.unscanned.map((e) => `${e.file}: ${e.message}`),
    ),
    ...section(
      'Reviewed entries matching no finding (remove them)',
      a.stale.map((r) => `${r.check} ${r.file}`),
    ),
    ...section(
      'Reviewed and accepted',
      a.accepted.map((x) => `${formatFinding(x.finding)}\n      reviewed: ${x.reason}`),
    ),
    ...section('Below the failing severity', a.minor.map(formatFinding)),
    ...section(
      'Parse warnings (files still scanned)',
      a.warnings.map((e) => `${e.file}: ${e.message}`),
    ),
    a.ok ? 'Electronegativity: passed' : 'Electronegativity: FAILED',
  ].join('\n');
}
