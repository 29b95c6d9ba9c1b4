import React, { type ReactNode } from 'react';
import { EuiPageTemplate } from '@elastic/eui';
import { useDimensionParam } from '../hooks/use_dimension_param';
import { useDimensions } from '../hooks/use_dimensions';
import { DimensionFilter } from './dimension_filter';

interface DashboardPageProps {
  title: string;
  description: string;
  /** Receives the dimension selected in the URL. */
  children: (dimension: string) => ReactNode;
}

/** Every dashboard: a header with its title and the dimension filter, then its panels. */
export function DashboardPage({ title, description, children }: DashboardPageProps): JSX.Element {
  const [dimension, setDimension] = useDimensionParam();
  const { dimensions, loading } = useDimensions();
  return (
    <EuiPageTemplate restrictWidth={1400} panelled={false} offset={0} grow>
      <EuiPageTemplate.Header
        pageTitle={title}
        description={description}
        rightSideItems={[
          <DimensionFilter
            key="dimension"
            dimensions={dimensions}
            selected={dimension}
            loading={loading}
            onChange={setDimension}
          />,
        ]}
      />
      <EuiPageTemplate.Section>{children(dimension)}</EuiPageTemplate.Section>
    </EuiPageTemplate>
  );
}
