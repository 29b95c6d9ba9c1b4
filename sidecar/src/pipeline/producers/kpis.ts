import { kpiRows, kpiWindows } from '../../analyses/kpis';
import { orderKpis } from '../queries/kpis';
import type { ReportProducer } from './types';

/**
 * Headline KPIs over fixed windows before the reference time: orders, revenue and discount from
 * the context's daily session buckets, visitors (exact distinct clients) from the run's counts.
 */
export const kpisProducer: ReportProducer = {
  family: 'kpis',
  stage: 'exploratory',
  reports: { 'kpis/overall': ['session_periods', 'visitors'] },
  async produce(step) {
    const { run, inputs } = step;
    if (!step.selected('kpis/overall') || !run.visitors) return;
    const windows = kpiWindows(run.range.nowMs);
    const [days] = await inputs.sessionPeriods();
    const values = orderKpis(days!, windows, run.names.orders);
    const { total, last7, previous7 } = run.visitors;
    const slot = inputs.slot;
    step.put(
      'kpis/overall',
      kpiRows({
        total: { ...values.total, visitors: total[slot]! },
        last7: { ...values.last7, visitors: last7[slot]! },
        previous7: { ...values.previous7, visitors: previous7[slot]! },
      }),
      { windows },
    );
  },
};
