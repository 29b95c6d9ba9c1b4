import type { ColorBand } from '@elastic/charts';
import type { CohortRow } from '../../../common/reports/cohort';

export type CohortMode = 'count' | 'percent';

export interface CohortCell {
  period: string;
  /** Days or weeks after the cohort event, 0..15. */
  column: number;
  count: number;
  /** count / cohort size × 100; null when the cohort is empty. */
  percent: number | null;
}

/** % of the row's cohort size, so rows of different sizes compare. */
export function cohortPercent(count: number, cohortSize: number): number | null {
  return cohortSize === 0 ? null : (count / cohortSize) * 100;
}

/**
 * The heatmap's cells: the full grid (every row and column, so empty cohorts and late columns
 * keep their place), with `value` null where the count is 0 so those cells stay blank and the
 * returning customers stand out instead of a sea of `0`.
 */
export function cohortCells(
  rows: CohortRow[],
  mode: CohortMode,
): Array<CohortCell & { value: number | null }> {
  return rows.flatMap((row) =>
    row.counts.map((count, column) => {
      const percent = cohortPercent(count, row.cohort_size);
      return {
        period: row.period,
        column,
        count,
        percent,
        value: count === 0 ? null : mode === 'count' ? count : percent,
      };
    }),
  );
}

/** Upper bounds of the % bands: fine steps at the low end, where most cells are. */
const PERCENT_EDGES = [5, 10, 20, 30, 50, 100];

/**
 * Colour bands from 1 (or just above 0 %) to the largest value, one colour each; at most
 * `colors.length` bands, integer edges for counts, and never an empty band.
 */
export function cohortBands(mode: CohortMode, maxValue: number, colors: string[]): ColorBand[] {
  if (mode === 'percent') {
    const edges = PERCENT_EDGES.slice(0, colors.length);
    return edges.map((end, index) => ({
      start: index === 0 ? 0 : (edges[index - 1] as number),
      // The last band closes at 100 % inclusive.
      end: index === edges.length - 1 ? Infinity : end,
      color: colors[index] as string,
      label: `${index === 0 ? 0 : edges[index - 1]}–${end}%`,
    }));
  }
  const max = Math.max(1, Math.ceil(maxValue));
  const bandCount = Math.min(colors.length, max);
  const step = max / bandCount;
  const bands: ColorBand[] = [];
  let start = 1;
  for (let index = 0; index < bandCount; index += 1) {
    const end =
      index === bandCount - 1 ? max + 1 : Math.max(start + 1, Math.round(1 + (index + 1) * step));
    bands.push({
      start,
      end: index === bandCount - 1 ? Infinity : end,
      color: colors[
        Math.round((index * (colors.length - 1)) / Math.max(1, bandCount - 1))
      ] as string,
      label: end - 1 === start ? `${start}` : `${start}–${end - 1}`,
    });
    start = end;
  }
  return bands;
}
