import React from 'react';
import { EuiSelect } from '@elastic/eui';
import { ALL_DIMENSIONS } from '../../common/documents';

interface DimensionFilterProps {
  dimensions: string[];
  selected: string;
  loading: boolean;
  onChange: (dimension: string) => void;
}

/** Picks the dimension every report on the page is shown for; `all` means every session. */
export function DimensionFilter({
  dimensions,
  selected,
  loading,
  onChange,
}: DimensionFilterProps): JSX.Element {
  // A value from the URL stays selectable while the list loads or after data changed.
  const values = dimensions.includes(selected) ? dimensions : [...dimensions, selected];
  return (
    <EuiSelect
      prepend="Dimension"
      aria-label="Dimension"
      compressed
      isLoading={loading}
      value={selected}
      options={values.map((value) => ({
        value,
        text: value === ALL_DIMENSIONS ? 'All dimensions' : value,
      }))}
      onChange={(event) => onChange(event.target.value)}
      data-test-subj="dimensionFilter"
    />
  );
}
