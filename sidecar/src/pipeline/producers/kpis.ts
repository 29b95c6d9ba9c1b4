import { kpiRows, kpiWindows } from '../../analyses/kpis';
import { kpiValues } from '../queries/kpis';
import type { ReportProducer } from './types';

/** Headline KPIs over fixed windows before the reference time (one aggregation request). */
export const kpisProducer: ReportProducer = {
  family: 'kpis',
  stage: 'exploratory',
  reports: { 'kpis/overall': [] },
  async produce(step) {
    const { run, inputs } = step;
    if (!step.selected('kpis/overall')) return;
    const windows = kpiWindows(run.range.nowMs);
    const values = await kpiValues(run.client, run.names.orders, inputs.sessions, windows);
    step.put('kpis/overall', kpiRows(values), { windows });
  },
};
