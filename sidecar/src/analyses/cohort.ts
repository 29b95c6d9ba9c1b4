import { COHORT_COLUMNS, type CohortRow, type CohortStep } from '../../../common/reports/cohort';
import {
  calendarDaysBetween,
  calendarWeeksBetween,
  isoDay,
  periodStarts,
  startOfPeriod,
} from '../../../common/time';
import type { OrderSequences } from './order_sequences';

export type CohortPeriod = 'daily' | 'weekly';

/** Per customer of the cohort: the step-k event and the step-(k+1) order (NaN = not reached). */
export interface CohortEvents {
  fromMs: Float64Array;
  toMs: Float64Array;
}

/**
 * The cohort table: each customer once, in the row of their step-k period, and in column
 * `whole calendar days (weeks) between the two periods` when that is 0..15. Rows run gap-free from
 * the first to the last cohort period.
 */
export function cohortTable(events: CohortEvents, period: CohortPeriod): CohortRow[] {
  const between = period === 'daily' ? calendarDaysBetween : calendarWeeksBetween;
  const rows = new Map<number, { size: number; counts: number[] }>();
  let first = Infinity;
  let last = -Infinity;
  for (let i = 0; i < events.fromMs.length; i++) {
    const from = events.fromMs[i]!;
    if (Number.isNaN(from)) continue;
    const start = startOfPeriod(from, period);
    first = Math.min(first, start);
    last = Math.max(last, start);
    let row = rows.get(start);
    if (!row) {
      row = { size: 0, counts: new Array<number>(COHORT_COLUMNS).fill(0) };
      rows.set(start, row);
    }
    row.size++;
    const to = events.toMs[i]!;
    if (Number.isNaN(to)) continue;
    const column = between(from, to);
    if (column >= 0 && column < COHORT_COLUMNS) row.counts[column]!++;
  }
  if (first === Infinity) return [];
  return periodStarts(first, last, period).map((start) => {
    const row = rows.get(start);
    return {
      period: isoDay(start),
      cohort_size: row?.size ?? 0,
      counts: row?.counts ?? new Array<number>(COHORT_COLUMNS).fill(0),
    };
  });
}

/**
 * The four cohorts' events for one context. `download_first` is over the context's customers
 * (`customers`: indices of the customers seen in its sessions) with a download date; the order
 * cohorts are over customers with ≥k orders in the context, using their own k-th and (k+1)-th.
 */
export function cohortEvents(
  sequences: OrderSequences,
  customers: Int32Array,
  downloadMs: Float64Array,
): Record<CohortStep, CohortEvents> {
  const firstOrder = new Map<number, number>();
  for (let i = 0; i < sequences.customer.length; i++) {
    firstOrder.set(sequences.customer[i]!, sequences.timeMs[sequences.offsets[i]!]!);
  }
  const downloadFrom = new Float64Array(customers.length);
  const downloadTo = new Float64Array(customers.length);
  customers.forEach((customer, j) => {
    downloadFrom[j] = downloadMs[customer] ?? NaN;
    downloadTo[j] = firstOrder.get(customer) ?? NaN;
  });
  return {
    download_first: { fromMs: downloadFrom, toMs: downloadTo },
    first_second: nthToNext(sequences, 0),
    second_third: nthToNext(sequences, 1),
    third_fourth: nthToNext(sequences, 2),
  };
}

function nthToNext(sequences: OrderSequences, k: number): CohortEvents {
  const fromMs: number[] = [];
  const toMs: number[] = [];
  for (let i = 0; i < sequences.customer.length; i++) {
    const start = sequences.offsets[i]!;
    const count = sequences.offsets[i + 1]! - start;
    if (count <= k) continue;
    fromMs.push(sequences.timeMs[start + k]!);
    toMs.push(count > k + 1 ? sequences.timeMs[start + k + 1]! : NaN);
  }
  return { fromMs: Float64Array.from(fromMs), toMs: Float64Array.from(toMs) };
}
