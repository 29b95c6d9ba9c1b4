import {
  inorganicRatioRows,
  promotionCustomers,
  promotionDailyRows,
  promotionKpiRows,
  promotionTotalsOf,
} from '../../analyses/promotions';
import { HAS_PROMOTION, PURCHASED, sessionsQuery } from '../context';
import { promotionDays } from '../queries/promotions';
import type { ReportProducer } from './types';

/**
 * Promotion KPIs and daily results (one aggregation over promoted orders by promotion and day;
 * distinct customers from the pass), inorganic ratio.
 */
export const promotionsProducer: ReportProducer = {
  family: 'promotions',
  stage: 'exploratory',
  reports: {
    'promotions/kpis': ['order_pass'],
    'promotions/daily': [],
    'promotions/inorganic_ratio_daily': ['session_periods'],
  },
  async produce(step) {
    const { run, context, inputs } = step;
    const promoted = sessionsQuery(context, run.range, [PURCHASED, HAS_PROMOTION]);
    const [days, periods] = await Promise.all([
      step.selected('promotions/kpis') || step.selected('promotions/daily')
        ? promotionDays(run.client, run.names.orders, promoted)
        : null,
      step.wants('session_periods') ? inputs.sessionPeriods() : null,
    ]);
    if (days && run.pass) {
      const customers = promotionCustomers(run.pass, context.dimensionIndex);
      step.put('promotions/kpis', promotionKpiRows(promotionTotalsOf(days), customers));
    }
    if (days) step.put('promotions/daily', promotionDailyRows(days));
    if (periods) {
      const daily = periods[0]!.map((b) => ({
        startMs: b.startMs,
        orders: b.counts.purchased ?? 0,
        promoted: b.promoted,
      }));
      step.put('promotions/inorganic_ratio_daily', inorganicRatioRows(daily, inputs.days));
    }
  },
};
