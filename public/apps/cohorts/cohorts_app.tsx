import React, { useState } from 'react';
import { EuiFlexGroup, EuiFlexItem, EuiSpacer } from '@elastic/eui';
import type { CohortStep } from '../../../common/reports/cohort';
import { COHORT_TEXT, CohortTable } from '../../components/charts/cohort_panel_body';
import type { CohortMode } from '../../components/charts/cohort_view';
import { DashboardPage } from '../../components/dashboard_page';
import { OptionSwitch } from '../../components/option_switch';
import { PanelGrid } from '../../components/panel_grid';
import { ReportPanel } from '../../components/report_panel';
import { useReport } from '../../hooks/use_report';

type Granularity = 'daily' | 'weekly';

export function CohortsApp(): JSX.Element {
  const [granularity, setGranularity] = useState<Granularity>('weekly');
  const [mode, setMode] = useState<CohortMode>('count');
  return (
    <DashboardPage
      title="Cohorts"
      description="For customers grouped by the day or week of one step (download, 1st, 2nd, 3rd order): how many took the next step 0, 1, 2, … days or weeks later."
    >
      {(dimension) => (
        <>
          <EuiFlexGroup gutterSize="m" alignItems="center" responsive={false} wrap>
            <EuiFlexItem grow={false}>
              <OptionSwitch
                legend="Cohort granularity"
                options={[
                  { id: 'weekly', label: 'Weekly' },
                  { id: 'daily', label: 'Daily' },
                ]}
                selected={granularity}
                onChange={setGranularity}
                testSubj="cohortsGranularity"
              />
            </EuiFlexItem>
            <EuiFlexItem grow={false}>
              <OptionSwitch
                legend="Cohort values"
                options={[
                  { id: 'count', label: 'Customers' },
                  { id: 'percent', label: '% of cohort size' },
                ]}
                selected={mode}
                onChange={setMode}
                testSubj="cohortsMode"
              />
            </EuiFlexItem>
          </EuiFlexGroup>
          <EuiSpacer size="m" />
          <PanelGrid>
            <CohortPanel step="download_first" {...{ dimension, granularity, mode }} />
            <CohortPanel step="first_second" {...{ dimension, granularity, mode }} />
            <CohortPanel step="second_third" {...{ dimension, granularity, mode }} />
            <CohortPanel step="third_fourth" {...{ dimension, granularity, mode }} />
          </PanelGrid>
        </>
      )}
    </DashboardPage>
  );
}

function CohortPanel({
  step,
  dimension,
  granularity,
  mode,
}: {
  step: CohortStep;
  dimension: string;
  granularity: Granularity;
  mode: CohortMode;
}): JSX.Element {
  const state = useReport(`cohort/${step}_${granularity}`, dimension);
  const text = COHORT_TEXT[step];
  const unit = granularity === 'daily' ? 'day' : 'week';
  return (
    <ReportPanel
      title={text.title}
      description={`Rows: ${unit} of the ${text.event} (cohort size); columns: ${unit}s until the ${text.next}`}
      state={state}
      chartId={`cohorts.${step}_${granularity}`}
      data-test-subj={`cohortPanel-${step}`}
    >
      {(report) => (
        <CohortTable
          step={step}
          rows={report.data}
          mode={mode}
          period={granularity === 'daily' ? 'day' : 'week'}
          testSubj={`cohortChart-${step}`}
        />
      )}
    </ReportPanel>
  );
}
