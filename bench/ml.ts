/**
 * The segments stage's computation at scale, without Elasticsearch: the demo generator's sessions
 * (1 M by default, ~200 k customers, 3 dimension values) are turned into the pass's columns as
 * the order pass would build them (purchased sessions, sorted by client then time), then each
 * slice (`all` + each dimension value) is segmented — RFM, k-means per metric, quintiles, joint
 * view with k = 2..8, quality indices, histograms, scatter sample — plus the 12 weekly
 * re-segmentations, as the producer does. Writing ~400 k profiles and the order pass itself are
 * Elasticsearch work measured by bench/analyses.ts, not here. Prints one JSON line.
 *
 * `--stage abtests` runs the A/B tests instead (every slice: promotions and products before/after,
 * promotion pairs, segment change), with the demo's promotions spread over `--promotions` ids and
 * basket lines over `--products` products (seeded), as a larger shop would have them.
 *
 *   npx tsx bench/ml.ts [--stage segments|abtests] [--sessions 1000000] [--customers sessions/5]
 *     [--days 28] [--seed 1] [--promotions 50] [--products 2000]
 * `--stage clv` runs ./ml_clv.ts instead: the CLV stage (both models and naive backtested, the
 * forward prediction, every clv report) on `--customers` (200,000) with exactly `--sessions`
 * over `--days` (400), the demo's sessions thinned (ml_clv.ts), for all and each dimension value.
 * `--stage anomalies` runs ./ml_anomalies.ts instead: a demo shop of `--customers` (80,000, spread
 * evenly) over `--days` (365) × `--dimensions` values (20), every slice's anomaly series.
 *
 *   Goals: segments ≤ 30 s; abtests ≤ 60 s; anomalies ≤ 60 s; peak RSS < 1 GB.
 *   Measured (2-core VM, 1 M sessions, 322 k orders, 119 k buyers, 4 slices, 50 promotions,
 *   2,000 products): abtests 26.6 s, peak RSS 247 MB; `all` alone 11.0 s (products 9.2 s).
 */
import { parseArgs } from 'node:util';
import { OrderItemsBuilder } from '../sidecar/src/analyses/order_items';
import { PassOrdersBuilder, selectDimension } from '../sidecar/src/analyses/order_sequences';
import { Random } from '../sidecar/src/demo/random';
import { firstUseWindows } from '../sidecar/src/ml/abtest/first_use';
import { DEFAULT_AB_SETTINGS } from '../sidecar/src/ml/abtest/paired_outcome';
import {
  productRows,
  promotionPairRows,
  promotionRows,
  segmentChangeRows,
} from '../sidecar/src/ml/abtest/reports';
import { generateDemo } from '../sidecar/src/demo';
import {
  clusterRows,
  histogramRows,
  qualityRows,
  scatterRows,
  segmentSizeRows,
} from '../sidecar/src/ml/segmentation/reports';
import { DEFAULT_SEGMENTATION, segmentSlice } from '../sidecar/src/ml/segmentation/segment_slice';
import { weeklySegmentRows } from '../sidecar/src/ml/segmentation/weekly';
import { anomaliesBench } from './ml_anomalies';
import { clvBench } from './ml_clv';
import { customersFor } from './analyses';

interface Spread {
  promotions: number;
  products: number;
}

function passColumns(
  sessions: number,
  customers: number,
  days: number,
  seed: number,
  spread: Spread,
) {
  const builder = new PassOrdersBuilder();
  const items = new OrderItemsBuilder();
  const random = Random.stream(seed, 'bench-items');
  const dimensions = new Map<string, number>();
  let produced = 0;
  let customerIndex = 0;
  let nowMs = 0;
  for (const block of generateDemo({ customers, days, seed }).customerBlocks()) {
    if (produced >= sessions) break;
    const list = block.sessions.slice(0, sessions - produced);
    produced += list.length;
    const orders = list
      .filter((s) => s.purchased)
      .map((s) => ({ timeMs: Date.parse(s.session_start), amount: s.payment_amount, s }))
      .sort((a, b) => a.timeMs - b.timeMs);
    for (const s of list) nowMs = Math.max(nowMs, Date.parse(s.session_start));
    for (const { timeMs, amount, s } of orders) {
      const d = s.dimension ?? null;
      if (d !== null && !dimensions.has(d)) dimensions.set(d, dimensions.size);
      builder.add(customerIndex, timeMs, amount, d === null ? -1 : dimensions.get(d)!);
      const promotion = s.promotion_id ? `promo_${random.int(spread.promotions)}` : null;
      items.add(
        promotion,
        s.basket.map(() => ({ product: `product_${random.int(spread.products)}` })),
      );
    }
    customerIndex++;
  }
  const pass = { ...builder.build(), items: items.build() };
  const fromMs = pass.timeMs.reduce((a, b) => Math.min(a, b), Infinity);
  return { pass, sessions: produced, dimensions: [...dimensions.keys()], nowMs, fromMs };
}

