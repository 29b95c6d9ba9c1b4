import type { ChurnRow } from '../../../common/reports/churn';
import { HOUR_MS, WEEK_MS, isoDay, startOfWeek } from '../../../common/time';
import type { OrderSequences } from './order_sequences';
import { ratioOrNull } from './periods';

export const DEFAULT_CHURN_FACTOR = 2;

export interface ChurnAt {
  customers: number;
  churned: number;
  medianGapMs: number | null;
}

/** Rows start..end-1 with time < t: the orders are sorted, so a binary search finds the cut. */
function ordersBefore(
  timeMs: Float64Array,
  start: number,
  end: number,
  tMs: number,
  inclusive: boolean,
): number {
  let lo = start;
  let hi = end;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (timeMs[mid]! < tMs || (inclusive && timeMs[mid] === tMs)) lo = mid + 1;
    else hi = mid;
  }
  return lo - start;
}

function median(sorted: Float64Array): number | null {
  if (sorted.length === 0) return null;
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Churn at t from orders before t only. Expected gap = mean gap between a customer's consecutive
 * orders = (last − first) / (n − 1); one-order customers get the median expected gap of those with
 * ≥2 orders (none → they cannot be called churned). Churned when t − last > factor × gap.
 * `inclusive` also counts orders at exactly t: the overall rate is taken at `now`, which by
 * default IS the latest session, and leaving that order out would misjudge its customer.
 */
export function churnAt(
  sequences: OrderSequences,
  tMs: number,
  factor: number,
  inclusive = false,
): ChurnAt {
  const customers = sequences.customer.length;
  const count = new Int32Array(customers);
  const gaps: number[] = [];
  for (let i = 0; i < customers; i++) {
    const start = sequences.offsets[i]!;
    const n = ordersBefore(sequences.timeMs, start, sequences.offsets[i + 1]!, tMs, inclusive);
    count[i] = n;
    if (n >= 2) gaps.push((sequences.timeMs[start + n - 1]! - sequences.timeMs[start]!) / (n - 1));
  }
  const medianGapMs = median(Float64Array.from(gaps).sort());
  let active = 0;
  let churned = 0;
  for (let i = 0; i < customers; i++) {
    const n = count[i]!;
    if (n === 0) continue;
    active++;
    const start = sequences.offsets[i]!;
    const last = sequences.timeMs[start + n - 1]!;
    const gap = n >= 2 ? (last - sequences.timeMs[start]!) / (n - 1) : medianGapMs;
    if (gap !== null && tMs - last > factor * gap) churned++;
  }
  return { customers: active, churned, medianGapMs };
}

function churnRow(period: string | null, tMs: number, at: ChurnAt): ChurnRow {
  return {
    period,
    evaluated_at: new Date(tMs).toISOString(),
    customers: at.customers,
    churned: at.churned,
    churn_rate: ratioOrNull(at.churned, at.customers),
    median_gap_hours: at.medianGapMs === null ? null : at.medianGapMs / HOUR_MS,
  };
}

export function churnOverallRows(
  sequences: OrderSequences,
  nowMs: number,
  factor: number,
): ChurnRow[] {
  return [churnRow(null, nowMs, churnAt(sequences, nowMs, factor, true))];
}

/**
 * One row per week from the week of the first order to the last week that has ended by `now`,
 * evaluated at its end (the next Monday 00:00). The running week is left out: judging it at a
 * Monday still to come would call customers churned on days that have not happened.
 */
export function churnWeeklyRows(
  sequences: OrderSequences,
  nowMs: number,
  factor: number,
): ChurnRow[] {
  if (sequences.timeMs.length === 0) return [];
  let first = Infinity;
  for (let i = 0; i < sequences.customer.length; i++) {
    first = Math.min(first, sequences.timeMs[sequences.offsets[i]!]!);
  }
  const rows: ChurnRow[] = [];
  for (let week = startOfWeek(first); week + WEEK_MS <= nowMs; week += WEEK_MS) {
    const tMs = week + WEEK_MS;
    rows.push(churnRow(isoDay(week), tMs, churnAt(sequences, tMs, factor)));
  }
  return rows;
}
