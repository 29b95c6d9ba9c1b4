import React, { useState } from 'react';
import { EuiFlexGroup, EuiFlexItem, EuiSpacer } from '@elastic/eui';
import { DashboardPage } from '../../components/dashboard_page';
import {
  OptionSwitch,
  PERIOD_KIND,
  PERIOD_OPTIONS,
  type ReportPeriod,
} from '../../components/option_switch';
import { PanelGap } from '../../components/panel_grid';
import { ReportPanel } from '../../components/report_panel';
import { useReport } from '../../hooks/use_report';
import { FunnelPanelBody } from './funnel_panel_body';

const PERIOD_TEXT: Record<ReportPeriod, string> = {
  daily: 'per day',
  weekly: 'per week (Monday to Sunday)',
  monthly: 'per calendar month',
  hourly: 'per hour of day, mean over every day in range',
};

export function FunnelsApp(): JSX.Element {
  const [period, setPeriod] = useState<ReportPeriod>('daily');
  return (
    <DashboardPage
      title="Funnels"
      description="How many sessions reach each step to a purchase, and how many customers reach each milestone from download to first order."
    >
      {(dimension) => (
        <>
          <EuiFlexGroup gutterSize="s" alignItems="center" responsive={false}>
            <EuiFlexItem grow={false}>
              <OptionSwitch
                legend="Period"
                options={PERIOD_OPTIONS}
                selected={period}
                onChange={setPeriod}
                testSubj="funnelsPeriod"
              />
            </EuiFlexItem>
          </EuiFlexGroup>
          <EuiSpacer size="m" />
          <FunnelPanels dimension={dimension} period={period} />
        </>
      )}
    </DashboardPage>
  );
}

function FunnelPanels({
  dimension,
  period,
}: {
  dimension: string;
  period: ReportPeriod;
}): JSX.Element {
  const sessions = useReport(`funnel/session_${period}`, dimension);
  const customers = useReport(`funnel/customer_${period}`, dimension);
  const timeAxis = period === 'daily' || period === 'weekly';
  return (
    <>
      <ReportPanel
        title="Session funnel"
        description={`Sessions with each action, ${PERIOD_TEXT[period]}; bars: the whole range, with each step's share of the first`}
        state={sessions}
        chartId={`funnels.session_${period}`}
        timeAxis={timeAxis}
        data-test-subj="sessionFunnelPanel"
      >
        {(report) => (
          <FunnelPanelBody
            report={report}
            period={PERIOD_KIND[period]}
            unit="Sessions"
            testSubj="sessionFunnel"
          />
        )}
      </ReportPanel>
      <PanelGap />
      <ReportPanel
        title="Customer funnel"
        description={`Customers whose download, sign-up, first session and first order fell in the period, ${PERIOD_TEXT[period]}; bars: the whole range, with each step's share of the first`}
        state={customers}
        chartId={`funnels.customer_${period}`}
        timeAxis={timeAxis}
        data-test-subj="customerFunnelPanel"
      >
        {(report) => (
          <FunnelPanelBody
            report={report}
            period={PERIOD_KIND[period]}
            unit="Customers"
            testSubj="customerFunnel"
          />
        )}
      </ReportPanel>
    </>
  );
}
