import { z } from 'zod';

/** How many columns a cohort table has: 0..15 days or weeks after the cohort event. */
export const COHORT_COLUMNS = 16;

export const COHORT_STEPS = [
  'download_first',
  'first_second',
  'second_third',
  'third_fourth',
] as const;
export type CohortStep = (typeof COHORT_STEPS)[number];

/**
 * `cohort/<step>_{daily,weekly}`: customers whose step-k event (download, 1st, 2nd, 3rd order)
 * fell in `period`; `counts[i]` of them had their step-(k+1) order i whole calendar days (weeks)
 * later. `cohort_size` counts every customer of the row, including those who never got there.
 */
export const cohortRowSchema = z.object({
  period: z.string(),
  cohort_size: z.number().int().nonnegative(),
  counts: z.array(z.number().int().nonnegative()).length(COHORT_COLUMNS),
});
export type CohortRow = z.infer<typeof cohortRowSchema>;
