import React, { type ReactNode } from 'react';
import {
  EuiCallOut,
  EuiLoadingChart,
  EuiFlexGroup,
  EuiPageTemplate,
  EuiSpacer,
} from '@elastic/eui';
import { useDimensionParam } from '../hooks/use_dimension_param';
import { useDimensions } from '../hooks/use_dimensions';
import {
  dimensionOptions,
  resolveDimension,
  unknownDimensionTitle,
} from '../hooks/resolve_dimension';
import { SelectedDimensionContext } from '../hooks/selected_dimension';
import { HeaderSearch } from '../apps/search/header_search';
import { DimensionFilter } from './dimension_filter';

interface DashboardPageProps {
  title: string;
  description: string;
  /** Receives the dimension to show: the URL's, once known to exist, else `all`. */
  children: (dimension: string) => ReactNode;
}

/**
 * Every dashboard: a header with its title and the dimension filter, then its panels. A URL
 * naming a dimension the latest run lacks shows `all` under one callout, instead of every panel
 * failing on its own.
 */
export function DashboardPage({ title, description, children }: DashboardPageProps): JSX.Element {
  const [requested, setDimension] = useDimensionParam();
  const dimensionsState = useDimensions();
  const resolved = resolveDimension(requested, dimensionsState);
  const selected = resolved.status === 'resolved' ? resolved.dimension : requested;
  return (
    <EuiPageTemplate restrictWidth={1400} panelled={false} offset={0} grow>
      <EuiPageTemplate.Header
        pageTitle={title}
        description={description}
        rightSideItems={[
          <DimensionFilter
            key="dimension"
            dimensions={dimensionOptions(dimensionsState, selected)}
            selected={selected}
            loading={dimensionsState.loading}
            onChange={setDimension}
          />,
          <HeaderSearch key="search" />,
        ]}
      />
      <EuiPageTemplate.Section>
        {resolved.status === 'checking' ? (
          <EuiFlexGroup justifyContent="center" data-test-subj="dimensionChecking">
            <EuiLoadingChart size="xl" />
          </EuiFlexGroup>
        ) : (
          <SelectedDimensionContext.Provider value={resolved.dimension}>
            {resolved.unknown !== null ? (
              <>
                <EuiCallOut
                  title={unknownDimensionTitle(resolved.unknown)}
                  color="warning"
                  iconType="warning"
                  size="s"
                  data-test-subj="unknownDimensionCallout"
                />
                <EuiSpacer size="m" />
              </>
            ) : null}
            {children(resolved.dimension)}
          </SelectedDimensionContext.Provider>
        )}
      </EuiPageTemplate.Section>
    </EuiPageTemplate>
  );
}
