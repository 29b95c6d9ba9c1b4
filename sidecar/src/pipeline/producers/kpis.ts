import { kpiRows, kpiWindows } from '../../analyses/kpis';
import { kpiValues } from '../queries/kpis';
import type { ReportProducer } from './types';

/**
 * Headline KPIs over fixed windows before the reference time: orders, revenue and discount from
 * one aggregation request, visitors (exact distinct clients) from the run's visitor counts.
 */
export const kpisProducer: ReportProducer = {
  family: 'kpis',
  stage: 'exploratory',
  reports: { 'kpis/overall': ['visitors'] },
  async produce(step) {
    const { run, inputs } = step;
    if (!step.selected('kpis/overall') || !run.visitors) return;
    const windows = kpiWindows(run.range.nowMs);
    const values = await kpiValues(run.client, run.names.orders, inputs.sessions, windows);
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
