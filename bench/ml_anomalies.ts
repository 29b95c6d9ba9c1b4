/**
 * `bench/ml.ts --stage anomalies`: the anomalies stage's computation for every slice (`all` + each
 * dimension value) of a demo shop of `--days` days × `--dimensions` values: daily orders against
 * their weekday baseline with influencers, the funnel and cohort autoencoders, the list. The
 * daily session buckets and the pass's columns are built from the generator's sessions as
 * Elasticsearch and the order pass would give them; building them is not timed (bench/analyses.ts
 * measures that Elasticsearch work).
 *
 * Customers are spread evenly over the values (customer i → value i mod N), a chain of N similar
 * stores: the demo's own shares decay geometrically (0.6 a value), so its 20th value holds
 * 0.0015 % of the customers and would need ~250 M for its 10 downloads a day. Evenly spread,
 * every value is scored on every series once each holds 10 downloads a day (cohort rows, the
 * scarcest count): with 20 values over 365 days, 75,000 customers (1.37 M sessions) do, 70,000
 * leave 20 of the 21 cohort series unscored; `bench/ml.ts` takes 80,000 for a margin.
 */
import { DAY_MS, isoDay } from '../common/time';
import { cohortEvents, cohortTable } from '../sidecar/src/analyses/cohort';
import { OrderItemsBuilder } from '../sidecar/src/analyses/order_items';
import { PassOrdersBuilder, selectDimension } from '../sidecar/src/analyses/order_sequences';
import { generateDemo } from '../sidecar/src/demo';
import { dailyCandidates } from '../sidecar/src/ml/anomaly/influencer';
import { anomalyList, ordersRows, vectorRows } from '../sidecar/src/ml/anomaly/reports';
import { cohortVectors, funnelVectors } from '../sidecar/src/ml/anomaly/vectors';
import { tfRuntime } from '../sidecar/src/ml/tf/runtime';

const STEPS = ['has_sessions', 'has_basket', 'order_screen', 'purchased'];

export interface AnomaliesBenchOptions {
  customers: number;
  days: number;
  dimensions: number;
  seed: number;
}

function shop(options: AnomaliesBenchOptions) {
  const generator = generateDemo(options);
  const { startMs: firstDayMs, days } = generator.options;
  const names = generator.dimensions.names;
  // slot 0 = all, slot d + 1 = dimension value d
  const stepCounts = Array.from({ length: names.length + 1 }, () =>
    Array.from({ length: days }, () => Object.fromEntries(STEPS.map((s) => [s, 0]))),
  );
  const builder = new PassOrdersBuilder();
  const items = new OrderItemsBuilder();
  const downloadMs: number[] = [];
  const members: number[][] = Array.from({ length: names.length + 1 }, () => []);
  let sessions = 0;
  for (const block of generator.customerBlocks()) {
    const customer = downloadMs.push(block.customer.downloadMs) - 1;
    const d = customer % names.length;
    members[0]!.push(customer);
    members[d + 1]!.push(customer);
    for (const session of block.sessions) {
      sessions++;
      const day = Math.floor((session.startMs - firstDayMs) / DAY_MS);
      for (const slot of [0, d + 1]) {
        const counts = stepCounts[slot]![day]!;
        counts.has_sessions!++;
        if (session.has_basket) counts.has_basket!++;
        if (session.order_screen) counts.order_screen!++;
        if (session.purchased) counts.purchased!++;
      }
      if (!session.purchased) continue;
      builder.add(customer, session.startMs, session.payment_amount, d);
      items.add(session.promotion_id, []);
    }
  }
  const pass = { ...builder.build(), items: items.build() };
  return {
    firstDayMs,
    days,
    names,
    stepCounts,
    pass,
    downloadMs,
    members,
    sessions,
    customers: downloadMs.length,
  };
}

type Shop = ReturnType<typeof shop>;

async function slice(input: Shop, slot: number) {
  const t0 = performance.now();
  const d = slot - 1;
  const candidates = dailyCandidates(input.pass, d, input.names, input.firstDayMs, input.days);
  const days = { firstDayMs: input.firstDayMs, candidates };
  const counts = input.stepCounts[slot]!;
  const orders = ordersRows(
    counts.map((c) => c.purchased!),
    days,
  );
  const t1 = performance.now();
  const excluded = orders.anomalousDays;
  const funnelResult = await vectorRows(funnelVectors(STEPS, counts, excluded), days, excluded);
  const funnel = 'rows' in funnelResult ? funnelResult.rows : [];
  const t2 = performance.now();
  const sequences = d < 0 ? input.pass : selectDimension(input.pass, d);
  const table = cohortTable(
    cohortEvents(
      sequences,
      Int32Array.from(input.members[slot]!),
      Float64Array.from(input.downloadMs),
    ).download_first,
    'daily',
  );
  const byDay = new Map(table.map((row) => [row.period, row]));
  const rows = Array.from({ length: input.days - 15 }, (_, day) => {
    const period = isoDay(input.firstDayMs + day * DAY_MS);
    return byDay.get(period) ?? { period, cohort_size: 0, counts: new Array<number>(16).fill(0) };
  });
  const cohortResult = await vectorRows(cohortVectors(rows, excluded), days, excluded);
  const cohort = 'rows' in cohortResult ? cohortResult.rows : [];
  const t3 = performance.now();
  const list = anomalyList({ orders: orders.rows, funnel, cohort, rfm: [] });
  return {
    dimension: d < 0 ? 'all' : input.names[d]!,
    orders_seconds: Math.round(t1 - t0) / 1000,
    funnel_seconds: Math.round(t2 - t1) / 1000,
    cohort_seconds: Math.round(t3 - t2) / 1000,
    anomalies: list.length,
    scored: [
      orders.sparse ? null : 'orders',
      'rows' in funnelResult ? 'funnel' : null,
      'rows' in cohortResult ? 'cohort' : null,
    ].filter((name) => name !== null),
    epochs: [
      'rows' in funnelResult ? funnelResult.epochs : 0,
      'rows' in cohortResult ? cohortResult.epochs : 0,
    ],
  };
}

/**
 * One JSON line: seconds (wall and CPU) for all slices, slices scored per series, per slice
 * (seconds per series, the autoencoders' epochs: funnel, cohort), and peak RSS.
 */
export async function anomaliesBench(options: AnomaliesBenchOptions): Promise<string> {
  const input = shop(options);
  const { note } = await tfRuntime();
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const slices: Awaited<ReturnType<typeof slice>>[] = [];
  for (let slot = 0; slot <= input.names.length; slot++) slices.push(await slice(input, slot));
  const cpu = process.cpuUsage(cpuStarted);
  const scoredBy = (name: string) => slices.filter((s) => s.scored.includes(name)).length;
  return JSON.stringify({
    stage: 'anomalies',
    backend: note,
    days: input.days,
    dimension_values: input.names.length,
    customers: input.customers,
    sessions: input.sessions,
    orders: input.pass.timeMs.length,
    seconds: Math.round(performance.now() - started) / 1000,
    cpu_seconds: Math.round((cpu.user + cpu.system) / 1000) / 1000,
    slices_scored: {
      orders: scoredBy('orders'),
      funnel: scoredBy('funnel'),
      cohort: scoredBy('cohort'),
    },
    slices,
    peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
  });
}
