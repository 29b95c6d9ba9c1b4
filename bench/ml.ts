/**
 * The segments stage's computation at scale, without Elasticsearch: the demo generator's sessions
 * (1 M by default, ~200 k customers, 3 dimension values) are turned into the pass's columns as
 * the order pass would build them (purchased sessions, sorted by client then time), then each
 * slice (`all` + each dimension value) is segmented — RFM, k-means per metric, quintiles, joint
 * view with k = 2..8, quality indices, histograms, scatter sample — plus the 12 weekly
 * re-segmentations, as the producer does. Writing ~400 k profiles and the order pass itself are
 * Elasticsearch work measured by bench/analyses.ts, not here. Prints one JSON line.
 *
 *   npx tsx bench/ml.ts [--sessions 1000000] [--customers 200000] [--days 28] [--seed 1]
 *   Goal: ≤ 30 s, peak RSS < 1 GB.
 */
import { parseArgs } from 'node:util';
import { PassOrdersBuilder, selectDimension } from '../sidecar/src/analyses/order_sequences';
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

function passColumns(sessions: number, customers: number, days: number, seed: number) {
  const builder = new PassOrdersBuilder();
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
    }
    customerIndex++;
  }
  return { pass: builder.build(), sessions: produced, dimensions: [...dimensions.keys()], nowMs };
}

function main(): void {
  const { values } = parseArgs({
    options: {
      sessions: { type: 'string', default: '1000000' },
      customers: { type: 'string', default: '200000' },
      days: { type: 'string', default: '28' },
      seed: { type: 'string', default: '1' },
    },
  });
  const input = passColumns(
    Number(values.sessions),
    Number(values.customers),
    Number(values.days),
    Number(values.seed),
  );
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
