import React from 'react';
import {
  EuiButtonEmpty,
  EuiCallOut,
  EuiDescriptionList,
  EuiFlexGroup,
  EuiFlexItem,
  EuiHealth,
  EuiPanel,
  EuiTitle,
} from '@elastic/eui';
import type { EsCheck } from '../../../common/admin_api';
import { useServices } from '../../services/context';
import { AdminState } from './admin_state';
import { useAdminData } from './use_admin_data';

/** The sidecar's view of Elasticsearch and its work folder ("Connect" in the original). */
export function ElasticsearchStatus(): JSX.Element {
  const { api } = useServices();
  const check = useAdminData((signal) => api.admin.checkElasticsearch(signal), []);
  return (
    <EuiPanel hasBorder paddingSize="m" data-test-subj="adminElasticsearch">
      <EuiFlexGroup justifyContent="spaceBetween" alignItems="center" gutterSize="s">
        <EuiFlexItem grow={false}>
          <EuiTitle size="xs">
            <h2>Elasticsearch connection</h2>
          </EuiTitle>
        </EuiFlexItem>
        <EuiFlexItem grow={false}>
          <EuiButtonEmpty size="s" iconType="refresh" onClick={check.reload}>
            Check again
          </EuiButtonEmpty>
        </EuiFlexItem>
      </EuiFlexGroup>
      <AdminState state={check} what="the Elasticsearch status">
        {(status) => <StatusList status={status} />}
      </AdminState>
    </EuiPanel>
  );
}

function StatusList({ status }: { status: EsCheck }): JSX.Element {
  const reachable = (
    <EuiHealth color={status.reachable ? 'success' : 'danger'} data-test-subj="esReachable">
      {status.reachable ? 'Connected' : 'Not reachable'}
    </EuiHealth>
  );
  const folder = (
    <EuiHealth color={status.work_folder.writable ? 'success' : 'danger'}>
      {status.work_folder.path} ({status.work_folder.writable ? 'writable' : 'not writable'})
    </EuiHealth>
  );
  return (
    <>
      <EuiDescriptionList
        type="column"
        compressed
        listItems={[
          { title: 'Status', description: reachable },
          { title: 'URL', description: status.url },
          {
            title: 'Cluster',
            description: `${status.cluster_name ?? '—'} (version ${status.version ?? '—'})`,
          },
          { title: 'Work folder', description: folder },
        ]}
      />
      {status.error ? (
        <EuiCallOut size="s" color="danger" title={status.error} iconType="error" />
      ) : null}
    </>
  );
}
