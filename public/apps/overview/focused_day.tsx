import React, { useCallback } from 'react';
import { useHistory, useLocation } from 'react-router-dom';
import { EuiButtonEmpty, EuiCallOut, EuiSpacer } from '@elastic/eui';
import { formatDay } from '../../components/format';
import { parseDay } from '../anomalies/anomaly_view';

/** Days either side of a focused day the daily chart keeps, so the day is seen against its weeks. */
export const FOCUS_RADIUS_DAYS = 14;

/**
 * The day the Overview is focused on (`?day=yyyy-mm-dd`, as the anomalies table links), or null;
 * and a way back to every day that keeps the rest of the URL (the dimension).
 */
export function useFocusedDay(): [string | null, () => void] {
  const location = useLocation();
  const history = useHistory();
  const day = parseDay(new URLSearchParams(location.search).get('day'));
  const clear = useCallback(() => {
    const search = new URLSearchParams(location.search);
    search.delete('day');
    const query = search.toString();
    history.push({ pathname: location.pathname, search: query ? `?${query}` : '' });
  }, [history, location.pathname, location.search]);
  return [day, clear];
}

/** Says which days the chart shows and why, with the way back to every day. */
export function FocusedDayCallout({
  day,
  inReport,
  onClear,
}: {
  day: string;
  inReport: boolean;
  onClear: () => void;
}): JSX.Element {
  return (
    <>
      <EuiCallOut
        size="s"
        iconType="calendar"
        color={inReport ? 'primary' : 'warning'}
        title={
          inReport
            ? `${formatDay(day)} (shaded), with ${FOCUS_RADIUS_DAYS} days either side`
            : `${formatDay(day)} is outside this report's days: showing the ${FOCUS_RADIUS_DAYS} days either side that it has`
        }
        data-test-subj="focusedDayCallout"
      >
        <EuiButtonEmpty size="xs" flush="left" onClick={onClear} data-test-subj="focusedDayClear">
          Show every day
        </EuiButtonEmpty>
      </EuiCallOut>
      <EuiSpacer size="s" />
    </>
  );
}
