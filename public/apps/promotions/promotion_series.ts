import type { PromotionDailyRow } from '../../../common/reports/promotions';
import type { PeriodSeries } from '../../components/charts/period_chart';

/** One series per promotion (in first-seen order) of one field of `promotions/daily`. */
export function promotionSeries(
  rows: PromotionDailyRow[],
  field: 'revenue' | 'discount',
): PeriodSeries[] {
  const byPromotion = new Map<string, PeriodSeries>();
  for (const row of rows) {
    const series = byPromotion.get(row.promotion) ?? {
      id: row.promotion,
      name: row.promotion,
      points: [],
    };
    series.points.push({ period: row.period, value: row[field] });
    byPromotion.set(row.promotion, series);
  }
  return [...byPromotion.values()];
}
