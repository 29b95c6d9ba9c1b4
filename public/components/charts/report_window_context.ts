import { createContext, useContext } from 'react';

/**
 * The last day with data of the report a panel shows (its `params.reference_time`, as a UTC
 * `yyyy-mm-dd`), for charts inside the panel: a time chart marks its last period as partial when
 * that day falls before the period's end. null outside a loaded report panel.
 */
export const ReportLastDayContext = createContext<string | null>(null);

export function useReportLastDay(): string | null {
  return useContext(ReportLastDayContext);
}
