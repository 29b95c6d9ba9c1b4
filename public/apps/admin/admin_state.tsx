import React, { type ReactNode } from 'react';
import { EuiCallOut, EuiEmptyPrompt, EuiFlexGroup, EuiLoadingSpinner } from '@elastic/eui';
import type { AdminDataState } from './use_admin_data';

/**
 * Loading, error and empty states of an admin section, as the dashboards show theirs; `children`
 * renders the data once loaded. An error names what failed (the proxy says when the sidecar is
 * not running or customerAnalytics.sidecarUrl is wrong).
 */
export function AdminState<T>({
  state,
  what,
  isEmpty,
  empty,
  children,
}: {
  state: AdminDataState<T>;
  what: string;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}): JSX.Element {
  if (state.status === 'loading') {
    return (
      <EuiFlexGroup justifyContent="center" data-test-subj="adminLoading">
        <EuiLoadingSpinner size="l" />
      </EuiFlexGroup>
    );
  }
  if (state.status === 'error') {
    return (
      <EuiCallOut
        title={`Could not load ${what}`}
        color="danger"
        iconType="error"
        data-test-subj="adminError"
      >
        <p>{state.message}</p>
      </EuiCallOut>
    );
  }
  if (isEmpty?.(state.data)) {
    return (
      <EuiEmptyPrompt
        titleSize="xs"
        title={<h3>No {what} yet</h3>}
        body={empty}
        data-test-subj="adminEmpty"
      />
    );
  }
  return <>{children(state.data)}</>;
}
