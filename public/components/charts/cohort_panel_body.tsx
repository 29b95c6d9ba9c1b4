import React from 'react';
import type { CohortRow, CohortStep } from '../../../common/reports/cohort';
import { CohortHeatmap } from './cohort_heatmap';
import type { CohortMode } from './cohort_view';

/** What the rows and columns of each cohort table mean, in words. */
export const COHORT_TEXT: Record<CohortStep, { title: string; event: string; next: string }> = {
  download_first: { title: 'Download → 1st order', event: 'download', next: '1st order' },
  first_second: { title: '1st → 2nd order', event: '1st order', next: '2nd order' },
  second_third: { title: '2nd → 3rd order', event: '2nd order', next: '3rd order' },
  third_fourth: { title: '3rd → 4th order', event: '3rd order', next: '4th order' },
};

/** One cohort report as a heatmap with its axis titles spelled out. */
export function CohortTable({
  step,
  rows,
  mode,
  period,
  testSubj,
}: {
  step: CohortStep;
  rows: CohortRow[];
  mode: CohortMode;
  period: 'day' | 'week';
  testSubj: string;
}): JSX.Element {
  const text = COHORT_TEXT[step];
  const unit = period === 'day' ? 'Days' : 'Weeks';
  return (
    <CohortHeatmap
      rows={rows}
      mode={mode}
      period={period}
      rowTitle={`${period === 'day' ? 'Day' : 'Week'} of the ${text.event}`}
      columnTitle={`${unit} until the ${text.next}`}
      ariaLabel={`${text.title}: customers by ${unit.toLowerCase()} until the ${text.next}`}
      testSubj={testSubj}
    />
  );
}
