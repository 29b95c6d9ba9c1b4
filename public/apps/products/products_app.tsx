import React from 'react';
import { PeriodChart } from '../../components/charts/period_chart';
import { RankedBarChart } from '../../components/charts/ranked_bar_chart';
import { TopTermsChart } from '../../components/charts/top_terms_chart';
import { DashboardPage } from '../../components/dashboard_page';
import { formatAmount, formatNumber } from '../../components/format';
import { PanelGap, PanelGrid } from '../../components/panel_grid';
import { ReportPanel } from '../../components/report_panel';
import { useReport } from '../../hooks/use_report';

const TOP_PRODUCTS = 20;
const TOP_PAIRS = 15;

export function ProductsApp(): JSX.Element {
  return (
    <DashboardPage
      title="Products"
      description="What sells, what sells together, and the daily revenue of basket lines."
    >
      {(dimension) => <ProductsPanels dimension={dimension} />}
    </DashboardPage>
  );
}

function ProductsPanels({ dimension }: { dimension: string }): JSX.Element {
  const pairs = useReport('products/top_pairs', dimension);
  const products = useReport('products/top_products', dimension);
  const categories = useReport('products/top_categories', dimension);
  const revenue = useReport('products/daily_revenue', dimension);
  return (
    <>
      <ReportPanel
        title={`Top ${TOP_PAIRS} product pairs`}
        description="Orders containing both products"
        state={pairs}
        chartId="products.top_pairs"
        data-test-subj="topPairsPanel"
      >
        {(report) => (
          <RankedBarChart
            items={[...report.data]
              .sort((a, b) => a.rank - b.rank)
              .slice(0, TOP_PAIRS)
              .map((row) => ({
                key: `${row.first}|${row.second}`,
                label: `${row.first} + ${row.second}`,
                value: row.orders,
              }))}
            categoryTitle="Product pair"
            valueTitle="Orders with both"
            valueFormat={(value) => formatNumber(value)}
            ariaLabel="Most combined product pairs"
            testSubj="topPairsChart"
          />
        )}
      </ReportPanel>
      <PanelGap />
      <PanelGrid>
        <ReportPanel
          title={`Top ${TOP_PRODUCTS} products`}
          description="Orders containing the product"
          state={products}
          chartId="products.top_products"
          data-test-subj="productsTopProductsPanel"
        >
          {(report) => (
            <TopTermsChart
              rows={report.data.slice(0, TOP_PRODUCTS)}
              categoryTitle="Product"
              testSubj="productsTopProductsChart"
            />
          )}
        </ReportPanel>
        <ReportPanel
          title="Top categories"
          description="Orders containing a product of the category"
          state={categories}
          chartId="products.top_categories"
          data-test-subj="productsTopCategoriesPanel"
        >
          {(report) => (
            <TopTermsChart
              rows={report.data.slice(0, TOP_PRODUCTS)}
              categoryTitle="Category"
              testSubj="productsTopCategoriesChart"
            />
          )}
        </ReportPanel>
      </PanelGrid>
      <ReportPanel
        title="Daily product revenue"
        description="Sum of unit price × quantity of the basket lines ordered each day"
        state={revenue}
        chartId="products.daily_revenue"
        timeAxis
        data-test-subj="productRevenuePanel"
      >
        {(report) => (
          <PeriodChart
            period="day"
            kind="bar"
            series={[
              {
                id: 'revenue',
                name: 'Product revenue',
                points: report.data.map((row) => ({ period: row.period, value: row.revenue })),
              },
            ]}
            yTitle="Revenue"
            yFormat={formatAmount}
            ariaLabel="Daily product revenue"
            testSubj="productRevenueChart"
            height={300}
          />
        )}
      </ReportPanel>
    </>
  );
}
