import React, { useState } from 'react';
import {
  EuiBasicTable,
  EuiButton,
  EuiCallOut,
  EuiFlexGroup,
  EuiFlexItem,
  EuiHealth,
  EuiLink,
  EuiProgress,
  EuiSpacer,
  EuiText,
  type Criteria,
} from '@elastic/eui';
import type { RunListItem } from '../../../common/admin_api';
import { describeAdminError } from '../../services/admin_api_client';
import { useServices } from '../../services/context';
import {
  RUN_POLL_MS,
  STATUS_COLORS,
  formatDuration,
  formatTime,
  stageProgress,
} from './admin_format';
import { AdminState } from './admin_state';
import { RunDetail } from './run_detail';
import { useAdminData } from './use_admin_data';

const PAGE_SIZE = 10;

/** Run now, the runs newest first with their stage progress (live while one runs), one run's detail. */
export function RunsPanel(): JSX.Element {
  const { api } = useServices();
  const [page, setPage] = useState(0);
  const [selected, setSelected] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const [notice, setNotice] = useState<{
    color: 'danger' | 'warning';
    title: string;
    text: string;
  } | null>(null);
  const runs = useAdminData(
    (signal) => api.admin.listRuns({ size: PAGE_SIZE, from: page * PAGE_SIZE }, signal),
    [page],
    {
      pollMs: RUN_POLL_MS,
      shouldPoll: (list) => list.runs.some((run) => run.status === 'running'),
    },
  );

  const runNow = async () => {
    setStarting(true);
    setNotice(null);
    try {
      const { run_id: runId } = await api.admin.startRun();
      setSelected(runId);
      setPage(0);
      runs.reload();
    } catch (error) {
      const failure = describeAdminError(error);
      setNotice(
        failure.status === 409
          ? {
              color: 'warning',
              title: 'A run is already in progress: this one did not start',
              text: failure.message,
            }
          : { color: 'danger', title: 'The run did not start', text: failure.message },
      );
      runs.reload();
    } finally {
      setStarting(false);
    }
  };

  return (
    <>
      <EuiFlexGroup justifyContent="spaceBetween" alignItems="center">
        <EuiFlexItem grow={false}>
          <EuiText size="s" color="subdued">
            A run ingests the configured connections, then computes every analysis.
          </EuiText>
        </EuiFlexItem>
        <EuiFlexItem grow={false}>
          <EuiButton
            fill
            iconType="play"
            onClick={runNow}
            isLoading={starting}
            data-test-subj="runNow"
          >
            Run now
          </EuiButton>
        </EuiFlexItem>
      </EuiFlexGroup>
      {notice ? (
        <>
          <EuiSpacer size="s" />
          <EuiCallOut
            color={notice.color}
            iconType="warning"
            size="s"
            title={notice.title}
            data-test-subj="runNowNotice"
          >
            <p>{notice.text}</p>
          </EuiCallOut>
        </>
      ) : null}
      <EuiSpacer size="m" />
      <AdminState
        state={runs}
        what="runs"
        isEmpty={(list) => list.total === 0}
        empty={<p>Press Run now, or add a schedule.</p>}
      >
        {(list) => (
          <EuiBasicTable<RunListItem>
            tableCaption="Runs"
            data-test-subj="runTable"
            items={list.runs}
            rowProps={(run) => ({
              'data-test-subj': `run-${run.run_id}`,
              'data-status': run.status,
            })}
            pagination={{
              pageIndex: page,
              pageSize: PAGE_SIZE,
              totalItemCount: list.total,
              showPerPageOptions: false,
            }}
            onChange={({ page: next }: Criteria<RunListItem>) => next && setPage(next.index)}
            columns={runColumns(setSelected)}
          />
        )}
      </AdminState>
      {selected ? (
        <>
          <EuiSpacer size="l" />
          <RunDetail runId={selected} onClose={() => setSelected(null)} />
        </>
      ) : null}
    </>
  );
}

function runColumns(select: (runId: string) => void) {
  return [
    {
      field: 'run_id',
      name: 'Run',
      render: (runId: string) => (
        <EuiLink onClick={() => select(runId)} data-test-subj="runLink">
          {runId}
        </EuiLink>
      ),
    },
    { field: 'kind', name: 'Kind', width: '80px' },
    {
      field: 'status',
      name: 'Status',
      width: '120px',
      render: (status: string) => (
        <EuiHealth color={STATUS_COLORS[status] ?? 'subdued'} data-test-subj="runStatus">
          {status}
        </EuiHealth>
      ),
    },
    {
      field: 'stages',
      name: 'Progress',
      render: (_stages: unknown, run: RunListItem) => <RunProgress run={run} />,
    },
    { field: 'started_at', name: 'Started', render: formatTime },
    {
      field: 'finished_at',
      name: 'Took',
      width: '100px',
      render: (finished: string | null | undefined, run: RunListItem) =>
        formatDuration(run.started_at, finished, Date.now()),
    },
    {
      field: 'error',
      name: 'Error',
      render: (error: string | null | undefined) => error ?? '',
    },
  ];
}

function RunProgress({ run }: { run: RunListItem }): JSX.Element {
  const { finished, total, current } = stageProgress(run.stages);
  if (total === 0) return <EuiText size="xs">—</EuiText>;
  return (
    <div style={{ minWidth: 160 }}>
      <EuiProgress
        value={finished}
        max={total}
        size="s"
        color={
          run.status === 'failed' ? 'danger' : run.status === 'complete' ? 'success' : 'primary'
        }
      />
      <EuiText size="xs" color="subdued">
        {finished}/{total} stages{current ? ` · ${current}` : ''}
      </EuiText>
    </div>
  );
}