type Input = ReturnType<typeof passColumns>;

/** The abtests producer's work for every slice, as it runs it (one BH family per report). */
function abtestSlices(input: Input): Array<Record<string, number | string>> {
  const range = { fromMs: input.fromMs, nowMs: input.nowMs };
  const settings = DEFAULT_AB_SETTINGS;
  return [-1, ...input.dimensions.map((_, i) => i)].map((d) => {
    const t0 = performance.now();
    const promotions = firstUseWindows(input.pass, 'promotion', d, range, 7);
    const promotionTests = promotionRows(promotions, settings);
    const pairs = promotionPairRows(promotions, settings);
    const t1 = performance.now();
    const products = productRows(firstUseWindows(input.pass, 'product', d, range, 7), settings);
    const t2 = performance.now();
    const sequences = d < 0 ? input.pass : selectDimension(input.pass, d);
    const segments = segmentChangeRows(sequences, input.nowMs, DEFAULT_SEGMENTATION, settings);
    const t3 = performance.now();
    const tested = [...promotionTests, ...products, ...pairs, ...segments].filter(
      (r) => r.status === 'tested',
    ).length;
    return {
      dimension: d < 0 ? 'all' : input.dimensions[d]!,
      promotion_seconds: Math.round(t1 - t0) / 1000,
      product_seconds: Math.round(t2 - t1) / 1000,
      segment_change_seconds: Math.round(t3 - t2) / 1000,
      rows: promotionTests.length + products.length + pairs.length + segments.length,
      tested,
    };
  });
}

function main(): void {
  const { values } = parseArgs({
    options: {
      sessions: { type: 'string', default: '1000000' },
      // defaults per stage: 200,000 customers and 28 days; clv 400 days; anomalies 80,000 and 365
      customers: { type: 'string' },
      days: { type: 'string' },
      seed: { type: 'string', default: '1' },
      stage: { type: 'string', default: 'segments' },
      promotions: { type: 'string', default: '50' },
      products: { type: 'string', default: '2000' },
      dimensions: { type: 'string', default: '20' },
    },
  });
  if (values.stage === 'clv') {
    const shop = { customers: Number(values.customers ?? 200_000), seed: Number(values.seed) };
    const days = Number(values.days ?? 400);
    const sessions = Number(values.sessions);
    void clvBench({ ...shop, days, sessions, sequence: true }).then((result) =>
      console.log(JSON.stringify(result)),
    );
    return;
  }
  if (values.stage === 'anomalies') {
    const customers = Number(values.customers ?? 80_000);
    const shop = { customers, days: Number(values.days ?? 365), seed: Number(values.seed) };
    void anomaliesBench({ ...shop, dimensions: Number(values.dimensions) }).then(console.log);
    return;
  }
  const input = passColumns(
    Number(values.sessions),
    Number(values.customers ?? customersFor(Number(values.sessions))),
    Number(values.days ?? 28),
    Number(values.seed),
    { promotions: Number(values.promotions), products: Number(values.products) },
  );
  if (values.stage === 'abtests') {
    const started = performance.now();
    const slices = abtestSlices(input);
    console.log(
      JSON.stringify({
        stage: 'abtests',
        sessions: input.sessions,
        orders: input.pass.timeMs.length,
        buying_customers: input.pass.customer.length,
        promotions: input.pass.items.promotionNames.length,
        products: input.pass.items.productNames.length,
        seconds: Math.round(performance.now() - started) / 1000,
        slices,
        peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
      }),
    );
    return;
  }
  const options = DEFAULT_SEGMENTATION;
  const slices: Array<Record<string, number | string | null>> = [];
  const started = performance.now();
  const contexts = [-1, ...input.dimensions.map((_, i) => i)];
  for (const d of contexts) {
    const t0 = performance.now();
    const sequences = d < 0 ? input.pass : selectDimension(input.pass, d);
    const slice = segmentSlice(sequences, input.nowMs, options);
    const rows =
      segmentSizeRows(slice).length +
      clusterRows(slice).length +
      histogramRows(slice, options.histogramBins).length +
      scatterRows(slice, options).length +
      qualityRows(slice).length;
    const t1 = performance.now();
    const weekly = weeklySegmentRows(sequences, input.nowMs, options).length;
    slices.push({
      dimension: d < 0 ? 'all' : input.dimensions[d]!,
      customers: slice.rfm.recencyDays.length,
      joint_k: slice.joint?.chosenK ?? null,
      segment_seconds: Math.round(t1 - t0) / 1000,
      weekly_seconds: Math.round(performance.now() - t1) / 1000,
      report_rows: rows + weekly,
    });
  }
  console.log(
    JSON.stringify({
      sessions: input.sessions,
      orders: input.pass.timeMs.length,
      buying_customers: input.pass.customer.length,
      seconds: Math.round(performance.now() - started) / 1000,
      slices,
      peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
    }),
  );
}

main();
