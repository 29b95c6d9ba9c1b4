import type {
  InorganicRatioRow,
  PromotionDailyRow,
  PromotionKpiRow,
} from '../../../common/reports/promotions';
import { DAY_MS, isoDay, startOfDay } from '../../../common/time';
import type { PassOrders } from './order_sequences';
import { ratioOrNull, type PeriodIndex } from './periods';

/** A promotion's aggregated figures, before its distinct customers are added. */
export type PromotionTotals = Omit<PromotionKpiRow, 'customers'>;

/** Totals with each promotion's distinct customers (a promotion the pass did not see has 0). */
export function promotionKpiRows(
  totals: readonly PromotionTotals[],
  customers: ReadonlyMap<string, number>,
): PromotionKpiRow[] {
  return totals
    .map((row) => ({ ...row, customers: customers.get(row.promotion) ?? 0 }))
    .sort((a, b) => b.orders - a.orders || a.promotion.localeCompare(b.promotion));
}

/**
 * Distinct customers per promotion among the orders of dimension value `dimensionIndex` (-1 =
 * all), exact, from the pass: each customer's orders are one contiguous sequence, so a promotion
 * counts a customer once when the sequence that last used it is another one.
 */
export function promotionCustomers(pass: PassOrders, dimensionIndex: number): Map<string, number> {
  const items = pass.items;
  if (!items)
    throw new Error('the pass over orders kept no promotions: promotion customers need them');
  const counts = new Int32Array(items.promotionNames.length);
  const lastSequence = new Int32Array(items.promotionNames.length).fill(-1);
  for (let i = 0; i < pass.customer.length; i++) {
    for (let row = pass.offsets[i]!; row < pass.offsets[i + 1]!; row++) {
      const promotion = items.promotion[row]!;
      if (promotion < 0 || lastSequence[promotion] === i) continue;
      if (dimensionIndex >= 0 && pass.dimension[row] !== dimensionIndex) continue;
      lastSequence[promotion] = i;
      counts[promotion]!++;
    }
  }
  return new Map(items.promotionNames.map((name, p) => [name, counts[p]!]));
}

export interface PromotionDay {
  promotion: string;
  startMs: number;
  orders: number;
  revenue: number;
  discount: number;
  revenueCents: number;
  discountCents: number;
}

/** Each promotion's totals over its days, money summed in cents and divided once. */
export function promotionTotalsOf(days: readonly PromotionDay[]): PromotionTotals[] {
  const totals = new Map<string, { orders: number; revenueCents: number; discountCents: number }>();
  for (const day of days) {
    const total = totals.get(day.promotion) ?? { orders: 0, revenueCents: 0, discountCents: 0 };
    total.orders += day.orders;
    total.revenueCents += day.revenueCents;
    total.discountCents += day.discountCents;
    totals.set(day.promotion, total);
  }
  return [...totals].map(([promotion, total]) => ({
    promotion,
    orders: total.orders,
    revenue: total.revenueCents / 100,
    discount: total.discountCents / 100,
  }));
}

/** Each promotion's days from its first to its last order day, zero days filled in. */
export function promotionDailyRows(days: readonly PromotionDay[]): PromotionDailyRow[] {
  const byPromotion = new Map<string, Map<number, PromotionDay>>();
  for (const day of days) {
    const start = startOfDay(day.startMs);
    let series = byPromotion.get(day.promotion);
    if (!series) byPromotion.set(day.promotion, (series = new Map()));
    const known = series.get(start);
    series.set(
      start,
      known
        ? {
            ...known,
            orders: known.orders + day.orders,
            revenue: known.revenue + day.revenue,
            discount: known.discount + day.discount,
          }
        : { ...day, startMs: start },
    );
  }
  const rows: PromotionDailyRow[] = [];
  for (const promotion of [...byPromotion.keys()].sort()) {
    const series = byPromotion.get(promotion)!;
    const starts = [...series.keys()];
    const last = Math.max(...starts);
    for (let ms = Math.min(...starts); ms <= last; ms += DAY_MS) {
      const day = series.get(ms);
      rows.push({
        promotion,
        period: isoDay(ms),
        orders: day?.orders ?? 0,
        revenue: day?.revenue ?? 0,
        discount: day?.discount ?? 0,
      });
    }
  }
  return rows;
}

export interface DailyPromoted {
  startMs: number;
  orders: number;
  promoted: number;
}

/** Orders with a promotion / all orders, per day of the range (null on a day without orders). */
export function inorganicRatioRows(
  buckets: readonly DailyPromoted[],
  days: PeriodIndex,
): InorganicRatioRow[] {
  const rows = days.starts.map((_, i) => ({
    period: days.label(i),
    orders: 0,
    promoted_orders: 0,
  }));
  for (const bucket of buckets) {
    const i = days.indexOf(bucket.startMs);
    if (i < 0) continue;
    rows[i]!.orders += bucket.orders;
    rows[i]!.promoted_orders += bucket.promoted;
  }
  return rows.map((row) => ({ ...row, ratio: ratioOrNull(row.promoted_orders, row.orders) }));
}
