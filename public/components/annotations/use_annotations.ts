import { useCallback, useEffect, useState } from 'react';
import type { Annotation } from '../../../common/annotations';
import { describeHttpError } from '../../services/api';
import { useServices } from '../../services/context';

export type AnnotationsState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; annotations: Annotation[]; currentUser: string | null };

export interface NewAnnotation {
  message: string;
  /** yyyy-mm-dd, or null for a comment on the whole chart. */
  anchorDate: string | null;
}

export interface UseAnnotations {
  state: AnnotationsState;
  /** Resolves true once stored; on failure shows a toast and resolves false. */
  add(comment: NewAnnotation): Promise<boolean>;
  remove(id: string): Promise<boolean>;
}

/**
 * The comments on one chart for one dimension (`null` while the panel does not know its dimension
 * yet: nothing is fetched). Adding and deleting update the list in place from the server's answer.
 */
export function useAnnotations(chartId: string, dimension: string | null): UseAnnotations {
  const { api, notifications } = useServices();
  const [state, setState] = useState<AnnotationsState>({ status: 'idle' });

  useEffect(() => {
    if (dimension === null) {
      setState({ status: 'idle' });
      return;
    }
    const controller = new AbortController();
    setState({ status: 'loading' });
    api
      .listAnnotations({ chart_id: chartId, dimension }, controller.signal)
      .then((response) =>
        setState({
          status: 'ready',
          annotations: response.annotations,
          currentUser: response.current_user,
        }),
      )
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setState({ status: 'error', message: describeHttpError(error).message });
      });
    return () => controller.abort();
  }, [api, chartId, dimension]);

  const add = useCallback(
    async ({ message, anchorDate }: NewAnnotation): Promise<boolean> => {
      if (dimension === null) return false;
      try {
        const created = await api.createAnnotation({
          chart_id: chartId,
          dimension,
          message,
          anchor_date: anchorDate,
        });
        setState((previous) =>
          previous.status === 'ready'
            ? { ...previous, annotations: [created, ...previous.annotations] }
            : { status: 'ready', annotations: [created], currentUser: created.author },
        );
        return true;
      } catch (error) {
        notifications.toasts.addDanger({
          title: 'Could not add the comment',
          text: describeHttpError(error).message,
        });
        return false;
      }
    },
    [api, notifications, chartId, dimension],
  );

  const remove = useCallback(
    async (id: string): Promise<boolean> => {
      try {
        await api.deleteAnnotation(id);
        setState((previous) =>
          previous.status === 'ready'
            ? { ...previous, annotations: previous.annotations.filter((a) => a.id !== id) }
            : previous,
        );
        return true;
      } catch (error) {
        notifications.toasts.addDanger({
          title: 'Could not delete the comment',
          text: describeHttpError(error).message,
        });
        return false;
      }
    },
    [api, notifications],
  );

  return { state, add, remove };
}
