import React, { useMemo } from 'react';
import { EuiFlexGrid, EuiFlexItem, EuiSpacer } from '@elastic/eui';
import { DashboardPage } from '../../components/dashboard_page';
import { KpiRow } from '../../components/kpi_row';
import { ReportPanel } from '../../components/report_panel';
import { TopTermsChart } from '../../components/charts/top_terms_chart';
import { useReport } from '../../hooks/use_report';
import { anomalyMarkers, rowsAroundDay } from '../anomalies/anomaly_view';
import { ChurnPanel } from './churn_panel';
import { DailyOrdersChart } from './daily_orders_chart';
import { FOCUS_RADIUS_DAYS, FocusedDayCallout, useFocusedDay } from './focused_day';
import { JourneyPanel } from './journey_panel';

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

const TOP = 10;

function OverviewPanels({ dimension }: { dimension: string }): JSX.Element {
  const kpis = useReport('kpis/overall', dimension);
  const dailyOrders = useReport('stats/orders_daily', dimension);
  const anomalies = useReport('anomalies/list', dimension);
  const [focusDay, clearFocus] = useFocusedDay();
  // No anomalies report (not computed yet) only means no markers: the chart stays as it was.
  const markers = useMemo(
    () => (anomalies.status === 'ready' ? anomalyMarkers(anomalies.report.data) : []),
    [anomalies],
  );
  const journey = useReport('journey/average', dimension);
  const churn = useReport('churn/overall', dimension);
  const weeklyChurn = useReport('churn/weekly', dimension);
  const topProducts = useReport('products/top_products', dimension);
  const topCategories = useReport('products/top_categories', dimension);
  return (
    <>
      <ReportPanel
        title="Key figures"
        state={kpis}
        chartId="overview.kpis"
        data-test-subj="kpiPanel"
      >
        {(report) => <KpiRow rows={report.data} />}
      </ReportPanel>
      <EuiSpacer size="l" />
      <ReportPanel
        title="Daily orders"
        description="Purchased sessions per day; ⚠ marks a day with anomalies (hover for series, score and influencer)"
        state={dailyOrders}
        data-test-subj="dailyOrdersPanel"
        chartId="overview.daily_orders"
        dimension={dimension}
        timeAxis
      >
        {(report) =>
          focusDay ? (
            <>
              <FocusedDayCallout
                day={focusDay}
                inReport={report.data.some((row) => row.period === focusDay)}
                onClear={clearFocus}
              />
              <DailyOrdersChart
                rows={rowsAroundDay(report.data, focusDay, FOCUS_RADIUS_DAYS)}
                anomalies={markers}
                focusDay={focusDay}
              />
            </>
          ) : (
            <DailyOrdersChart rows={report.data} anomalies={markers} />
          )
        }
      </ReportPanel>
      <EuiSpacer size="l" />
      <ReportPanel
        title="Customer journey"
        description="Mean time from download to the first order, between orders and since the last; mean amount per order number"
        state={journey}
        chartId="overview.journey"
        data-test-subj="journeyPanel"
      >
        {(report) => <JourneyPanel rows={report.data} />}
      </ReportPanel>
      <EuiSpacer size="l" />
      <ReportPanel
        title="Churn"
        description="Customers silent for much longer than their usual gap between orders, now and at the end of each week"
        state={weeklyChurn}
        chartId="overview.churn"
        timeAxis
        data-test-subj="churnPanel"
      >
        {(report) => (
          <ChurnPanel
            overall={churn.status === 'ready' ? churn.report.data[0] : undefined}
            weekly={report.data}
            factor={typeof report.params.factor === 'number' ? report.params.factor : 2}
          />
        )}
      </ReportPanel>
      <EuiSpacer size="l" />
      <EuiFlexGrid columns={2} gutterSize="l">
        <EuiFlexItem>
          <ReportPanel
            title={`Top ${TOP} products`}
            description="Orders containing the product"
            state={topProducts}
            chartId="overview.top_products"
            data-test-subj="topProductsPanel"
          >
            {(report) => (
              <TopTermsChart
                rows={report.data.slice(0, TOP)}
                categoryTitle="Product"
                testSubj="topProductsChart"
              />
            )}
          </ReportPanel>
        </EuiFlexItem>
        <EuiFlexItem>
          <ReportPanel
            title={`Top ${TOP} categories`}
            description="Orders containing a product of the category"
            state={topCategories}
            chartId="overview.top_categories"
            data-test-subj="topCategoriesPanel"
          >
            {(report) => (
              <TopTermsChart
                rows={report.data.slice(0, TOP)}
                categoryTitle="Category"
                testSubj="topCategoriesChart"
              />
            )}
          </ReportPanel>
        </EuiFlexItem>
      </EuiFlexGrid>
    </>
  );
}
