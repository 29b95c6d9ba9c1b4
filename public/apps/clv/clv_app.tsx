import React from 'react';
import { EuiText } from '@elastic/eui';
import { DashboardPage } from '../../components/dashboard_page';
import { formatNumber } from '../../components/format';
import { PanelGap, PanelGrid } from '../../components/panel_grid';
import { ReportPanel } from '../../components/report_panel';
import { useReport } from '../../hooks/use_report';
import { DailyRevenueChart, PAliveHistogram, SegmentRevenueChart } from './clv_charts';
import { BacktestTable, SummaryHeadline, TopCustomersTable } from './clv_tables';
import {
  FORECASTS_SHOWN,
  backtestLines,
  forecastLines,
  latestSummary,
  segmentsByPrediction,
} from './clv_view';

export function ClvApp(): JSX.Element {
  return (
    <DashboardPage
      title="Customer value (CLV)"
      description="Six-month revenue predicted per customer and for newcomers, with the backtest that shows how well each model would have predicted the last 6 months against a naive baseline."
    >
      {(dimension) => <ClvPanels dimension={dimension} />}
    </DashboardPage>
  );
}

function ClvPanels({ dimension }: { dimension: string }): JSX.Element {
  const summary = useReport('clv/summary', dimension);
  const backtest = useReport('clv/backtest', dimension);
  const daily = useReport('clv/daily', dimension);
  const segments = useReport('clv/segments', dimension);
  const top = useReport('clv/top_customers', dimension);
  const pAlive = useReport('clv/p_alive', dimension);
  return (
    <>
      <ReportPanel
        title="Six-month revenue prediction"
        description="Known customers' predicted spend plus newcomers', from the newest refresh"
        state={summary}
        data-test-subj="clvSummaryPanel"
      >
        {(report) => <SummaryHeadline row={latestSummary(report.data)!} />}
      </ReportPanel>
      <PanelGap />
      <ReportPanel
        title="Backtest: models vs the naive baseline"
        description="Fitted on data up to 6 months ago, scored on what customers spent since"
        state={backtest}
        data-test-subj="clvBacktestPanel"
      >
        {(report) => <BacktestTable rows={report.data} params={report.params} />}
      </ReportPanel>
      <PanelGap />
      <ReportPanel
        title="Backtest horizon: actual vs predicted revenue per day"
        description="The 6 months after the backtest's cutoff; the chosen method drawn thicker, naive dashed"
        state={daily}
        chartId="clv.backtest_daily"
        timeAxis
        data-test-subj="clvBacktestDailyPanel"
      >
        {(report) => (
          <DailyRevenueChart
            lines={backtestLines(report.data)}
            ariaLabel="Actual and predicted revenue per day over the backtest horizon"
            testSubj="clvBacktestDaily"
          />
        )}
      </ReportPanel>
      <PanelGap />
      <ReportPanel
        title="Forecasts: predicted revenue per day by refresh"
        description="Each weekly refresh's 6-month forecast as its own line, the newest thicker; actual where known"
        state={daily}
        chartId="clv.forecast_daily"
        timeAxis
        data-test-subj="clvForecastDailyPanel"
      >
        {(report) => <ForecastChart rows={report.data} />}
      </ReportPanel>
      <PanelGap />
      <PanelGrid>
        <ReportPanel
          title="Predicted revenue by segment"
          description="Next 6 months predicted vs the last 6 months spent, per RFM segment"
          state={segments}
          chartId="clv.segments"
          data-test-subj="clvSegmentsPanel"
        >
          {(report) => <SegmentRevenueChart rows={segmentsByPrediction(report.data)} />}
        </ReportPanel>
        <ReportPanel
          title="P(alive) distribution"
          description="Customers by the BG/NBD probability that they still buy (bins of 0.05)"
          state={pAlive}
          chartId="clv.p_alive"
          data-test-subj="clvPAlivePanel"
        >
          {(report) => <PAliveHistogram rows={report.data} />}
        </ReportPanel>
      </PanelGrid>
      <ReportPanel
        title="Top customers by predicted value"
        description="The 100 customers expected to spend most over the next 6 months"
        state={top}
        data-test-subj="clvTopCustomersPanel"
      >
        {(report) => <TopCustomersTable rows={report.data} />}
      </ReportPanel>
    </>
  );
}

function ForecastChart({ rows }: { rows: Parameters<typeof forecastLines>[0] }): JSX.Element {
  const { lines, hidden } = forecastLines(rows);
  if (lines.length === 0) {
    return (
      <EuiText size="s" color="subdued" data-test-subj="clvForecastDaily-none">
        <p>This refresh stored no forward forecast.</p>
      </EuiText>
    );
  }
  return (
    <>
      <DailyRevenueChart
        lines={lines}
        ariaLabel="Predicted revenue per day of each refresh, and actual revenue"
        testSubj="clvForecastDaily"
      />
      {hidden > 0 ? (
        <EuiText size="xs" color="subdued" data-test-subj="clvForecastDaily-hidden">
          <p>
            The newest {FORECASTS_SHOWN} refreshes are drawn; {formatNumber(hidden)} older{' '}
            {hidden === 1 ? 'one is' : 'ones are'} left out.
          </p>
        </EuiText>
      ) : null}
    </>
  );
}
