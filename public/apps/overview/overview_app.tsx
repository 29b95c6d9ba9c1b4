import React from 'react';
import { EuiSpacer } from '@elastic/eui';
import { DashboardPage } from '../../components/dashboard_page';
import { KpiRow } from '../../components/kpi_row';
import { ReportPanel } from '../../components/report_panel';
import { useReport } from '../../hooks/use_report';
import { DailyOrdersChart } from './daily_orders_chart';

export function OverviewApp(): JSX.Element {
  return (
    <DashboardPage
      title="Overview"
      description="Orders, revenue, visitors and discount, and how the last 7 days compare with the 7 before."
    >
      {(dimension) => <OverviewPanels dimension={dimension} />}
    </DashboardPage>
  );
}

function OverviewPanels({ dimension }: { dimension: string }): JSX.Element {
  const kpis = useReport('kpis/overall', dimension);
  const dailyOrders = useReport('stats/orders_daily', dimension);
  return (
    <>
      <ReportPanel title="Key figures" state={kpis} data-test-subj="kpiPanel">
        {(report) => <KpiRow rows={report.data} />}
      </ReportPanel>
      <EuiSpacer size="l" />
      <ReportPanel
        title="Daily orders"
        description="Purchased sessions per day"
        state={dailyOrders}
        data-test-subj="dailyOrdersPanel"
      >
        {(report) => <DailyOrdersChart rows={report.data} />}
      </ReportPanel>
    </>
  );
}
