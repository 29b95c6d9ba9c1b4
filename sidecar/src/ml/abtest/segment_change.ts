import type { SegmentChangePeriod } from '../../../../common/reports/abtests';
import { KMEANS_SEGMENTS } from '../../../../common/segments';
import { DAY_MS } from '../../../../common/time';
import type { OrderSequences } from '../../analyses/order_sequences';
import { orderAmounts, rfmAt } from '../segmentation/rfm';
import { segmentCustomers, type SegmentationOptions } from '../segmentation/segment_slice';

/** A half-open-left window (fromMs, toMs]. */
interface Window {
  fromMs: number;
  toMs: number;
}

function shiftMonths(ms: number, months: number): number {
  const d = new Date(ms);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.getTime();
}

/**
 * The current period ending at `now` and the four it is compared with (ANALYSES.md "Segment
 * change"): a day and the same weekday of each of the last 4 weeks; a week and the 4 before it;
 * a month and the 4 before it (calendar months, UTC).
 */
export function comparisonWindows(period: SegmentChangePeriod, nowMs: number): Window[] {
  return [0, 1, 2, 3, 4].map((back) => {
    if (period === 'monthly') {
      return { fromMs: shiftMonths(nowMs, -back - 1), toMs: shiftMonths(nowMs, -back) };
    }
    const lengthMs = period === 'daily' ? DAY_MS : 7 * DAY_MS;
    const toMs = nowMs - back * 7 * DAY_MS;
    return { fromMs: toMs - lengthMs, toMs };
  });
}

/** First row of start..end-1 (sorted times) with time > tMs. */
function firstAfter(timeMs: Float64Array, start: number, end: number, tMs: number): number {
  let lo = start;
  let hi = end;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (timeMs[mid]! <= tMs) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Each sequence's k-means segment as a run at `atMs` would give it (−1: no order before). */
function segmentsAt(
  sequences: OrderSequences,
  atMs: number,
  inclusive: boolean,
  amounts: ArrayLike<number>,
  options: SegmentationOptions,
): Int16Array {
  const out = new Int16Array(sequences.customer.length).fill(-1);
  const rfm = rfmAt(sequences, atMs, inclusive, amounts);
  if (rfm.recencyDays.length === 0) return out;
  const { kmeans } = segmentCustomers(rfm, options);
  rfm.sequence.forEach((seq, j) => (out[seq] = kmeans.segment[j]!));
  return out;
}

export interface SegmentChangeValues {
  segment: string;
  period: SegmentChangePeriod;
  currentFromMs: number;
  /** Customers of the segment now whose segment at the span's start differed (or was none). */
  excluded: number;
  count: { before: Float64Array; after: Float64Array };
  amount: { before: Float64Array; after: Float64Array };
}

/**
 * Per segment, each stable customer's current-period value and the mean over the four earlier
 * periods: order count (before = mean count per period) and mean payment (customers with orders
 * in both the current and the earlier periods).
 */
export function segmentChangeValues(
  sequences: OrderSequences,
  nowMs: number,
  period: SegmentChangePeriod,
  options: SegmentationOptions,
): SegmentChangeValues[] {
  const windows = comparisonWindows(period, nowMs);
  const spanStartMs = windows[windows.length - 1]!.fromMs;
  const amounts = orderAmounts(sequences);
  const now = segmentsAt(sequences, nowMs, true, amounts, options);
  const start = segmentsAt(sequences, spanStartMs, true, amounts, options);
  const groups = KMEANS_SEGMENTS.map(() => ({
    excluded: 0,
    countBefore: [] as number[],
    countAfter: [] as number[],
    amountBefore: [] as number[],
    amountAfter: [] as number[],
  }));
  const { offsets, timeMs } = sequences;
  for (let i = 0; i < sequences.customer.length; i++) {
    const segment = now[i]!;
    if (segment < 0) continue;
    const group = groups[segment]!;
    if (start[i] !== segment) {
      group.excluded++;
      continue;
    }
    let earlierCount = 0;
    let earlierSum = 0;
    let currentCount = 0;
    let currentSum = 0;
    windows.forEach((w, back) => {
      const from = firstAfter(timeMs, offsets[i]!, offsets[i + 1]!, w.fromMs);
      const to = firstAfter(timeMs, from, offsets[i + 1]!, w.toMs);
      let sum = 0;
      for (let row = from; row < to; row++) sum += amounts[row]!;
      if (back === 0) {
        currentCount = to - from;
        currentSum = sum;
      } else {
        earlierCount += to - from;
        earlierSum += sum;
      }
    });
    group.countBefore.push(earlierCount / (windows.length - 1));
    group.countAfter.push(currentCount);
    if (earlierCount > 0 && currentCount > 0) {
      group.amountBefore.push(earlierSum / earlierCount);
      group.amountAfter.push(currentSum / currentCount);
    }
  }
  return groups.map((g, s) => ({
    segment: KMEANS_SEGMENTS[s]!,
    period,
    currentFromMs: windows[0]!.fromMs,
    excluded: g.excluded,
    count: { before: Float64Array.from(g.countBefore), after: Float64Array.from(g.countAfter) },
    amount: { before: Float64Array.from(g.amountBefore), after: Float64Array.from(g.amountAfter) },
  }));
}
