import { COHORT_STEPS } from '../../../../common/reports/cohort';
import { cohortEvents, cohortTable } from '../../analyses/cohort';
import type { ReportProducer, RunInput } from './types';

/** Every cohort reads the customer table: its members, and downloads for the first step. */
const NEEDS: readonly RunInput[] = ['order_pass', 'customers'];

/** Time from one step to the next (download → 1st order → 2nd → …), by daily and weekly cohort. */
export const cohortProducer: ReportProducer = {
  family: 'cohort',
  stage: 'exploratory',
  reports: {
    'cohort/download_first_daily': NEEDS,
    'cohort/download_first_weekly': NEEDS,
    'cohort/first_second_daily': NEEDS,
    'cohort/first_second_weekly': NEEDS,
    'cohort/second_third_daily': NEEDS,
    'cohort/second_third_weekly': NEEDS,
    'cohort/third_fourth_daily': NEEDS,
    'cohort/third_fourth_weekly': NEEDS,
  },
  async produce(step) {
    const { run, inputs } = step;
    const sequences = inputs.sequences();
    const members = inputs.members();
    if (!sequences || !members || !run.customers) return;
    const cohorts = cohortEvents(sequences, members, run.customers.downloadMs);
    for (const name of COHORT_STEPS) {
      step.put(`cohort/${name}_daily`, cohortTable(cohorts[name], 'daily'));
      step.put(`cohort/${name}_weekly`, cohortTable(cohorts[name], 'weekly'));
    }
  },
};
