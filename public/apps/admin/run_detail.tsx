import React, { useState } from 'react';
import {
  EuiBasicTable,
  EuiButtonIcon,
  EuiCallOut,
  EuiFlexGroup,
  EuiFlexItem,
  EuiHealth,
  EuiPanel,
  EuiProgress,
  EuiSelect,
  EuiSpacer,
  EuiTitle,
  type Criteria,
} from '@elastic/eui';
import { LOG_LEVELS, type LogLine } from '../../../common/admin_api';
import type { RunStage } from '../../../common/documents';
import { useServices } from '../../services/context';
import { RUN_POLL_MS, STATUS_COLORS, formatDuration, formatTime } from './admin_format';
import { AdminState } from './admin_state';
import { useAdminData } from './use_admin_data';

const LOG_PAGE_SIZE = 50;
const LEVEL_COLORS: Record<string, string> = { info: 'subdued', warn: 'warning', error: 'danger' };

/** One run: its stages with progress (live while it runs) and its log, paged and by level. */
export function RunDetail({ runId, onClose }: { runId: string; onClose: () => void }): JSX.Element {
  const { api } = useServices();
  const run = useAdminData((signal) => api.admin.getRun(runId, signal), [runId], {
    pollMs: RUN_POLL_MS,
    shouldPoll: (document) => document.status === 'running',
  });
  const status = run.status === 'ready' ? run.data.status : null;
  return (
    <EuiPanel hasBorder paddingSize="m" data-test-subj="runDetail" data-status={status ?? ''}>
      <EuiFlexGroup justifyContent="spaceBetween" alignItems="center">
        <EuiFlexItem grow={false}>
          <EuiTitle size="xs">
            <h3>
              Run {runId}{' '}
              {status ? (
                <EuiHealth
                  color={STATUS_COLORS[status] ?? 'subdued'}
                  data-test-subj="runDetailStatus"
                >
                  {status}
                </EuiHealth>
              ) : null}
            </h3>
          </EuiTitle>
        </EuiFlexItem>
        <EuiFlexItem grow={false}>
          <EuiButtonIcon iconType="cross" aria-label="Close the run" onClick={onClose} />
        </EuiFlexItem>
      </EuiFlexGroup>
      <EuiSpacer size="s" />
      <AdminState state={run} what="the run">
        {(document) => (
          <>
            {document.error ? (
              <EuiCallOut
                color={document.status === 'refused' ? 'warning' : 'danger'}
                size="s"
                iconType={document.status === 'refused' ? 'clock' : 'error'}
                title={document.error}
              />
            ) : null}
            <EuiBasicTable<RunStage>
              tableCaption="Stages"
              data-test-subj="runStages"
              compressed
              items={document.stages}
              columns={stageColumns()}
            />
          </>
        )}
      </AdminState>
      <EuiSpacer size="m" />
      <RunLogs runId={runId} live={status === 'running'} />
    </EuiPanel>
  );
}

function stageColumns() {
  return [
    { field: 'name', name: 'Stage' },
    {
      field: 'status',
      name: 'Status',
      render: (stageStatus: RunStage['status']) => (
        <EuiHealth color={STATUS_COLORS[stageStatus] ?? 'subdued'}>{stageStatus}</EuiHealth>
      ),
    },
    {
      field: 'done',
      name: 'Progress',
      render: (_done: unknown, stage: RunStage) => {
        if (stage.status === 'complete')
          return <EuiProgress value={1} max={1} size="s" color="success" />;
        if (stage.status !== 'running') return '';
        return stage.total ? (
          <EuiProgress value={stage.done ?? 0} max={stage.total} size="s" />
        ) : (
          <EuiProgress size="s" />
        );
      },
    },
    {
      field: 'started_at',
      name: 'Took',
      render: (started: string | null | undefined, stage: RunStage) =>
        started ? formatDuration(started, stage.finished_at, Date.now()) : '',
    },
    { field: 'message', name: 'Message', render: (message?: string) => message ?? '' },
  ];
}

function RunLogs({ runId, live }: { runId: string; live: boolean }): JSX.Element {
  const { api } = useServices();
  const [level, setLevel] = useState('');
  const [page, setPage] = useState(0);
  const logs = useAdminData(
    (signal) =>
      api.admin.listLogs(
        {
          run_id: runId,
          level: level || undefined,
          size: LOG_PAGE_SIZE,
          from: page * LOG_PAGE_SIZE,
        },
        signal,
      ),
    [runId, level, page, live],
    { pollMs: RUN_POLL_MS, shouldPoll: () => live },
  );
  return (
    <>
      <EuiFlexGroup alignItems="center" justifyContent="spaceBetween">
        <EuiFlexItem grow={false}>
          <EuiTitle size="xxs">
            <h4>Log</h4>
          </EuiTitle>
        </EuiFlexItem>
        <EuiFlexItem grow={false}>
          <EuiSelect
            compressed
            prepend="Level"
            data-test-subj="logLevel"
            options={[
              { value: '', text: 'all' },
              ...LOG_LEVELS.map((value) => ({ value, text: value })),
            ]}
            value={level}
            onChange={(event) => {
              setLevel(event.target.value);
              setPage(0);
            }}
          />
        </EuiFlexItem>
      </EuiFlexGroup>
      <AdminState
        state={logs}
        what={level ? `${level} log lines` : 'log lines'}
        isEmpty={(data) => data.total === 0}
      >
        {(data) => (
          <EuiBasicTable<LogLine>
            tableCaption="Log lines"
            data-test-subj="runLogs"
            compressed
            items={data.lines}
            pagination={{
              pageIndex: page,
              pageSize: LOG_PAGE_SIZE,
              totalItemCount: data.total,
              showPerPageOptions: false,
            }}
            onChange={({ page: next }: Criteria<LogLine>) => next && setPage(next.index)}
            columns={[
              { field: 'time', name: 'Time', width: '200px', render: formatTime },
              {
                field: 'level',
                name: 'Level',
                width: '90px',
                render: (value: string) => (
                  <EuiHealth color={LEVEL_COLORS[value] ?? 'subdued'}>{value}</EuiHealth>
                ),
              },
              {
                field: 'message',
                name: 'Message',
                render: (message: string) => <LogMessage message={message} />,
              },
            ]}
          />
        )}
      </AdminState>
    </>
  );
}

/** Multi-line messages (the ingest summary table) keep their lines and column alignment. */
function LogMessage({ message }: { message: string }): JSX.Element {
  if (!message.includes('\n')) return <span>{message}</span>;
  return (
    <pre style={{ margin: 0, whiteSpace: 'pre-wrap', fontSize: 12, fontFamily: 'monospace' }}>
      {message}
    </pre>
  );
}
