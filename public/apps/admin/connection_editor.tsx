import React, { useState } from 'react';
import {
  EuiButton,
  EuiButtonEmpty,
  EuiCallOut,
  EuiFieldNumber,
  EuiFieldPassword,
  EuiFieldText,
  EuiFlexGroup,
  EuiFlexItem,
  EuiForm,
  EuiFormRow,
  EuiSelect,
  EuiSpacer,
  EuiTitle,
} from '@elastic/eui';
import type { Connection, ConnectionRole, ConnectionTest } from '../../../common/admin_api';
import type { SourceType } from '../../../common/source_mapping';
import { describeAdminError, type AdminFailure } from '../../services/admin_api_client';
import { useServices } from '../../services/context';
import { ActionList } from './action_list';
import {
  ROLE_HAS_ACTIONS,
  SOURCE_FIELDS,
  SOURCE_TYPES,
  columnFields,
  draftFromMapping,
  emptyDraft,
  mappingFromDraft,
  type ConnectionDraft,
} from './connection_model';
import { ConnectionTestResult } from './connection_test_result';

type Busy = 'idle' | 'testing' | 'saving' | 'deleting';

/** One data connection: its source, column mapping and actions; test, save, remove. */
export function ConnectionEditor({
  role,
  stored,
  onChanged,
}: {
  role: ConnectionRole;
  stored: Connection | null;
  onChanged: () => void;
}): JSX.Element {
  const { api, notifications } = useServices();
  const [draft, setDraft] = useState<ConnectionDraft>(() =>
    stored ? draftFromMapping(stored.mapping) : emptyDraft(),
  );
  const [busy, setBusy] = useState<Busy>('idle');
  const [failure, setFailure] = useState<AdminFailure | null>(null);
  const [test, setTest] = useState<ConnectionTest | null>(null);

  const attempt = async (kind: Busy, action: () => Promise<void>) => {
    setBusy(kind);
    setFailure(null);
    try {
      await action();
    } catch (error) {
      setFailure(describeAdminError(error));
    } finally {
      setBusy('idle');
    }
  };
  const runTest = () =>
    attempt('testing', async () => {
      setTest(null);
      setTest(await api.admin.testConnection(role, mappingFromDraft(role, draft)));
    });
  const save = () =>
    attempt('saving', async () => {
      await api.admin.putConnection(role, mappingFromDraft(role, draft));
      notifications.toasts.addSuccess(`The ${role} connection is saved`);
      onChanged();
    });
  const remove = () =>
    attempt('deleting', async () => {
      await api.admin.deleteConnection(role);
      setDraft(emptyDraft());
      setTest(null);
      onChanged();
    });
  // The sidecar names fields from the request body (`body.source.path`, `body.actions.1`).
  const fieldError = (path: string) =>
    failure?.fields
      .filter((field) => `${field.path.replace(/^body\./, '')}.`.startsWith(`${path}.`))
      .map((field) => field.message) ?? [];
  const setSource = (key: string, value: string) =>
    setDraft({ ...draft, source: { ...draft.source, [key]: value } });
  const setColumn = (field: string, value: string) =>
    setDraft({ ...draft, columns: { ...draft.columns, [field]: value } });

  return (
    <EuiForm component="div" data-test-subj={`connection-${role}`}>
      <EuiFormRow label="Source type">
        <EuiSelect
          data-test-subj="sourceType"
          options={SOURCE_TYPES.map((type) => ({ value: type, text: type }))}
          value={draft.type}
          onChange={(event) =>
            setDraft({ ...draft, type: event.target.value as SourceType, source: {} })
          }
        />
      </EuiFormRow>
      {SOURCE_FIELDS[draft.type].map((field) => {
        const errors = fieldError(`source.${field.key}`);
        const props = {
          value: draft.source[field.key] ?? '',
          isInvalid: errors.length > 0,
          'data-test-subj': `source-${field.key}`,
        };
        return (
          <EuiFormRow
            key={field.key}
            label={field.label}
            helpText={field.help}
            isInvalid={errors.length > 0}
            error={errors}
          >
            {field.kind === 'password' ? (
              <EuiFieldPassword
                {...props}
                type="dual"
                onChange={(event) => setSource(field.key, event.target.value)}
              />
            ) : field.kind === 'number' ? (
              <EuiFieldNumber
                {...props}
                onChange={(event) => setSource(field.key, event.target.value)}
              />
            ) : (
              <EuiFieldText
                {...props}
                onChange={(event) => setSource(field.key, event.target.value)}
              />
            )}
          </EuiFormRow>
        );
      })}
      <EuiSpacer size="m" />
      <EuiTitle size="xxs">
        <h4>Columns</h4>
      </EuiTitle>
      <EuiFlexGroup wrap gutterSize="m">
        {columnFields(role).map(({ field, required }) => {
          const errors = fieldError(`columns.${field}`);
          return (
            <EuiFlexItem key={field} style={{ minWidth: 200 }}>
              <EuiFormRow
                label={`${field}${required ? ' (required)' : ' (optional)'}`}
                isInvalid={errors.length > 0}
                error={errors}
              >
                <EuiFieldText
                  compressed
                  data-test-subj={`column-${field}`}
                  placeholder={required ? field : 'not mapped'}
                  value={draft.columns[field] ?? ''}
                  onChange={(event) => setColumn(field, event.target.value)}
                />
              </EuiFormRow>
            </EuiFlexItem>
          );
        })}
      </EuiFlexGroup>
      {ROLE_HAS_ACTIONS[role] ? (
        <ActionList
          role={role}
          actions={draft.actions}
          errors={fieldError('actions')}
          onChange={(actions) => setDraft({ ...draft, actions })}
        />
      ) : null}
      {failure ? (
        <>
          <EuiSpacer size="m" />
          <EuiCallOut
            color="danger"
            iconType="error"
            title={failure.message}
            size="s"
            data-test-subj="connectionError"
          >
            {failure.fields.length > 0 ? (
              <ul>
                {failure.fields.map((field) => (
                  <li key={`${field.path}:${field.message}`}>
                    {field.path}: {field.message}
                  </li>
                ))}
              </ul>
            ) : null}
          </EuiCallOut>
        </>
      ) : null}
      <EuiSpacer size="m" />
      <EuiFlexGroup gutterSize="s" responsive={false}>
        <EuiFlexItem grow={false}>
          <EuiButton
            size="s"
            onClick={runTest}
            isLoading={busy === 'testing'}
            isDisabled={busy !== 'idle'}
            data-test-subj="testConnection"
          >
            Test
          </EuiButton>
        </EuiFlexItem>
        <EuiFlexItem grow={false}>
          <EuiButton
            size="s"
            fill
            onClick={save}
            isLoading={busy === 'saving'}
            isDisabled={busy !== 'idle'}
            data-test-subj="saveConnection"
          >
            Save
          </EuiButton>
        </EuiFlexItem>
        {stored ? (
          <EuiFlexItem grow={false}>
            <EuiButtonEmpty
              size="s"
              color="danger"
              onClick={remove}
              isLoading={busy === 'deleting'}
              isDisabled={busy !== 'idle'}
            >
              Remove
            </EuiButtonEmpty>
          </EuiFlexItem>
        ) : null}
      </EuiFlexGroup>
      {test ? <ConnectionTestResult test={test} /> : null}
    </EuiForm>
  );
}
