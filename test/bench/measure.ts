import { performance } from 'node:perf_hooks';

/** What one measured loop achieved. */
export interface Rate {
  label: string;
  operations: number;
  concurrency: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
}

/** Returns the q-quantile (0..1) of already sorted numbers. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

/**
 * Runs `operation` `operations` times with `concurrency` in flight (bounded in count, and by `maxMs` in
 * time) after `warmup` unmeasured runs, and reports throughput and latency.
 */
export async function measureRate(
  label: string,
  operation: () => Promise<unknown>,
  { operations = 200, concurrency = 1, warmup = 20, maxMs = 60_000 } = {},
): Promise<Rate> {
  for (let i = 0; i < warmup; i++) await operation();
  const latencies: number[] = [];
  let started = 0;
  const begin = performance.now();
  const deadline = begin + maxMs;
  const worker = async () => {
    while (started < operations && performance.now() < deadline) {
      started++;
      const t0 = performance.now();
      await operation();
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsedS = (performance.now() - begin) / 1_000;
  latencies.sort((a, b) => a - b);
  return {
    label,
    operations: latencies.length,
    concurrency,
    perSecond: latencies.length / elapsedS,
    p50Ms: quantile(latencies, 0.5),
    p99Ms: quantile(latencies, 0.99),
  };
}

/** Formats rates as an aligned table, with each row's ratio to the row named `baseline` when given. */
export function formatRates(rates: readonly Rate[], baseline?: (rate: Rate) => Rate | undefined): string {
  const header = ['case', 'ops', 'conc', 'ops/s', 'p50 ms', 'p99 ms', 'ratio'];
  const rows = rates.map((r) => {
    const base = baseline?.(r);
    return [
      r.label,
      String(r.operations),
      String(r.concurrency),
      r.perSecond.toFixed(0),
      r.p50Ms.toFixed(2),
      r.p99Ms.toFixed(2),
      base ? `${(r.perSecond / base.perSecond).toFixed(2)}×` : '',
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]?.length ?? 0)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}
