import React, { useState } from 'react';
import { EuiFlexGroup, EuiFlexItem, EuiSpacer, euiPaletteColorBlind } from '@elastic/eui';
import { RFM_METRICS } from '../../../common/reports/segments';
import type { SegmentScheme } from '../../../common/segments';
import { DashboardPage } from '../../components/dashboard_page';
import { OptionSwitch } from '../../components/option_switch';
import { PanelGap, PanelGrid } from '../../components/panel_grid';
import { ReportPanel } from '../../components/report_panel';
import { useReport } from '../../hooks/use_report';
import { ClusterHistogram, SegmentScatter, SegmentTreemap, WeeklySegments } from './segment_charts';
import { QualityTable, RuleTables, TopCustomers } from './segment_tables';
import { METRIC_LABELS, SCATTER_PAIRS, segmentColors, type ScatterPairId } from './segment_view';

const PALETTE = euiPaletteColorBlind({ rotations: 2 });
/** Cluster ranks 1 (worst) to 5 (best): a red-to-green scale reads without a legend. */
const RANK_PALETTE = ['#bd271e', '#e7664c', '#d6bf57', '#6dccb1', '#209280'];

export function SegmentsApp(): JSX.Element {
  return (
    <DashboardPage
      title="Segments"
      description="Customers grouped by recency, frequency and monetary value (RFM): k-means ranks with the rule table, and the quintile R×F map."
    >
      {(dimension) => <SegmentPanels dimension={dimension} />}
    </DashboardPage>
  );
}

function SegmentPanels({ dimension }: { dimension: string }): JSX.Element {
  const [scheme, setScheme] = useState<SegmentScheme>('kmeans');
  const [pair, setPair] = useState<ScatterPairId>('recency_monetary');
  const sizes = useReport('segments/sizes', dimension);
  const histogram = useReport('segments/histogram', dimension);
  const scatter = useReport('segments/scatter', dimension);
  const weekly = useReport('segments/weekly', dimension);
  const quality = useReport('segments/quality', dimension);
  const colors = segmentColors(scheme, PALETTE);
  return (
    <>
      <OptionSwitch
        legend="Segment scheme"
        options={[
          { id: 'kmeans', label: 'k-means ranks' },
          { id: 'quintile', label: 'Quintiles (R×F)' },
        ]}
        selected={scheme}
        onChange={setScheme}
        testSubj="segmentsScheme"
      />
      <EuiSpacer size="m" />
      <PanelGrid>
        <ReportPanel
          title="Segments"
          description="Share of buying customers in each segment (area)"
          state={sizes}
          chartId="segments.treemap"
          data-test-subj="segmentsTreemapPanel"
        >
          {(report) => <SegmentTreemap rows={report.data} scheme={scheme} colors={colors} />}
        </ReportPanel>
        <ReportPanel
          title="Segment sizes over time"
          description="Each customer's segment as of the end of each of the last 12 weeks"
          state={weekly}
          chartId="segments.weekly"
          data-test-subj="segmentsWeeklyPanel"
        >
          {(report) => <WeeklySegments rows={report.data} scheme={scheme} colors={colors} />}
        </ReportPanel>
      </PanelGrid>
      <ReportPanel
        title="Clusters per metric"
        description="Customers per value range, coloured by k-means cluster rank (5 best: most recent, shortest gap, highest spend)"
        state={histogram}
        chartId="segments.histograms"
        data-test-subj="segmentsHistogramPanel"
      >
        {(report) => (
          <EuiFlexGroup gutterSize="l" wrap>
            {RFM_METRICS.map((metric) => (
              <EuiFlexItem
                key={metric}
                style={{ minWidth: 300 }}
                title={METRIC_LABELS[metric].title}
              >
                <ClusterHistogram rows={report.data} metric={metric} palette={RANK_PALETTE} />
              </EuiFlexItem>
            ))}
          </EuiFlexGroup>
        )}
      </ReportPanel>
      <PanelGap />
      <PanelGrid>
        <ReportPanel
          title="RFM scatter"
          description="A seeded sample of up to 5,000 customers, coloured by segment"
          state={scatter}
          chartId="segments.scatter"
          data-test-subj="segmentsScatterPanel"
        >
          {(report) => (
            <>
              <OptionSwitch
                legend="Metric pair"
                options={SCATTER_PAIRS.map((p) => ({
                  id: p.id,
                  label: `${METRIC_LABELS[p.x].title} × ${METRIC_LABELS[p.y].title}`,
                }))}
                selected={pair}
                onChange={setPair}
                testSubj="segmentsScatterPair"
              />
              <EuiSpacer size="s" />
              <SegmentScatter rows={report.data} pairId={pair} scheme={scheme} colors={colors} />
            </>
          )}
        </ReportPanel>
        <ReportPanel
          title="Cluster quality"
          description="Silhouette on a seeded sample of ≤ 10,000 customers; the joint view's k chosen by silhouette"
          state={quality}
          data-test-subj="segmentsQualityPanel"
        >
          {(report) => <QualityTable rows={report.data} />}
        </ReportPanel>
      </PanelGrid>
      <ReportPanel
        title="Top customers of a segment"
        description="By total spend, from the customer profiles of the same run"
        state={sizes}
        data-test-subj="segmentsTopCustomersPanel"
      >
        {() => <TopCustomers dimension={dimension} scheme={scheme} />}
      </ReportPanel>
      <PanelGap />
      <ReportPanel
        title="How segments are assigned"
        description="The rule table and the R×F map from common/segments.ts"
        state={sizes}
        data-test-subj="segmentsRulesPanel"
      >
        {() => <RuleTables colors={segmentColors('kmeans', PALETTE)} />}
      </ReportPanel>
    </>
  );
}
