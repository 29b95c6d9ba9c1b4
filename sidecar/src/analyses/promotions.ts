import type {
  InorganicRatioRow,
  PromotionDailyRow,
  PromotionKpiRow,
} from '../../../common/reports/promotions';
import { DAY_MS, isoDay, startOfDay } from '../../../common/time';
import { ratioOrNull, type PeriodIndex } from './periods';

export function promotionKpiRows(rows: readonly PromotionKpiRow[]): PromotionKpiRow[] {
  return [...rows].sort((a, b) => b.orders - a.orders || a.promotion.localeCompare(b.promotion));
}

export interface PromotionDay {
  promotion: string;
  startMs: number;
  orders: number;
  revenue: number;
  discount: number;
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
