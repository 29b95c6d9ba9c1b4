import type { WeeklySegmentRow } from '../../../../common/reports/segments';
import { KMEANS_SEGMENTS, QUINTILE_SEGMENTS } from '../../../../common/segments';
import { WEEK_MS, isoDay, startOfWeek } from '../../../../common/time';
import type { OrderSequences } from '../../analyses/order_sequences';
import { orderAmounts, rfmAt } from './rfm';
import { segmentCustomers, type SegmentationOptions } from './segment_slice';

function sizeRows(
  period: string,
  evaluatedAt: string,
  scheme: 'kmeans' | 'quintile',
  names: readonly string[],
  segment: Uint8Array,
): WeeklySegmentRow[] {
  const counts = new Int32Array(names.length);
  for (const s of segment) counts[s]!++;
  return names.map((name, s) => ({
    period,
    evaluated_at: evaluatedAt,
    scheme,
    segment: name,
    customers: counts[s]!,
    share: segment.length > 0 ? counts[s]! / segment.length : 0,
  }));
}

/**
 * Segment sizes at the end of each of the last `options.weeks` ended weeks: every customer's
 * segment as a run at that instant (the next Monday 00:00) would have given it — RFM from orders
 * before it, the clusters and quintiles refitted on those values — so the trend shows what the
 * dashboard would have said each week. Weeks before the first order are left out.
 */
export function weeklySegmentRows(
  sequences: OrderSequences,
  nowMs: number,
  options: SegmentationOptions,
): WeeklySegmentRow[] {
  const amounts = orderAmounts(sequences);
  const lastEnd = startOfWeek(nowMs);
  const rows: WeeklySegmentRow[] = [];
  for (let back = options.weeks - 1; back >= 0; back--) {
    const endMs = lastEnd - back * WEEK_MS;
    const rfm = rfmAt(sequences, endMs, false, amounts);
    if (rfm.recencyDays.length === 0) continue;
    const { kmeans, quintiles } = segmentCustomers(rfm, options);
    const period = isoDay(endMs - WEEK_MS);
    const at = new Date(endMs).toISOString();
    rows.push(...sizeRows(period, at, 'kmeans', KMEANS_SEGMENTS, kmeans.segment));
    rows.push(...sizeRows(period, at, 'quintile', QUINTILE_SEGMENTS, quintiles.segment));
  }
  return rows;
}
