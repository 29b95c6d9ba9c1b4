import React, { useState } from 'react';
import { EuiFlexGroup, EuiFlexItem, EuiSpacer } from '@elastic/eui';
import { CohortTable } from '../../components/charts/cohort_panel_body';
import type { CohortMode } from '../../components/charts/cohort_view';
import { funnelSeries, funnelSteps } from '../../components/charts/funnel_view';
import { PaymentHistogram } from '../../components/charts/payment_histogram';
import { PeriodChart } from '../../components/charts/period_chart';
import { RankedBarChart } from '../../components/charts/ranked_bar_chart';
import { DashboardPage } from '../../components/dashboard_page';
import { formatNumber } from '../../components/format';
import { OptionSwitch } from '../../components/option_switch';
import { PanelGap, PanelGrid } from '../../components/panel_grid';
import { ReportPanel } from '../../components/report_panel';
import { useReport } from '../../hooks/use_report';

export function CustomersApp(): JSX.Element {
  return (
    <DashboardPage
      title="Customers"
      description="What customers pay, how often they order, how soon they buy after downloading, and how many arrive each day."
    >
      {(dimension) => <CustomersPanels dimension={dimension} />}
    </DashboardPage>
  );
}

function CustomersPanels({ dimension }: { dimension: string }): JSX.Element {
  const payments = useReport('stats/payment_distribution', dimension);
  const byOrderCount = useReport('stats/customers_by_order_count', dimension);
  const funnel = useReport('funnel/customer_daily', dimension);
  return (
    <>
      <PanelGrid>
        <ReportPanel
          title="Payment distribution"
          description="Orders per amount range (20 equal-width bins)"
          state={payments}
          chartId="customers.payment_distribution"
          data-test-subj="customersPaymentsPanel"
        >
          {(report) => <PaymentHistogram rows={report.data} testSubj="customersPaymentsChart" />}
        </ReportPanel>
        <ReportPanel
          title="Customers by order count"
          description="Customers with exactly 1, 2, 3, … orders"
          state={byOrderCount}
          chartId="customers.by_order_count"
          data-test-subj="customersByOrderCountPanel"
        >
          {(report) => (
            <RankedBarChart
              items={[...report.data]
                .sort((a, b) => a.order_count - b.order_count)
                .map((row) => ({
                  key: String(row.order_count),
                  label: String(row.order_count),
                  value: row.customers,
                }))}
              orientation="vertical"
              categoryTitle="Orders per customer"
              valueTitle="Customers"
              valueFormat={(value) => formatNumber(value)}
              ariaLabel="Customers by their number of orders"
              testSubj="customersByOrderCountChart"
            />
          )}
        </ReportPanel>
      </PanelGrid>
      <DownloadCohortPanel dimension={dimension} />
      <PanelGap />
      <ReportPanel
        title="Daily customer funnel"
        description="Customers whose download, sign-up, first session and first order fell on each day"
        state={funnel}
        chartId="customers.daily_funnel"
        timeAxis
        data-test-subj="customersFunnelPanel"
      >
        {(report) => (
          <PeriodChart
            period="day"
            kind="line"
            series={funnelSeries(report.data, funnelSteps(report.params, report.data))}
            yTitle="Customers"
            yFormat={(value) => formatNumber(value)}
            ariaLabel="Daily customer funnel"
            testSubj="customersFunnelChart"
            height={320}
          />
        )}
      </ReportPanel>
    </>
  );
}

/** Both granularities load up front, so the switch answers at once. */
function DownloadCohortPanel({ dimension }: { dimension: string }): JSX.Element {
  const [period, setPeriod] = useState<'day' | 'week'>('week');
  const [mode, setMode] = useState<CohortMode>('count');
  const daily = useReport('cohort/download_first_daily', dimension);
  const weekly = useReport('cohort/download_first_weekly', dimension);
  return (
    <ReportPanel
      title="Download → 1st order"
      description="Customers by the day or week they downloaded the app, and how long until their first order (row label: cohort size)"
      state={period === 'day' ? daily : weekly}
      chartId="customers.download_first_cohort"
      data-test-subj="customersCohortPanel"
    >
      {(report) => (
        <>
          <EuiFlexGroup gutterSize="m" responsive={false} wrap>
            <EuiFlexItem grow={false}>
              <OptionSwitch
                legend="Cohort granularity"
                options={[
                  { id: 'week', label: 'Weeks' },
                  { id: 'day', label: 'Days' },
                ]}
                selected={period}
                onChange={setPeriod}
                testSubj="customersCohortPeriod"
              />
            </EuiFlexItem>
            <EuiFlexItem grow={false}>
              <OptionSwitch
                legend="Cohort values"
                options={[
                  { id: 'count', label: 'Customers' },
                  { id: 'percent', label: '% of cohort' },
                ]}
                selected={mode}
                onChange={setMode}
                testSubj="customersCohortMode"
              />
            </EuiFlexItem>
          </EuiFlexGroup>
          <EuiSpacer size="s" />
          <CohortTable
            step="download_first"
            rows={report.data}
            mode={mode}
            period={period}
            testSubj="customersCohortChart"
          />
        </>
      )}
    </ReportPanel>
  );
}
