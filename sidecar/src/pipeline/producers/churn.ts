import { churnOverallRows, churnWeeklyRows } from '../../analyses/churn';
import type { ReportProducer } from './types';

/** Churn against each customer's own expected gap between orders (the pass). */
export const churnProducer: ReportProducer = {
  family: 'churn',
  stage: 'exploratory',
  reports: { 'churn/overall': ['order_pass'], 'churn/weekly': ['order_pass'] },
  async produce(step) {
    const { run } = step;
    const sequences = step.inputs.sequences();
    if (!sequences) return;
    const { nowMs } = run.range;
    const params = { factor: run.churnFactor };
    step.put('churn/overall', churnOverallRows(sequences, nowMs, run.churnFactor), params);
    step.put('churn/weekly', churnWeeklyRows(sequences, nowMs, run.churnFactor), params);
  },
};
