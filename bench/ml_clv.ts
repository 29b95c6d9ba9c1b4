/**
 * The CLV stage's work (both models and naive backtested, the chosen one's forward prediction and
 * every clv/* report) for `all` and each dimension value, on a demo shop cut at `sessions`.
 * Run through `npx tsx bench/ml.ts --stage clv` (200,000 customers, 1,000,000 sessions, 400 days).
 * Goal (issue 14): ≤ 3 min and peak RSS < 2 GB. 1 M demo sessions over 400 days hold 53,651
 * customers (not 200 k: a demo customer has ~19 sessions in 400 days).
 * Measured 2026-12-03 (2 cores, load 2–7, WASM): 312.7 s for all + 3 values, peak RSS 466 MB;
 * `all` (44,993 customers, sequence models chosen, so fitted twice) 197.3 s; without the
 * sequence models 174.6 s at load 4–11 (before P(alive) reused BG/NBD's own fit).
 */
import { PassOrdersBuilder, selectDimension } from '../sidecar/src/analyses/order_sequences';
import { generateDemo } from '../sidecar/src/demo';
import { clvPredictors, predictorParams } from '../sidecar/src/ml/clv/predictors';
import { clvReports, endDayOf, historyProblem, predictClv } from '../sidecar/src/ml/clv/stage';

export interface ClvBenchOptions {
  customers: number;
  sessions: number;
  days: number;
  seed: number;
  /** Backtest the sequence models too (the stage does). */
  sequence: boolean;
}

function passOf(options: ClvBenchOptions) {
  const builder = new PassOrdersBuilder();
  const dimensions = new Map<string, number>();
  let produced = 0;
  let customers = 0;
  let nowMs = 0;
  const { customers: wanted, days, seed } = options;
  for (const block of generateDemo({ customers: wanted, days, seed }).customerBlocks()) {
    if (produced >= options.sessions) break;
    const list = block.sessions.slice(0, options.sessions - produced);
    produced += list.length;
    const orders = list
      .filter((s) => s.purchased)
      .map((s) => ({ timeMs: Date.parse(s.session_start), s }))
      .sort((a, b) => a.timeMs - b.timeMs);
    for (const s of list) nowMs = Math.max(nowMs, Date.parse(s.session_start));
    for (const { timeMs, s } of orders) {
      const d = s.dimension ?? null;
      if (d !== null && !dimensions.has(d)) dimensions.set(d, dimensions.size);
      builder.add(customers, timeMs, s.payment_amount, d === null ? -1 : dimensions.get(d)!);
    }
    customers++;
  }
  return {
    pass: builder.build(),
    sessions: produced,
    customers,
    dimensions: [...dimensions.keys()],
    nowMs,
  };
}

export async function clvBench(options: ClvBenchOptions): Promise<Record<string, unknown>> {
  const started = performance.now();
  const input = passOf(options);
  const generated = performance.now();
  const slices: Array<Record<string, unknown>> = [];
  for (const d of [-1, ...input.dimensions.map((_, i) => i)]) {
    const t0 = performance.now();
    const sequences = d < 0 ? input.pass : selectDimension(input.pass, d);
    const dimension = d < 0 ? 'all' : input.dimensions[d]!;
    const problem = historyProblem(sequences, endDayOf(input.nowMs));
    if (problem) {
      slices.push({ dimension, skipped: problem });
      continue;
    }
    const predictors = clvPredictors({ sequence: options.sequence });
    const outcome = await predictClv(sequences, input.nowMs, predictors);
    const t1 = performance.now();
    const { reports } = clvReports(
      outcome,
      sequences,
      { clientOf: (c) => `client_${c}`, segmentOf: () => -1, segmentNames: [] },
      await predictorParams(predictors),
    );
    const scores = outcome.backtest.scores;
    slices.push({
      dimension,
      customers: outcome.forward.summary.x.length,
      predict_seconds: Math.round(t1 - t0) / 1000,
      reports_seconds: Math.round(performance.now() - t1) / 1000,
      chosen: outcome.backtest.chosen,
      mae: Object.fromEntries(
        Object.entries(scores).map(([m, s]) => [m, +s!.customerMae.toFixed(2)]),
      ),
      failures: outcome.backtest.failures.map((f) => `${f.method}: ${f.reason}`),
      rows: reports.reduce((n, r) => n + r.data.length, 0),
    });
  }
  return {
    stage: 'clv',
    sessions: input.sessions,
    customers: input.customers,
    orders: input.pass.timeMs.length,
    days: options.days,
    sequence: options.sequence,
    generate_seconds: Math.round(generated - started) / 1000,
    clv_seconds: Math.round(performance.now() - generated) / 1000,
    peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
    slices,
  };
}
