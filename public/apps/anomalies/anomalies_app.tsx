import React, { useMemo, useState } from 'react';
import { EuiFlexGroup, EuiFlexItem, EuiSpacer } from '@elastic/eui';
import { DashboardPage } from '../../components/dashboard_page';
import { formatNumber, formatSigned } from '../../components/format';
import { OptionSwitch } from '../../components/option_switch';
import { PanelGap, PanelGrid } from '../../components/panel_grid';
import { ReportPanel } from '../../components/report_panel';
import { useReport } from '../../hooks/use_report';
import { AnomalyTable } from './anomaly_table';
import { AnomalyTimeChart } from './anomaly_time_chart';
import type { AnomalyOrdersRow, AnomalyVectorRow } from '../../../common/reports/anomalies';
import { formatValue, ordersPoints, vectorPoints } from './anomaly_view';
import { RfmChart } from './rfm_chart';

export function AnomaliesApp(): JSX.Element {
  return (
    <DashboardPage
      title="Anomalies"
      description="Days, cohorts and segments that break from the usual pattern, scored 0–100 (over 50: anomalous, error above median + k × MAD), with the actual and typical values and what contributed most."
    >
      {(dimension) => <AnomalyPanels dimension={dimension} />}
    </DashboardPage>
  );
}

type OrdersView = 'pct' | 'orders';

function AnomalyPanels({ dimension }: { dimension: string }): JSX.Element {
  const [ordersView, setOrdersView] = useState<OrdersView>('pct');
  const funnel = useReport('anomalies/funnel', dimension);
  const cohort = useReport('anomalies/cohort', dimension);
  const orders = useReport('anomalies/orders', dimension);
  const rfm = useReport('anomalies/rfm', dimension);
  const list = useReport('anomalies/list', dimension);
  return (
    <>
      <ReportPanel
        title="Anomalies of the period"
        description="Every anomalous point of every series, highest score first; a date opens the Overview on that day"
        state={list}
        data-test-subj="anomaliesListPanel"
      >
        {(report) => <AnomalyTable rows={report.data} dimension={dimension} />}
      </ReportPanel>
      <PanelGap />
      <ReportPanel
        title="Daily orders vs typical"
        description="Against the mean of the same weekday over the previous 4 weeks; red dots: anomalous days (hover for score and influencer)"
        state={orders}
        chartId="anomalies.orders"
        timeAxis
        data-test-subj="anomaliesOrdersPanel"
      >
        {(report) => (
          <>
            <OptionSwitch
              legend="Orders view"
              options={[
                { id: 'pct', label: '% change vs typical' },
                { id: 'orders', label: 'Orders and typical' },
              ]}
              selected={ordersView}
              onChange={setOrdersView}
              testSubj="anomaliesOrdersView"
            />
            <EuiSpacer size="s" />
            <OrdersChart rows={report.data} view={ordersView} />
          </>
        )}
      </ReportPanel>
      <PanelGap />
      <PanelGrid>
        <ReportPanel
          title="Daily funnel anomalies"
          description="Reconstruction error of each day's funnel (action counts and ratios); red dots: anomalous days"
          state={funnel}
          chartId="anomalies.funnel"
          timeAxis
          data-test-subj="anomaliesFunnelPanel"
        >
          {(report) => (
            <VectorChart
              rows={report.data}
              ariaLabel="Daily funnel reconstruction error"
              testSubj="anomaliesFunnelChart"
            />
          )}
        </ReportPanel>
        <ReportPanel
          title="Cohort anomalies"
          description="Reconstruction error of each download day's conversion to a first order; red dots: anomalous cohorts"
          state={cohort}
          chartId="anomalies.cohort"
          timeAxis
          data-test-subj="anomaliesCohortPanel"
        >
          {(report) => (
            <VectorChart
              rows={report.data}
              ariaLabel="Cohort reconstruction error by download day"
              testSubj="anomaliesCohortChart"
            />
          )}
        </ReportPanel>
      </PanelGrid>
      <ReportPanel
        title="Predicted vs current by segment"
        description="Per customer: the last 6 months against the CLV prediction for the next 6; ⚠ marks an anomalous segment with its score"
        state={rfm}
        data-test-subj="anomaliesRfmPanel"
      >
        {(report) => (
          <EuiFlexGroup gutterSize="l" wrap>
            <EuiFlexItem style={{ minWidth: 320 }}>
              <RfmChart rows={report.data} metric="orders" />
            </EuiFlexItem>
            <EuiFlexItem style={{ minWidth: 320 }}>
              <RfmChart rows={report.data} metric="revenue" />
            </EuiFlexItem>
          </EuiFlexGroup>
        )}
      </ReportPanel>
    </>
  );
}

const formatPct = (value: number) => `${formatSigned(value, 1)}%`;
const formatOrders = (value: number) => formatNumber(value);

/*
 * The points are memoised on the report's rows (and the view), so a re-render of the page when
 * another report arrives passes the memoised chart the same props: see AnomalyTimeChart on why
 * an Elastic chart must not re-render with the same drawing.
 */
function OrdersChart({ rows, view }: { rows: AnomalyOrdersRow[]; view: OrdersView }) {
  const points = useMemo(() => ordersPoints(rows, view), [rows, view]);
  const title = view === 'pct' ? '% change vs typical' : 'Orders';
  return (
    <AnomalyTimeChart
      points={points}
      kind="bar"
      valueName={title}
      yTitle={title}
      yFormat={view === 'pct' ? formatPct : formatOrders}
      ariaLabel="Daily orders against the typical weekday"
      testSubj="anomaliesOrdersChart"
      height={300}
    />
  );
}

function VectorChart({
  rows,
  ariaLabel,
  testSubj,
}: {
  rows: AnomalyVectorRow[];
  ariaLabel: string;
  testSubj: string;
}) {
  const points = useMemo(() => vectorPoints(rows), [rows]);
  return (
    <AnomalyTimeChart
      points={points}
      kind="line"
      valueName="Reconstruction error"
      yTitle="Error"
      yFormat={formatValue}
      ariaLabel={ariaLabel}
      testSubj={testSubj}
    />
  );
}
