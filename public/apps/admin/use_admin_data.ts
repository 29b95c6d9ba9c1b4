import { useCallback, useEffect, useRef, useState } from 'react';
import { describeAdminError } from '../../services/admin_api_client';

export type AdminDataState<T> =
  { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; data: T };

/**
 * Loads `load` on mount and whenever `reload` is called or `deps` change; with `pollMs`, again
 * every `pollMs` while `shouldPoll(data)` holds (a run in progress). A poll keeps the shown data
 * instead of flashing the loading state.
 */
export function useAdminData<T>(
  load: (signal: AbortSignal) => Promise<T>,
  deps: readonly unknown[],
  poll?: { pollMs: number; shouldPoll: (data: T) => boolean },
): AdminDataState<T> & { reload: () => void } {
  const [state, setState] = useState<AdminDataState<T>>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const pollRef = useRef(poll);
  pollRef.current = poll;

  useEffect(() => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const fetchOnce = (first: boolean) => {
      if (first)
        setState((previous) => (previous.status === 'ready' ? previous : { status: 'loading' }));
      loadRef
        .current(controller.signal)
        .then((data) => {
          if (controller.signal.aborted) return;
          setState({ status: 'ready', data });
          const current = pollRef.current;
          if (current && current.shouldPoll(data))
            timer = setTimeout(() => fetchOnce(false), current.pollMs);
        })
        .catch((error: unknown) => {
          if (controller.signal.aborted) return;
          setState({ status: 'error', message: describeAdminError(error).message });
        });
    };
    fetchOnce(true);
    return () => {
      controller.abort();
      if (timer) clearTimeout(timer);
    };
  }, [generation, ...deps]);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  return { ...state, reload };
}
