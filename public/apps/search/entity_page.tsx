import React, { useState } from 'react';
import {
  EuiBadge,
  EuiCallOut,
  EuiFlexGroup,
  EuiFlexItem,
  EuiLink,
  EuiLoadingChart,
  EuiSpacer,
  EuiTitle,
} from '@elastic/eui';
import { useHistory } from 'react-router-dom';
import type { EntityResponse, SearchType } from '../../../common/search';
import { DashboardPage } from '../../components/dashboard_page';
import { PanelGrid } from '../../components/panel_grid';
import {
  EntityChartPanel,
  EntityKpis,
  OrderHistory,
  ProfileList,
  StageCallout,
} from './entity_sections';
import { TYPE_COLORS, TYPE_LABELS } from './search_view';
import { useEntity } from './use_search';

/** One searched value's page: KPIs, its daily charts, and what the later stages know of it. */
export function EntityPage({ type, value }: { type: SearchType; value: string }): JSX.Element {
  return (
    <DashboardPage
      title={value}
      description={`${TYPE_LABELS[type]}: live from the orders, for the selected dimension.`}
    >
      {(dimension) => <EntityBody type={type} value={value} dimension={dimension} />}
    </DashboardPage>
  );
}

function EntityBody(props: { type: SearchType; value: string; dimension: string }): JSX.Element {
  const [page, setPage] = useState(0);
  const state = useEntity(props.type, props.value, props.dimension, page);
  const history = useHistory();
  const back = (
    <EuiLink onClick={() => history.push('/search')} data-test-subj="entityBackToSearch">
      Back to search
    </EuiLink>
  );
  if (state.status === 'loading') {
    return (
      <EuiFlexGroup justifyContent="center" data-test-subj="entityLoading">
        <EuiLoadingChart size="xl" />
      </EuiFlexGroup>
    );
  }
  if (state.status === 'error') {
    return (
      <EuiCallOut color="danger" title="This view could not load" data-test-subj="entityError">
        <p>{state.message}</p>
        {back}
      </EuiCallOut>
    );
  }
  const { entity } = state;
  return (
    <div data-test-subj="entityView">
      <EuiFlexGroup gutterSize="s" alignItems="center" responsive={false}>
        <EuiFlexItem grow={false}>
          <EuiBadge color={TYPE_COLORS[entity.type]}>{TYPE_LABELS[entity.type]}</EuiBadge>
        </EuiFlexItem>
        <EuiFlexItem grow={false}>{back}</EuiFlexItem>
      </EuiFlexGroup>
      <EuiSpacer size="m" />
      {!entity.found && (
        <>
          <EuiCallOut title="No orders" iconType="iInCircle" data-test-subj="entityNotFound">
            <p>
              No purchased session holds this {TYPE_LABELS[entity.type].toLowerCase()} in dimension
              “{entity.dimension}”.
            </p>
          </EuiCallOut>
          <EuiSpacer size="m" />
        </>
      )}
      <EntityKpis kpis={entity.kpis} />
      <EuiSpacer size="l" />
      <PanelGrid>
        {entity.charts.map((chart) => (
          <EntityChartPanel key={chart.id} chart={chart} />
        ))}
      </PanelGrid>
      <EuiSpacer size="l" />
      <StageSections entity={entity} onPage={setPage} />
    </div>
  );
}

function StageSections({
  entity,
  onPage,
}: {
  entity: EntityResponse;
  onPage: (page: number) => void;
}): JSX.Element {
  return (
    <>
      {entity.history && (
        <>
          <EuiTitle size="xs">
            <h3>Order history ({entity.history.total})</h3>
          </EuiTitle>
          <OrderHistory history={entity.history} onPage={onPage} />
          <EuiSpacer size="l" />
        </>
      )}
      {entity.profile && (
        <StageCallout title="RFM profile, segments and churn" section={entity.profile}>
          {(data) => <ProfileList data={{ ...data }} />}
        </StageCallout>
      )}
      {entity.clv && (
        <>
          <EuiSpacer size="m" />
          <StageCallout title="CLV prediction (6 months)" section={entity.clv}>
            {(data) => <ProfileList data={{ ...data }} />}
          </StageCallout>
        </>
      )}
      {entity.ab && (
        <StageCallout title="A/B before–after results" section={entity.ab}>
          {(rows) => (
            <>
              {rows.map((row, i) => (
                <ProfileList key={i} data={row} />
              ))}
            </>
          )}
        </StageCallout>
      )}
    </>
  );
}
