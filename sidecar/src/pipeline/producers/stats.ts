import {
  customersByOrderCountRows,
  paymentDistributionRows,
  weeklyOrderActivity,
  weeklyPaymentRows,
  weeklyPerCustomerRows,
} from '../../analyses/descriptive_stats';
import { PeriodIndex } from '../../analyses/periods';
import {
  hourlyFunnelRows,
  ordersHourRows,
  ordersRows,
  periodFunnelRows,
} from '../../analyses/session_funnel';
import { CALENDAR_PERIODS } from './context_inputs';
import type { ProduceStep, ReportProducer } from './types';

async function periodStats(step: ProduceStep): Promise<void> {
  const { inputs, run } = step;
  const buckets = await inputs.sessionPeriods();
  CALENDAR_PERIODS.forEach((period, i) => {
    const funnel = periodFunnelRows(buckets[i]!, new PeriodIndex(run.range, period), inputs.steps);
    step.put(`stats/orders_${period}`, ordersRows(funnel));
  });
  const weekly = buckets[1]!;
  const visitors = run.visitors?.weekly[inputs.slot];
  if (visitors) {
    // The date histogram and the visitor counts share the run's weeks (Monday, UTC).
    const sessions = weekly.map((b) => ({
      startMs: b.startMs,
      events: b.counts.has_sessions ?? 0,
      customers: visitors[inputs.weeks.indexOf(b.startMs)] ?? 0,
    }));
    step.put('stats/sessions_per_customer_weekly', weeklyPerCustomerRows(sessions, inputs.weeks));
  }
  const payments = weekly.map((b) => ({
    startMs: b.startMs,
    orders: b.counts.purchased ?? 0,
    revenue: b.revenue,
  }));
  step.put('stats/payment_mean_weekly', weeklyPaymentRows(payments, inputs.weeks));
}

/** Descriptive statistics: period counts from aggregations, per-customer ones from the pass. */
export const statsProducer: ReportProducer = {
  family: 'stats',
  stage: 'exploratory',
  reports: {
    'stats/orders_daily': ['session_periods'],
    'stats/orders_weekly': ['session_periods'],
    'stats/orders_monthly': ['session_periods'],
    'stats/orders_hourly': ['session_hours'],
    'stats/sessions_per_customer_weekly': ['session_periods', 'visitors'],
    'stats/orders_per_customer_weekly': ['order_pass'],
    'stats/payment_mean_weekly': ['session_periods'],
    'stats/payment_distribution': ['order_pass'],
    'stats/customers_by_order_count': ['order_pass'],
  },
  async produce(step) {
    const { inputs } = step;
    if (step.wants('session_periods')) await periodStats(step);
    if (step.wants('session_hours')) {
      const hourly = hourlyFunnelRows(await inputs.sessionHours(), inputs.dayCount, inputs.steps);
      step.put('stats/orders_hourly', ordersHourRows(hourly), { days: inputs.dayCount });
    }
    const sequences = inputs.sequences();
    if (!sequences) return;
    const weeks = inputs.weeks;
    step.put(
      'stats/orders_per_customer_weekly',
      weeklyPerCustomerRows(weeklyOrderActivity(sequences, weeks), weeks),
    );
    step.put('stats/payment_distribution', paymentDistributionRows(sequences.amount), {
      bins: 20,
    });
    step.put('stats/customers_by_order_count', customersByOrderCountRows(sequences));
  },
};
