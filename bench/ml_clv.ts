/**
 * The CLV stage's work (both models and naive backtested, the chosen one's forward prediction and
 * every clv/* report) for `all` and each dimension value, on a demo shop of `customers` customers
 * and exactly `sessions` sessions over `days` (passOf says how both counts are met). The sequence
 * models are fitted once per cutoff on `all` and applied to every context, as the producer does.
 * Run through `npx tsx bench/ml.ts --stage clv` (200,000 customers, 1,000,000 sessions, 400 days).
 * Goal (issue 14): ≤ 3 min and peak RSS < 2 GB.
 * Measured 2026-12-03 (2 shared cores, load ~9, WASM): 200,058 customers, 1 M sessions:
 * 167.9 s wall, 119.0 CPU-s, peak RSS 483 MB; sequence models chosen everywhere (MAE ratio to
 * naive 0.315; BG/NBD 0.422). Before the per-run fit, 8 units instead of 16 and the grouped
 * BG/NBD likelihood: 754 s wall, 389 CPU-s (MAE ratio 0.312).
 */
import { PassOrdersBuilder, selectDimension } from '../sidecar/src/analyses/order_sequences';
import { generateDemo } from '../sidecar/src/demo';
import { Random } from '../sidecar/src/demo/random';
import { clvPredictors, predictorParams } from '../sidecar/src/ml/clv/predictors';
import {
  DEFAULT_SEQUENCE_OPTIONS,
  SequenceModelStore,
  type SequenceOptions,
} from '../sidecar/src/ml/clv/sequence';
import { clvReports, endDayOf, historyProblem, predictClv } from '../sidecar/src/ml/clv/stage';

export interface ClvBenchOptions {
  customers: number;
  sessions: number;
  days: number;
  seed: number;
  /** Backtest the sequence models too (the stage does). */
  sequence: boolean;
  /** The sequence models' options (DEFAULT_SEQUENCE_OPTIONS when absent). */
  sequenceOptions?: SequenceOptions;
}

/** Generated beyond `customers` so that enough of them keep a session after the thinning. */
const GENERATED_FACTOR = 1.5;

function demoBlocks(options: ClvBenchOptions) {
  const { customers, days, seed } = options;
  return generateDemo({ customers: Math.ceil(customers * GENERATED_FACTOR), days, seed });
}

/**
 * How many of the demo's first customers to keep, and their sessions in total, so that after
 * keeping `sessions` of those sessions uniformly the expected number of customers left with at
 * least one is `customers`: customer i, with n_i sessions, keeps one with probability
 * 1 − (1 − p)^n_i where p = sessions / (their total). Thinning empties some customers (a demo
 * customer has a few sessions to hundreds), so more than `customers` are taken.
 */
function customersToKeep(options: ClvBenchOptions): { prefix: number; total: number } {
  const counts: number[] = [];
  for (const block of demoBlocks(options).customerBlocks()) counts.push(block.sessions.length);
  const totals = [0];
  for (const n of counts) totals.push(totals[totals.length - 1]! + n);
  const expectedCustomers = (prefix: number): number => {
    const p = Math.min(1, options.sessions / totals[prefix]!);
    let expected = 0;
    for (let i = 0; i < prefix; i++) expected += 1 - (1 - p) ** counts[i]!;
    return expected;
  };
  let low = 1;
  let high = counts.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (expectedCustomers(middle) >= options.customers) high = middle;
    else low = middle + 1;
  }
  return { prefix: low, total: totals[low]! };
}

/**
 * The demo over `days`, its first customers (customersToKeep) each session kept by selection
 * sampling (Knuth's algorithm S, seeded): exactly `sessions` of theirs, every subset of that size
 * equally likely. Thinning keeps every pattern of the demo (dimension values, seasons, purchase
 * probabilities; each customer keeps ~p of their visits, so their rhythm is slower in proportion)
 * where cutting the stream at `sessions` would keep the first customers' full histories only.
 */
