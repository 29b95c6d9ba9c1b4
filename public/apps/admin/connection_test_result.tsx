import React from 'react';
import {
  EuiBadge,
  EuiBasicTable,
  EuiCallOut,
  EuiFlexGroup,
  EuiFlexItem,
  EuiHealth,
  EuiSpacer,
  EuiText,
  EuiTitle,
} from '@elastic/eui';
import type { ConnectionTest } from '../../../common/admin_api';

type FieldCheck = ConnectionTest['fields'][number];

/** What a test found: the source's columns, each field's column and whether it is there, 5 rows. */
export function ConnectionTestResult({ test }: { test: ConnectionTest }): JSX.Element {
  const sampleColumns = test.columns.length > 0 ? test.columns : Object.keys(test.sample[0] ?? {});
  return (
    <div data-test-subj="connectionTestResult" data-ok={test.ok}>
      <EuiSpacer size="m" />
      <EuiCallOut
        size="s"
        color={test.ok ? 'success' : 'warning'}
        iconType={test.ok ? 'check' : 'warning'}
        title={
          test.ok
            ? `${test.source}: the mapping matches`
            : `${test.source}: the mapping does not match`
        }
      >
        {test.problems.length > 0 ? (
          <ul data-test-subj="connectionProblems">
            {test.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        ) : null}
      </EuiCallOut>
      <EuiSpacer size="s" />
      <EuiText size="xs">
        <strong>Columns found:</strong>
      </EuiText>
      <EuiFlexGroup wrap gutterSize="xs" responsive={false} data-test-subj="connectionColumns">
        {test.columns.map((column) => (
          <EuiFlexItem grow={false} key={column}>
            <EuiBadge color="hollow">{column}</EuiBadge>
          </EuiFlexItem>
        ))}
      </EuiFlexGroup>
      <EuiSpacer size="s" />
      <EuiBasicTable<FieldCheck>
        tableCaption="Mapping check"
        compressed
        items={test.fields}
        columns={[
          { field: 'field', name: 'Field' },
          { field: 'column', name: 'Column', render: (column: string | null) => column ?? '—' },
          {
            field: 'required',
            name: 'Required',
            render: (required: boolean) => (required ? 'yes' : 'no'),
          },
          {
            field: 'found',
            name: 'Found',
            render: (found: boolean, check: FieldCheck) =>
              check.column === null ? (
                <EuiHealth color="subdued">not mapped</EuiHealth>
              ) : (
                <EuiHealth color={found ? 'success' : 'danger'}>
                  {found ? 'found' : 'missing'}
                </EuiHealth>
              ),
          },
        ]}
      />
      <EuiSpacer size="s" />
      <EuiTitle size="xxs">
        <h5>Sample ({test.sample.length} rows)</h5>
      </EuiTitle>
      <div style={{ overflowX: 'auto' }}>
        <EuiBasicTable<Record<string, string | number | boolean | null>>
          tableCaption="Sample rows"
          data-test-subj="connectionSample"
          compressed
          items={test.sample}
          columns={sampleColumns.map((column) => ({
            field: column,
            name: column,
            render: (value: unknown) =>
              value === null || value === undefined ? '' : String(value),
          }))}
        />
      </div>
    </div>
  );
}
