import {
  AB_METRICS,
  SEGMENT_CHANGE_PERIODS,
  type AbOutcome,
  type ProductTestRow,
  type PromotionPairRow,
  type PromotionTestRow,
  type SegmentChangeRow,
} from '../../../../common/reports/abtests';
import { isoDay } from '../../../../common/time';
import type { OrderSequences } from '../../analyses/order_sequences';
import { Random } from '../../demo/random';
import type { SegmentationOptions } from '../segmentation/segment_slice';
import { groupResamples, percentileInterval, type GroupResamples } from './bootstrap';
import { chooseDistribution } from './distributions';
import { entityValues, type FirstUseWindows } from './first_use';
import { benjaminiHochberg, summarize, welchFromSummaries } from './hypothesis_tests';
import { segmentChangeValues } from './segment_change';
import { insufficientOutcome, pairedOutcome, type AbSettings } from './paired_outcome';

/** Fills each row's q: BH over every tested row of the family. */
export function withQValues<Row extends AbOutcome>(rows: Row[]): Row[] {
  const q = benjaminiHochberg(rows.map((row) => (row.status === 'tested' ? row.p : null)));
  return rows.map((row, i) => ({ ...row, q: q[i] ?? null }));
}

/** Before/after rows of every promotion or product and both metrics, one BH family. */
export function firstUseRows(
  windows: FirstUseWindows,
  settings: AbSettings,
  family: string,
): { name: string; outcome: AbOutcome }[] {
  const rows: { name: string; outcome: AbOutcome }[] = [];
  windows.names.forEach((name, e) => {
    for (const metric of AB_METRICS) {
      const values = { metric, ...entityValues(windows, e, metric) };
      rows.push({ name, outcome: pairedOutcome(values, settings, `${family}:${name}:${metric}`) });
    }
  });
  const q = withQValues(rows.map((r) => r.outcome));
  return rows.map((r, i) => ({ name: r.name, outcome: q[i]! }));
}

export function promotionRows(windows: FirstUseWindows, settings: AbSettings): PromotionTestRow[] {
  return firstUseRows(windows, settings, 'promotion').map((r) => ({
    promotion: r.name,
    ...r.outcome,
  }));
}

export function productRows(windows: FirstUseWindows, settings: AbSettings): ProductTestRow[] {
  return firstUseRows(windows, settings, 'product').map((r) => ({ product: r.name, ...r.outcome }));
}

/** Customers' mean amount in the W days after first use, per promotion (orders after only). */
function amountsAfter(windows: FirstUseWindows, e: number): Float64Array {
  const values: number[] = [];
  for (let k = windows.offsets[e]!; k < windows.offsets[e + 1]!; k++) {
    if (windows.countAfter[k]! > 0) values.push(windows.amountAfter[k]!);
  }
  return Float64Array.from(values);
}

/**
 * ANALYSES.md "Promotion comparison": every unordered pair, Welch test of b − a on customers' mean
 * amount after first use. Each promotion is resampled once; pair (a, b) pairs their k-th
 * resamples (independent draws), so 1,225 pairs of 50 promotions cost 50 resample sets.
 */
export function promotionPairRows(
  windows: FirstUseWindows,
  settings: AbSettings,
): PromotionPairRow[] {
  const groups = windows.names.map((name, e) => {
    const values = amountsAfter(windows, e);
    const enough = values.length >= settings.minCustomers;
    return {
      name,
      values,
      summary: summarize(values),
      boot: enough
        ? groupResamples(
            values,
            Random.stream(settings.seed, `pair-group:${name}`),
            settings.resamples,
          )
        : null,
    };
  });
  const rows: PromotionPairRow[] = [];
  for (let a = 0; a < groups.length; a++) {
    for (let b = a + 1; b < groups.length; b++) {
      const ga = groups[a]!;
      const gb = groups[b]!;
      const base = {
        promotion_a: ga.name,
        promotion_b: gb.name,
        n_a: ga.values.length,
        n_b: gb.values.length,
      };
      const n = ga.values.length + gb.values.length;
      if (!ga.boot || !gb.boot) {
        rows.push({ ...base, ...insufficientOutcome('amount', n) });
        continue;
      }
      rows.push({ ...base, ...welchOutcome(ga, gb, ga.boot, gb.boot, settings) });
    }
  }
  return withQValues(rows);
}

function welchOutcome(
  ga: { values: Float64Array; summary: ReturnType<typeof summarize> },
  gb: { values: Float64Array; summary: ReturnType<typeof summarize> },
  bootA: GroupResamples,
  bootB: GroupResamples,
  settings: AbSettings,
): AbOutcome {
  const resamples = bootA.means.length;
  const differences = new Float64Array(resamples);
  const ratios = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    differences[r] = bootB.means[r]! - bootA.means[r]!;
    ratios[r] = bootB.means[r]! / bootA.means[r]! - 1;
  }
  const view = Math.min(settings.viewResamples, resamples);
  let accepted = 0;
  for (let r = 0; r < view; r++) {
    const a = { n: ga.summary.n, mean: bootA.means[r]!, variance: bootA.variances[r]! };
    const b = { n: gb.summary.n, mean: bootB.means[r]!, variance: bootB.variances[r]! };
    if (welchFromSummaries(a, b).p >= settings.alpha) accepted++;
  }
  const pooled = new Float64Array(ga.values.length + gb.values.length);
  pooled.set(ga.values);
  pooled.set(gb.values, ga.values.length);
  const ci = percentileInterval(differences, settings.alpha);
  const uplift = percentileInterval(ratios, settings.alpha);
  const meanA = ga.summary.mean;
  const meanB = gb.summary.mean;
  return {
    metric: 'amount',
    status: 'tested',
    n: ga.values.length + gb.values.length,
    mean_before: meanA,
    mean_after: meanB,
    difference: meanB - meanA,
    ci_low: ci.low,
    ci_high: ci.high,
    uplift: meanA > 0 ? meanB / meanA - 1 : null,
    uplift_ci_low: meanA > 0 ? uplift.low : null,
    uplift_ci_high: meanA > 0 ? uplift.high : null,
    p: welchFromSummaries(ga.summary, gb.summary).p,
    q: null,
    test: 'welch',
    distribution: chooseDistribution(pooled),
    h0_accepted_share: view > 0 ? accepted / view : null,
  };
}

/** Every segment × period × metric of one context, one BH family. */
export function segmentChangeRows(
  sequences: OrderSequences,
  nowMs: number,
  segmentation: SegmentationOptions,
  settings: AbSettings,
): SegmentChangeRow[] {
  const rows: SegmentChangeRow[] = [];
  for (const period of SEGMENT_CHANGE_PERIODS) {
    for (const group of segmentChangeValues(sequences, nowMs, period, segmentation)) {
      const base = {
        segment: group.segment,
        period,
        current_from: isoDay(group.currentFromMs),
        excluded: group.excluded,
      };
      for (const metric of AB_METRICS) {
        const values =
          metric === 'count'
            ? { metric, ...group.count, beforePeriods: 4 }
            : { metric, ...group.amount };
        const key = `segment:${period}:${group.segment}:${metric}`;
        rows.push({ ...base, ...pairedOutcome(values, settings, key) });
      }
    }
  }
  return withQValues(rows);
}
