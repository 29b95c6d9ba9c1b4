import React from 'react';
import { EuiComboBox, EuiFormRow, type EuiComboBoxOptionOption } from '@elastic/eui';
import type { ConnectionRole } from '../../../common/admin_api';
import type { ActionEntry } from './connection_model';

const HELP: Record<ConnectionRole, string> = {
  sessions: 'Boolean columns in funnel order, between has_sessions and purchased (e.g. has_basket)',
  customers: 'Dated columns in funnel order, after the download (e.g. first_login)',
  products: '',
};

const label = (action: ActionEntry) =>
  action.column === action.name ? action.name : `${action.name} (column ${action.column})`;

/** The role's action list: names typed in funnel order, each read from the column of its name. */
export function ActionList({
  role,
  actions,
  errors,
  onChange,
}: {
  role: ConnectionRole;
  actions: ActionEntry[];
  errors: string[];
  onChange: (actions: ActionEntry[]) => void;
}): JSX.Element {
  const selected: EuiComboBoxOptionOption<ActionEntry>[] = actions.map((action) => ({
    label: label(action),
    value: action,
  }));
  return (
    <EuiFormRow
      label="Actions"
      helpText={HELP[role]}
      isInvalid={errors.length > 0}
      error={errors}
      fullWidth
    >
      <EuiComboBox<ActionEntry>
        data-test-subj="actionList"
        fullWidth
        noSuggestions
        placeholder="Type an action name and press Enter"
        selectedOptions={selected}
        onCreateOption={(name) => {
          const trimmed = name.trim();
          if (trimmed === '' || actions.some((action) => action.name === trimmed)) return false;
          onChange([...actions, { name: trimmed, column: trimmed }]);
        }}
        onChange={(options) => onChange(options.flatMap((option) => option.value ?? []))}
        isInvalid={errors.length > 0}
      />
    </EuiFormRow>
  );
}
