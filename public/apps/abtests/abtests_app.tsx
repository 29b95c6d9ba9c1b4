import React, { useState } from 'react';
import { EuiCallOut, EuiFlexGroup, EuiFlexItem, EuiSpacer } from '@elastic/eui';
import { AB_METRICS, type AbOutcome } from '../../../common/reports/abtests';
import { DashboardPage } from '../../components/dashboard_page';
import { OptionSwitch } from '../../components/option_switch';
import { PanelGap, PanelGrid } from '../../components/panel_grid';
import { ReportPanel } from '../../components/report_panel';
import { useReport, type ReportState } from '../../hooks/use_report';
import { DifferenceScatter, OriginalViewScatter, SignificantEffects } from './abtest_charts';
import { PairHeatmap, SegmentChange } from './pair_segment_charts';
import { EXPLANATION, METRIC_TITLES, type NamedOutcome } from './abtest_view';

type Entity = 'promotions' | 'products';

/** Promotion and product rows under one `name`, so the same charts draw either. */
function withNames<Row extends AbOutcome>(
  state: ReportState<Row>,
  name: (row: Row) => string,
): ReportState<NamedOutcome> {
  if (state.status !== 'ready') return state;
  const data = state.report.data.map((row) => ({ ...row, name: name(row) }));
  return { ...state, report: { ...state.report, data } };
}

export function AbTestsApp(): JSX.Element {
  return (
    <DashboardPage
      title="A/B tests"
      description="Before/after tests around each customer's first use of a promotion or product (7 days each side), promotion comparisons and segment change, with bootstrap intervals and Benjamini–Hochberg q-values."
    >
      {(dimension) => <AbTestPanels dimension={dimension} />}
    </DashboardPage>
  );
}

function AbTestPanels({ dimension }: { dimension: string }): JSX.Element {
  const [entity, setEntity] = useState<Entity>('promotions');
  const promotions = useReport('abtests/promotions', dimension);
  const products = useReport('abtests/products', dimension);
  const pairs = useReport('abtests/promotion_pairs', dimension);
  const segments = useReport('abtests/segment_change', dimension);
  const state =
    entity === 'promotions'
      ? withNames(promotions, (row) => row.promotion)
      : withNames(products, (row) => row.product);
  const label = entity === 'promotions' ? 'promotion' : 'product';
  return (
    <>
      <EuiCallOut
        size="s"
        title="Reading the results"
        iconType="iInCircle"
        data-test-subj="abtestsExplanation"
      >
        <p>{EXPLANATION}</p>
      </EuiCallOut>
      <EuiSpacer size="m" />
      <OptionSwitch
        legend="Tested items"
        options={[
          { id: 'promotions', label: 'Promotions' },
          { id: 'products', label: 'Products' },
        ]}
        selected={entity}
        onChange={setEntity}
        testSubj="abtestsEntity"
      />
      <EuiSpacer size="m" />
      <PanelGrid>
        <ReportPanel
          title="Original's view: reject ratio"
          description={`Share of 200 seeded bootstrap resamples in which the test rejects H0, against customers, per ${label} and metric`}
          state={state}
          chartId={`abtests.${entity}.original_view`}
          data-test-subj="abtestsOriginalViewPanel"
        >
          {(report) => <OriginalViewScatter rows={report.data} entity={entity} />}
        </ReportPanel>
        <ReportPanel
          title="Amount vs order-count difference"
          description={`Per ${label}: change in mean payment against change in orders per customer, after vs before first use`}
          state={state}
          chartId={`abtests.${entity}.differences`}
          data-test-subj="abtestsDifferencesPanel"
        >
          {(report) => <DifferenceScatter rows={report.data} entity={entity} />}
        </ReportPanel>
      </PanelGrid>
      <PanelGap />
      <ReportPanel
        title="Significant changes (q < 0.05)"
        description="Uplift with its 95 % bootstrap interval; at most 20 per chart, largest first"
        state={state}
        chartId={`abtests.${entity}.significant`}
        data-test-subj="abtestsSignificantPanel"
      >
        {(report) => (
          <EuiFlexGroup wrap gutterSize="l">
            {AB_METRICS.flatMap((metric) =>
              (['increase', 'decrease'] as const).map((direction) => (
                <EuiFlexItem
                  key={`${metric}-${direction}`}
                  style={{ minWidth: 420 }}
                  title={`${METRIC_TITLES[metric]}: ${direction}s`}
                >
                  <strong>{`${METRIC_TITLES[metric]}: ${direction}s`}</strong>
                  <SignificantEffects
                    rows={report.data}
                    entity={entity}
                    metric={metric}
                    direction={direction}
                  />
                </EuiFlexItem>
              )),
            )}
          </EuiFlexGroup>
        )}
      </ReportPanel>
      <PanelGap />
      <ReportPanel
        title="Promotion comparisons"
        description="Mean payment in the 7 days after first use: column minus row (Welch test); ★ = q < 0.05"
        state={pairs}
        chartId="abtests.pairs"
        data-test-subj="abtestsPairsPanel"
      >
        {(report) => <PairHeatmap rows={report.data} />}
      </ReportPanel>
      <PanelGap />
      <ReportPanel
        title="Segment change"
        description="Current day (vs the same weekday of the last 4 weeks), week and month (vs the 4 before) per k-means segment; customers whose segment changed are excluded; ★ = q < 0.05"
        state={segments}
        chartId="abtests.segment_change"
        data-test-subj="abtestsSegmentChangePanel"
      >
        {(report) => (
          <EuiFlexGroup wrap gutterSize="l">
            {AB_METRICS.map((metric) => (
              <EuiFlexItem key={metric} style={{ minWidth: 420 }}>
                <strong>{METRIC_TITLES[metric]}</strong>
                <SegmentChange rows={report.data} metric={metric} />
              </EuiFlexItem>
            ))}
          </EuiFlexGroup>
        )}
      </ReportPanel>
    </>
  );
}
