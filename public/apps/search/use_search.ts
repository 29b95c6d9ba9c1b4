import { useEffect, useState } from 'react';
import type { EntityResponse, SearchHit, SearchType } from '../../../common/search';
import { describeHttpError } from '../../services/api';
import { useServices } from '../../services/context';

/** Waits this long after the last keystroke before asking the server. */
export const SEARCH_DEBOUNCE_MS = 250;

export type SearchState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; query: string; hits: SearchHit[] };

/** The hits for `text` once typing pauses; a newer query cancels the request of an older one. */
export function useSearch(text: string, type: SearchType | undefined): SearchState {
  const { api } = useServices();
  const [state, setState] = useState<SearchState>({ status: 'idle' });
  useEffect(() => {
    const q = text.trim();
    if (q.length === 0) {
      setState({ status: 'idle' });
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setState({ status: 'loading' });
      api
        .search(q, type, controller.signal)
        .then((response) => setState({ status: 'ready', query: q, hits: response.hits }))
        .catch((error: unknown) => {
          if (controller.signal.aborted) return;
          setState({ status: 'error', message: describeHttpError(error).message });
        });
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [api, text, type]);
  return state;
}

export type EntityState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; entity: EntityResponse };

/** One entity's view for a dimension and history page. */
export function useEntity(
  type: SearchType,
  value: string,
  dimension: string,
  page: number,
): EntityState {
  const { api } = useServices();
  const [state, setState] = useState<EntityState>({ status: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    api
      .getEntity(type, value, { dimension, page }, controller.signal)
      .then((entity) => setState({ status: 'ready', entity }))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setState({ status: 'error', message: describeHttpError(error).message });
      });
    return () => controller.abort();
  }, [api, type, value, dimension, page]);
  return state;
}
