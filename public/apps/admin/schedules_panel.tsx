import React, { useState } from 'react';
import {
  EuiBasicTable,
  EuiButton,
  EuiCallOut,
  EuiFieldText,
  EuiFlexGroup,
  EuiFlexItem,
  EuiFormRow,
  EuiPanel,
  EuiSelect,
  EuiSpacer,
} from '@elastic/eui';
import { SCHEDULE_PERIODS, type Schedule, type ScheduleInput } from '../../../common/admin_api';
import { describeAdminError, type AdminFailure } from '../../services/admin_api_client';
import { useServices } from '../../services/context';
import { formatTime } from './admin_format';
import { AdminState } from './admin_state';
import { useAdminData } from './use_admin_data';

type Period = ScheduleInput['period'];

const PERIOD_LABELS: Record<Period, string> = {
  once: 'Once',
  hourly: 'Every hour',
  daily: 'Every day',
  weekly: 'Every week',
  monthly: 'Every month',
  cron: 'Cron expression',
};

/** Schedules: add one (a period or a cron expression), see when each last ran, delete. */
export function SchedulesPanel(): JSX.Element {
  const { api } = useServices();
  const schedules = useAdminData((signal) => api.admin.listSchedules(signal), []);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [failure, setFailure] = useState<AdminFailure | null>(null);

  const remove = async (schedule: Schedule) => {
    setDeleting(schedule.id);
    setFailure(null);
    try {
      await api.admin.deleteSchedule(schedule.id);
      schedules.reload();
    } catch (error) {
      setFailure(describeAdminError(error));
    } finally {
      setDeleting(null);
    }
  };

  return (
    <>
      <ScheduleForm onCreated={schedules.reload} />
      <EuiSpacer size="m" />
      {failure ? <EuiCallOut color="danger" size="s" title={failure.message} /> : null}
      <AdminState
        state={schedules}
        what="schedules"
        isEmpty={(list) => list.length === 0}
        empty={<p>Runs start only when you press Run now until a schedule is added.</p>}
      >
        {(list) => (
          <EuiBasicTable<Schedule>
            tableCaption="Schedules"
            data-test-subj="scheduleTable"
            items={list}
            columns={[
              { field: 'name', name: 'Name' },
              {
                field: 'period',
                name: 'Period',
                render: (period: Period) => PERIOD_LABELS[period],
              },
              { field: 'cron', name: 'Cron', render: (cron: string | null) => cron ?? '—' },
              { field: 'last_run_at', name: 'Last run', render: formatTime },
              { field: 'created_at', name: 'Created', render: formatTime },
              {
                name: 'Actions',
                actions: [
                  {
                    name: 'Delete',
                    description: 'Delete this schedule (its future runs stop)',
                    icon: 'trash',
                    color: 'danger',
                    type: 'icon',
                    enabled: (schedule) => deleting !== schedule.id,
                    onClick: (schedule) => void remove(schedule),
                    'data-test-subj': 'deleteSchedule',
                  },
                ],
              },
            ]}
          />
        )}
      </AdminState>
    </>
  );
}

function ScheduleForm({ onCreated }: { onCreated: () => void }): JSX.Element {
  const { api } = useServices();
  const [name, setName] = useState('');
  const [period, setPeriod] = useState<Period>('daily');
  const [cron, setCron] = useState('');
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<AdminFailure | null>(null);
  const errorsOf = (field: string) =>
    failure?.fields.filter((f) => f.path === `body.${field}`).map((f) => f.message) ?? [];

  const create = async () => {
    setSaving(true);
    setFailure(null);
    try {
      await api.admin.createSchedule({ name, period, ...(period === 'cron' ? { cron } : {}) });
      setName('');
      setCron('');
      onCreated();
    } catch (error) {
      setFailure(describeAdminError(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <EuiPanel hasBorder paddingSize="m" data-test-subj="scheduleForm">
      <EuiFlexGroup alignItems="flexStart" gutterSize="m" wrap>
        <EuiFlexItem grow={2}>
          <EuiFormRow label="Name" isInvalid={errorsOf('name').length > 0} error={errorsOf('name')}>
            <EuiFieldText
              data-test-subj="scheduleName"
              value={name}
              onChange={(event) => setName(event.target.value)}
            />
          </EuiFormRow>
        </EuiFlexItem>
        <EuiFlexItem grow={1}>
          <EuiFormRow label="Period">
            <EuiSelect
              data-test-subj="schedulePeriod"
              options={SCHEDULE_PERIODS.map((value) => ({ value, text: PERIOD_LABELS[value] }))}
              value={period}
              onChange={(event) => setPeriod(event.target.value as Period)}
            />
          </EuiFormRow>
        </EuiFlexItem>
        {period === 'cron' ? (
          <EuiFlexItem grow={2}>
            <EuiFormRow
              label="Cron expression"
              helpText="5 fields (minute first), or 6 with seconds"
              isInvalid={errorsOf('cron').length > 0}
              error={errorsOf('cron')}
            >
              <EuiFieldText
                data-test-subj="scheduleCron"
                placeholder="0 3 * * *"
                value={cron}
                onChange={(event) => setCron(event.target.value)}
              />
            </EuiFormRow>
          </EuiFlexItem>
        ) : null}
        <EuiFlexItem grow={false}>
          <EuiFormRow hasEmptyLabelSpace>
            <EuiButton onClick={create} isLoading={saving} data-test-subj="addSchedule">
              Add schedule
            </EuiButton>
          </EuiFormRow>
        </EuiFlexItem>
      </EuiFlexGroup>
      {failure && failure.fields.length === 0 ? (
        <EuiCallOut
          color="danger"
          size="s"
          title={failure.message}
          data-test-subj="scheduleError"
        />
      ) : null}
    </EuiPanel>
  );
}
