import { journeyRows } from '../../analyses/journey';
import type { ReportProducer } from './types';

/** The average customer journey from download through the first orders. */
export const journeyProducer: ReportProducer = {
  family: 'journey',
  stage: 'exploratory',
  reports: { 'journey/average': ['order_pass', 'customers'] },
  async produce(step) {
    const { run } = step;
    const sequences = step.inputs.sequences();
    if (!sequences || !run.customers) return;
    step.put('journey/average', journeyRows(sequences, run.customers.downloadMs, run.range.nowMs));
  },
};