function passOf(options: ClvBenchOptions) {
  const { prefix, total } = customersToKeep(options);
  const wanted = Math.min(options.sessions, total);
  const random = Random.stream(options.seed, 'bench-clv-thinning');
  const builder = new PassOrdersBuilder();
  const dimensions = new Map<string, number>();
  let seen = 0;
  let kept = 0;
  let customers = 0;
  let nowMs = 0;
  let index = 0;
  for (const block of demoBlocks(options).customerBlocks()) {
    if (index++ >= prefix) break;
    const list: typeof block.sessions = [];
    for (const session of block.sessions) {
      // Kept with probability (still wanted) / (still unseen): exactly `wanted` in the end.
      if (random.uniform() * (total - seen) < wanted - kept) {
        list.push(session);
        kept++;
      }
      seen++;
    }
    if (list.length === 0) continue;
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
    demoCustomers: prefix,
    demoSessions: total,
    sessions: kept,
    customers,
    dimensions: [...dimensions.keys()],
    nowMs,
  };
}

function sliceResult(
  dimension: string,
  outcome: Awaited<ReturnType<typeof predictClv>>,
  seconds: { predict: number; reports: number },
  rows: number,
): Record<string, unknown> {
  const scores = outcome.backtest.scores;
  const naive = scores.naive.customerMae;
  return {
    dimension,
    customers: outcome.forward.summary.x.length,
    predict_seconds: Math.round(seconds.predict) / 1000,
    reports_seconds: Math.round(seconds.reports) / 1000,
    chosen: outcome.backtest.chosen,
    mae: Object.fromEntries(
      Object.entries(scores).map(([m, s]) => [m, +s!.customerMae.toFixed(2)]),
    ),
    mae_ratio_to_naive: Object.fromEntries(
      Object.entries(scores)
        .filter(([m]) => m !== 'naive')
        .map(([m, s]) => [m, +(s!.customerMae / naive).toFixed(3)]),
    ),
    failures: outcome.backtest.failures.map((f) => `${f.method}: ${f.reason}`),
    rows,
  };
}

export async function clvBench(options: ClvBenchOptions): Promise<Record<string, unknown>> {
  const started = performance.now();
  const input = passOf(options);
  const generated = performance.now();
  const cpuStart = process.cpuUsage();
  const store = new SequenceModelStore(
    input.pass,
    options.sequenceOptions ?? DEFAULT_SEQUENCE_OPTIONS,
  );
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
    const predictors = clvPredictors({ sequence: options.sequence, sequenceModels: store });
    const outcome = await predictClv(sequences, input.nowMs, predictors);
    const t1 = performance.now();
    const { reports } = clvReports(
      outcome,
      sequences,
      { clientOf: (c) => `client_${c}`, segmentOf: () => -1, segmentNames: [] },
      await predictorParams(predictors),
    );
    const rows = reports.reduce((n, r) => n + r.data.length, 0);
    slices.push(
      sliceResult(dimension, outcome, { predict: t1 - t0, reports: performance.now() - t1 }, rows),
    );
  }
  const fits = await Promise.all(store.fittedDays().map((day) => store.modelsFor(day)));
  await store.dispose();
  const cpu = process.cpuUsage(cpuStart);
  return {
    stage: 'clv',
    demo_customers: input.demoCustomers,
    demo_sessions: input.demoSessions,
    sessions: input.sessions,
    customers: input.customers,
    orders: input.pass.timeMs.length,
    days: options.days,
    sequence: options.sequence,
    sequence_fits: fits.map((f) => ({
      end_day: f.endDay,
      customers: f.customers,
      train_seconds: +f.trainSeconds.toFixed(1),
    })),
    generate_seconds: Math.round(generated - started) / 1000,
    clv_seconds: Math.round(performance.now() - generated) / 1000,
    clv_cpu_seconds: Math.round((cpu.user + cpu.system) / 1000) / 1000,
    peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
    slices,
  };
}
