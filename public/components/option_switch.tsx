import React from 'react';
import { EuiButtonGroup } from '@elastic/eui';

export interface SwitchOption<Value extends string> {
  id: Value;
  label: string;
}

/** A single-choice button group (period, counts vs %), with a stable test subject per option. */
export function OptionSwitch<Value extends string>({
  legend,
  options,
  selected,
  onChange,
  testSubj,
}: {
  legend: string;
  options: ReadonlyArray<SwitchOption<Value>>;
  selected: Value;
  onChange: (value: Value) => void;
  testSubj: string;
}): JSX.Element {
  return (
    <EuiButtonGroup
      legend={legend}
      buttonSize="compressed"
      options={options.map((option) => ({
        id: `${testSubj}-${option.id}`,
        label: option.label,
        'data-test-subj': `${testSubj}-${option.id}`,
      }))}
      idSelected={`${testSubj}-${selected}`}
      onChange={(id) => onChange(id.slice(testSubj.length + 1) as Value)}
      data-test-subj={testSubj}
    />
  );
}

export type ReportPeriod = 'daily' | 'weekly' | 'monthly' | 'hourly';

export const PERIOD_OPTIONS: ReadonlyArray<SwitchOption<ReportPeriod>> = [
  { id: 'daily', label: 'Daily' },
  { id: 'weekly', label: 'Weekly' },
  { id: 'monthly', label: 'Monthly' },
  { id: 'hourly', label: 'Hour of day' },
];

/** The chart period kind of each report period. */
export const PERIOD_KIND = {
  daily: 'day',
  weekly: 'week',
  monthly: 'month',
  hourly: 'hour',
} as const;
