import { useEffect, useState } from 'react';
import { ALL_DIMENSIONS } from '../../common/documents';
import { describeHttpError } from '../services/api';
import { useServices } from '../services/context';
import type { DimensionsState } from './resolve_dimension';

/** The dimension values to filter by; falls back to `all` alone (with a toast) if the call fails. */
export function useDimensions(): DimensionsState {
  const { api, notifications } = useServices();
  const [state, setState] = useState<DimensionsState>({
    dimensions: [ALL_DIMENSIONS],
    loading: true,
    failed: false,
  });

  useEffect(() => {
    const controller = new AbortController();
    api
      .getDimensions(controller.signal)
      .then((dimensions) => setState({ dimensions, loading: false, failed: false }))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setState({ dimensions: [ALL_DIMENSIONS], loading: false, failed: true });
        notifications.toasts.addDanger({
          title: 'Could not load the dimension values',
          text: describeHttpError(error).message,
        });
      });
    return () => controller.abort();
  }, [api, notifications]);

  return state;
}
