import React, { useState } from 'react';
import { EuiSpacer } from '@elastic/eui';
import { PaymentHistogram } from '../../components/charts/payment_histogram';
import { PeriodChart } from '../../components/charts/period_chart';
import { DashboardPage } from '../../components/dashboard_page';
import { formatAmount, formatNumber } from '../../components/format';
import {
  OptionSwitch,
  PERIOD_KIND,
  PERIOD_OPTIONS,
  type ReportPeriod,
} from '../../components/option_switch';
import { PanelGap, PanelGrid } from '../../components/panel_grid';
import { ReportPanel } from '../../components/report_panel';
import { useReport, type ReportState } from '../../hooks/use_report';
import type { HourCountRow, PeriodCountRow } from '../../../common/reports/stats';

export function StatsApp(): JSX.Element {
  return (
    <DashboardPage
      title="Stats"
      description="Orders per day, week, month and hour of day; how active the average customer is each week; what orders are worth."
    >
      {(dimension) => <StatsPanels dimension={dimension} />}
    </DashboardPage>
  );
}

function StatsPanels({ dimension }: { dimension: string }): JSX.Element {
  const sessionsPerCustomer = useReport('stats/sessions_per_customer_weekly', dimension);
  const ordersPerCustomer = useReport('stats/orders_per_customer_weekly', dimension);
  const payments = useReport('stats/payment_distribution', dimension);
  const meanPayment = useReport('stats/payment_mean_weekly', dimension);
  const ordersReady = ordersPerCustomer.status === 'ready' ? ordersPerCustomer.report.data : [];
  return (
    <>
      <OrdersPerPeriodPanel dimension={dimension} />
      <PanelGap />
      <PanelGrid>
        <ReportPanel
          title="Weekly activity per customer"
          description="Mean sessions per active customer and mean orders per purchasing customer, per week"
          state={sessionsPerCustomer}
          chartId="stats.per_customer_weekly"
          timeAxis
          data-test-subj="perCustomerPanel"
        >
          {(report) => (
            <PeriodChart
              period="week"
              kind="line"
              series={[
                {
                  id: 'sessions',
                  name: 'Sessions per active customer',
                  points: report.data.map((row) => ({ period: row.period, value: row.mean })),
                },
                {
                  id: 'orders',
                  name: 'Orders per buying customer',
                  points: ordersReady.map((row) => ({ period: row.period, value: row.mean })),
                },
              ]}
              yTitle="Mean per customer"
              yFormat={(value) => formatNumber(value, 2)}
              ariaLabel="Weekly mean sessions and orders per customer"
              testSubj="perCustomerChart"
            />
          )}
        </ReportPanel>
        <ReportPanel
          title="Weekly mean payment"
          description="Mean amount per order, per week"
          state={meanPayment}
          chartId="stats.payment_mean_weekly"
          timeAxis
          data-test-subj="meanPaymentPanel"
        >
          {(report) => (
            <PeriodChart
              period="week"
              kind="line"
              series={[
                {
                  id: 'mean_payment',
                  name: 'Mean payment',
                  points: report.data.map((row) => ({
                    period: row.period,
                    value: row.mean_payment,
                  })),
                },
              ]}
              yTitle="Mean amount per order"
              yFormat={formatAmount}
              ariaLabel="Weekly mean payment amount per order"
              testSubj="meanPaymentChart"
            />
          )}
        </ReportPanel>
      </PanelGrid>
      <ReportPanel
        title="Payment distribution"
        description="Orders per amount range (20 equal-width bins)"
        state={payments}
        chartId="stats.payment_distribution"
        data-test-subj="statsPaymentsPanel"
      >
        {(report) => <PaymentHistogram rows={report.data} testSubj="statsPaymentsChart" />}
      </ReportPanel>
    </>
  );
}

const ORDERS_TEXT: Record<ReportPeriod, string> = {
  daily: 'Orders per day',
  weekly: 'Orders per week (Monday to Sunday)',
  monthly: 'Orders per calendar month',
  hourly: 'Mean orders in each hour of day, over every day in range',
};

/** Every period loads up front, so the switch answers at once. */
function OrdersPerPeriodPanel({ dimension }: { dimension: string }): JSX.Element {
  const [period, setPeriod] = useState<ReportPeriod>('daily');
  const states: Record<ReportPeriod, ReportState<PeriodCountRow | HourCountRow>> = {
    daily: useReport('stats/orders_daily', dimension),
    weekly: useReport('stats/orders_weekly', dimension),
    monthly: useReport('stats/orders_monthly', dimension),
    hourly: useReport('stats/orders_hourly', dimension),
  };
  const hourly = period === 'hourly';
  return (
    <ReportPanel
      title="Orders per period"
      description={ORDERS_TEXT[period]}
      state={states[period]}
      chartId={`stats.orders_${period}`}
      timeAxis={period === 'daily' || period === 'weekly'}
      data-test-subj="ordersPerPeriodPanel"
    >
      {(report) => (
        <>
          <OptionSwitch
            legend="Period"
            options={PERIOD_OPTIONS}
            selected={period}
            onChange={setPeriod}
            testSubj="ordersPeriod"
          />
          <EuiSpacer size="s" />
          <PeriodChart
            period={PERIOD_KIND[period]}
            kind="bar"
            series={[
              {
                id: 'orders',
                name: hourly ? 'Mean orders' : 'Orders',
                points: report.data.map((row) => ({
                  period: 'hour' in row ? row.hour : row.period,
                  value: row.orders,
                })),
              },
            ]}
            yTitle={hourly ? 'Mean orders per hour' : 'Orders'}
            yFormat={(value) => formatNumber(value, hourly ? 2 : 0)}
            ariaLabel={ORDERS_TEXT[period]}
            testSubj="ordersPerPeriodChart"
            height={300}
          />
        </>
      )}
    </ReportPanel>
  );
}
