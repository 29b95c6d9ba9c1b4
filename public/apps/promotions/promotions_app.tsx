import React from 'react';
import { PeriodChart } from '../../components/charts/period_chart';
import { DashboardPage } from '../../components/dashboard_page';
import { formatAmount, formatRatio } from '../../components/format';
import { PanelGap, PanelGrid } from '../../components/panel_grid';
import { ReportPanel } from '../../components/report_panel';
import { useReport } from '../../hooks/use_report';
import { PromotionKpiTable } from './promotion_kpi_table';
import { promotionSeries } from './promotion_series';

export function PromotionsApp(): JSX.Element {
  return (
    <DashboardPage
      title="Promotions"
      description="What each promotion brought in and gave away, and how much of each day's business came through a promotion."
    >
      {(dimension) => <PromotionsPanels dimension={dimension} />}
    </DashboardPage>
  );
}

function PromotionsPanels({ dimension }: { dimension: string }): JSX.Element {
  const kpis = useReport('promotions/kpis', dimension);
  const ratio = useReport('promotions/inorganic_ratio_daily', dimension);
  const daily = useReport('promotions/daily', dimension);
  return (
    <>
      <ReportPanel
        title="Promotion results"
        description="Per promotion, over its orders in the whole range"
        state={kpis}
        chartId="promotions.kpis"
        data-test-subj="promotionKpisPanel"
      >
        {(report) => <PromotionKpiTable rows={report.data} />}
      </ReportPanel>
      <PanelGap />
      <ReportPanel
        title="Daily inorganic ratio"
        description="Share of each day's orders that used a promotion"
        state={ratio}
        chartId="promotions.inorganic_ratio_daily"
        timeAxis
        data-test-subj="inorganicRatioPanel"
      >
        {(report) => (
          <PeriodChart
            period="day"
            kind="line"
            series={[
              {
                id: 'ratio',
                name: 'Orders with a promotion',
                points: report.data.map((row) => ({ period: row.period, value: row.ratio })),
              },
            ]}
            yTitle="Orders with a promotion"
            yFormat={(value) => formatRatio(value)}
            yTickFormat={(value) => formatRatio(value, 0)}
            yDomain={{ min: 0, max: 1 }}
            ariaLabel="Daily share of orders with a promotion"
            testSubj="inorganicRatioChart"
          />
        )}
      </ReportPanel>
      <PanelGap />
      <PanelGrid>
        <ReportPanel
          title="Revenue per day by promotion"
          description="Sum of payment amounts of the orders that used each promotion"
          state={daily}
          chartId="promotions.daily_revenue"
          timeAxis
          data-test-subj="promotionRevenuePanel"
        >
          {(report) => (
            <PeriodChart
              period="day"
              kind="bar"
              stacked
              series={promotionSeries(report.data, 'revenue')}
              yTitle="Revenue"
              yFormat={formatAmount}
              ariaLabel="Daily revenue per promotion"
              testSubj="promotionRevenueChart"
              height={320}
            />
          )}
        </ReportPanel>
        <ReportPanel
          title="Discount per day by promotion"
          description="Sum of discounts given on the orders that used each promotion"
          state={daily}
          chartId="promotions.daily_discount"
          timeAxis
          data-test-subj="promotionDiscountPanel"
        >
          {(report) => (
            <PeriodChart
              period="day"
              kind="bar"
              stacked
              series={promotionSeries(report.data, 'discount')}
              yTitle="Discount"
              yFormat={formatAmount}
              ariaLabel="Daily discount per promotion"
              testSubj="promotionDiscountChart"
              height={320}
            />
          )}
        </ReportPanel>
      </PanelGrid>
    </>
  );
}
