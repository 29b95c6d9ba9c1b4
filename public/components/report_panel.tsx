import React, { type ReactNode } from 'react';
import {
  EuiCallOut,
  EuiEmptyPrompt,
  EuiFlexGroup,
  EuiFlexItem,
  EuiLoadingChart,
  EuiPanel,
  EuiSpacer,
  EuiText,
  EuiTitle,
} from '@elastic/eui';
import type { ReportResponse } from '../../common/routes';
import type { ReportState } from '../hooks/use_report';
import { useSelectedDimension } from '../hooks/selected_dimension';
import { ChartAnnotations } from './annotations/chart_annotations';
import { formatDataWindow, referenceDay } from './charts/partial_period';
import { ReportLastDayContext } from './charts/report_window_context';

interface ReportPanelProps<Row> {
  title: string;
  description?: string;
  state: ReportState<Row>;
  /** Renders the report once it is loaded and has rows. */
  children: (report: ReportResponse<Row>) => ReactNode;
  'data-test-subj'?: string;
  /**
   * Turns on chart comments: a "Comments (n)" toggle, the list and add form below the chart.
   * Lowercase letters, digits, `_ . -`, e.g. `overview.daily_orders`.
   */
  chartId?: string;
  /** The dimension comments belong to; defaults to the loaded report's dimension. */
  dimension?: string;
  /**
   * The chart has a day axis: comments can be anchored to a day, and a chart that renders
   * `<AnnotationMarkers />` shows them as markers.
   */
  timeAxis?: boolean;
}

/**
 * The frame of every chart and figure: title, the day the data runs up to and when it was
 * computed, and one of loading, empty (no report or no rows), error, or the content. With a
 * `chartId`, also its comments.
 */
export function ReportPanel<Row>(props: ReportPanelProps<Row>): JSX.Element {
  const { chartId, state } = props;
  const pageDimension = useSelectedDimension();
  if (!chartId) return <PanelFrame {...props} />;
  const dimension =
    props.dimension ?? pageDimension ?? (state.status === 'ready' ? state.report.dimension : null);
  return (
    <ChartAnnotations chartId={chartId} dimension={dimension} timeAxis={props.timeAxis ?? false}>
      {({ toggle, section }) => <PanelFrame {...props} headerAction={toggle} footer={section} />}
    </ChartAnnotations>
  );
}

function PanelFrame<Row>({
  title,
  description,
  state,
  children,
  'data-test-subj': testSubj,
  headerAction,
  footer,
}: ReportPanelProps<Row> & { headerAction?: ReactNode; footer?: ReactNode }): JSX.Element {
  return (
    <EuiPanel hasBorder paddingSize="m" data-test-subj={testSubj} data-state={state.status}>
      <EuiFlexGroup justifyContent="spaceBetween" alignItems="baseline" gutterSize="s">
        <EuiFlexItem grow={false}>
          <EuiTitle size="xs">
            <h2>{title}</h2>
          </EuiTitle>
          {description ? (
            <EuiText size="xs" color="subdued">
              {description}
            </EuiText>
          ) : null}
        </EuiFlexItem>
        <EuiFlexItem grow={false}>
          <EuiFlexGroup gutterSize="s" alignItems="center" responsive={false}>
            {state.status === 'ready' ? (
              <EuiFlexItem grow={false}>
                <EuiText size="xs" color="subdued" data-test-subj="reportDataWindow">
                  {formatDataWindow(state.report.params, state.report.created_at)}
                </EuiText>
              </EuiFlexItem>
            ) : null}
            {headerAction ? <EuiFlexItem grow={false}>{headerAction}</EuiFlexItem> : null}
          </EuiFlexGroup>
        </EuiFlexItem>
      </EuiFlexGroup>
      <EuiSpacer size="m" />
      <PanelBody state={state}>{children}</PanelBody>
      {footer}
    </EuiPanel>
  );
}

function PanelBody<Row>({
  state,
  children,
}: {
  state: ReportState<Row>;
  children: (report: ReportResponse<Row>) => ReactNode;
}): JSX.Element {
  switch (state.status) {
    case 'loading':
      return (
        <EuiFlexGroup justifyContent="center" data-test-subj="reportLoading">
          <EuiLoadingChart size="xl" />
        </EuiFlexGroup>
      );
    case 'empty':
      return (
        <EuiEmptyPrompt
          iconType="visBarVertical"
          titleSize="xs"
          title={<h3>No data</h3>}
          body={<p>{state.message}</p>}
          data-test-subj="reportEmpty"
        />
      );
    case 'error':
      return (
        <EuiCallOut
          title="Could not load this report"
          color="danger"
          iconType="error"
          data-test-subj="reportError"
        >
          <p>{state.message}</p>
        </EuiCallOut>
      );
    case 'ready':
      return (
        <ReportLastDayContext.Provider value={referenceDay(state.report.params)}>
          {children(state.report)}
        </ReportLastDayContext.Provider>
      );
  }
}
