import { useEffect, useState } from 'react';
import { REPORT_CATALOGUE, type ReportId, type ReportRow } from '../../common/reports/catalogue';
import type { ReportResponse } from '../../common/routes';
import { describeHttpError } from '../services/api';
import { useServices } from '../services/context';

export type ReportState<Row> =
  | { status: 'loading' }
  | { status: 'empty'; message: string }
  | { status: 'error'; message: string }
  | { status: 'ready'; report: ReportResponse<Row> };

/**
 * The newest complete report `id` for `dimension`. A 404 is "empty" (not computed yet, or no data
 * for that dimension), anything else an error; rows are checked against the catalogue's schema so a
 * writer/reader mismatch shows as an error instead of a blank chart.
 */
export function useReport<Id extends ReportId>(
  id: Id,
  dimension: string,
): ReportState<ReportRow<Id>> {
  const { api } = useServices();
  const [state, setState] = useState<ReportState<ReportRow<Id>>>({ status: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    api
      .getReport(id, dimension, controller.signal)
      .then((report) => {
        const rows = REPORT_CATALOGUE[id].row.array().safeParse(report.data);
        if (!rows.success) {
          setState({
            status: 'error',
            message: `report ${id} has rows this version cannot read: ${rows.error.issues[0]?.message}`,
          });
        } else if (report.data.length === 0) {
          setState({ status: 'empty', message: 'The report has no rows for this dimension.' });
        } else {
          setState({ status: 'ready', report: { ...report, data: rows.data as ReportRow<Id>[] } });
        }
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        const { status, message } = describeHttpError(error);
        setState(status === 404 ? { status: 'empty', message } : { status: 'error', message });
      });
    return () => controller.abort();
  }, [api, id, dimension]);

  return state;
}
