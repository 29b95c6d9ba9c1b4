import React from 'react';
import { EuiSelect } from '@elastic/eui';
import { ALL_DIMENSIONS } from '../../common/documents';

interface DimensionFilterProps {
  /** The choices, exactly: a value the list lacks is never added here. */
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
  return (
    <EuiSelect
      prepend="Dimension"
      aria-label="Dimension"
      compressed
      isLoading={loading}
      value={selected}
      options={dimensions.map((value) => ({
        value,
        text: value === ALL_DIMENSIONS ? 'All dimensions' : value,
      }))}
      onChange={(event) => onChange(event.target.value)}
      data-test-subj="dimensionFilter"
    />
  );
}
