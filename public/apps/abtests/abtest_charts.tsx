import React from 'react';
import { Axis, BarSeries, BubbleSeries, Position, ScaleType, Tooltip } from '@elastic/charts';
import { EuiText } from '@elastic/eui';
import type { AbMetric } from '../../../common/reports/abtests';
import { formatNumber, formatSigned } from '../../components/format';
import {
  METRIC_TITLES,
  describeOutcome,
  differencePoints,
  originalViewPoints,
  significantBars,
  type NamedOutcome,
} from './abtest_view';
import { BaseSettings, ChartFrame, footer } from './chart_parts';

/** The original's view: reject ratio of the B resamples against customers, per result. */
export function OriginalViewScatter({ rows, entity }: { rows: NamedOutcome[]; entity: string }) {
  const points = originalViewPoints(rows);
  return (
    <ChartFrame testSubj={`abtestsOriginalView-${entity}`} height={300}>
      <BaseSettings
        ariaLabel={`Reject ratio over bootstrap resamples against customers, per ${entity}`}
      />
      <Tooltip
        footer={footer((d: (typeof points)[number]) => `${d.key}: ${describeOutcome(d.row)}`)}
      />
      <Axis
        id="n"
        position={Position.Bottom}
        title="Customers (n)"
        tickFormat={(v: number) => formatNumber(v)}
      />
      <Axis
        id="reject"
        position={Position.Left}
        title="Reject ratio (H0 rejected in B resamples)"
        tickFormat={(v: number) => `${formatNumber(v * 100)}%`}
        domain={{ min: 0, max: 1 }}
      />
      <BubbleSeries
        id={`original-${entity}`}
        data={points}
        xScaleType={ScaleType.Linear}
        yScaleType={ScaleType.Linear}
        xAccessor="n"
        yAccessors={['rejectRatio']}
        splitSeriesAccessors={['series']}
      />
    </ChartFrame>
  );
}

/** Mean-amount difference against order-count difference, one point per entity. */
export function DifferenceScatter({ rows, entity }: { rows: NamedOutcome[]; entity: string }) {
  const points = differencePoints(rows);
  return (
    <ChartFrame testSubj={`abtestsDifferences-${entity}`} height={300}>
      <BaseSettings
        ariaLabel={`Mean amount difference against order count difference, per ${entity}`}
      />
      <Tooltip
        footer={footer(
          (d: (typeof points)[number]) =>
            `${d.name} — amount: ${describeOutcome(d.amount)}; orders: ${describeOutcome(d.count)}`,
        )}
      />
      <Axis
        id="count"
        position={Position.Bottom}
        title="Order count difference (after − before, per customer)"
        tickFormat={(v: number) => formatSigned(v, 2)}
      />
      <Axis
        id="amount"
        position={Position.Left}
        title="Mean amount difference (after − before)"
        tickFormat={(v: number) => formatSigned(v, 1)}
      />
      <BubbleSeries
        id={`differences-${entity}`}
        data={points}
        xScaleType={ScaleType.Linear}
        yScaleType={ScaleType.Linear}
        xAccessor="x"
        yAccessors={['y']}
        splitSeriesAccessors={['series']}
      />
    </ChartFrame>
  );
}

/** Significant increases or decreases (q < 0.05): the 95 % interval of the uplift as a bar, the estimate as a dot. */
export function SignificantEffects({
  rows,
  entity,
  metric,
  direction,
}: {
  rows: NamedOutcome[];
  entity: string;
  metric: AbMetric;
  direction: 'increase' | 'decrease';
}) {
  const bars = significantBars(rows, metric, direction);
  const testSubj = `abtestsSignificant-${entity}-${metric}-${direction}`;
  if (bars.length === 0) {
    return (
      <EuiText size="s" color="subdued" data-test-subj={testSubj}>
        <p>
          No significant {direction} in {METRIC_TITLES[metric].toLowerCase()} (q &lt; 0.05).
        </p>
      </EuiText>
    );
  }
  return (
    <ChartFrame testSubj={testSubj} height={260}>
      <BaseSettings
        ariaLabel={`Significant ${direction}s in ${METRIC_TITLES[metric]} with 95 % intervals`}
        legend={false}
      />
      <Tooltip
        footer={footer((d: (typeof bars)[number]) => `${d.name}: ${describeOutcome(d.row)}`)}
      />
      <Axis id="name" position={Position.Bottom} style={{ tickLabel: { rotation: -30 } }} />
      <Axis
        id="uplift"
        position={Position.Left}
        title="Uplift % (95 % CI)"
        tickFormat={(v: number) => `${formatSigned(v, 0)}%`}
      />
      <BarSeries
        id={`ci-${testSubj}`}
        name="95 % interval"
        data={bars}
        xScaleType={ScaleType.Ordinal}
        yScaleType={ScaleType.Linear}
        xAccessor="name"
        yAccessors={['high']}
        y0Accessors={['low']}
        color={direction === 'increase' ? '#6dccb1' : '#e7664c'}
      />
      <BubbleSeries
        id={`estimate-${testSubj}`}
        name="Estimate"
        data={bars}
        xScaleType={ScaleType.Ordinal}
        yScaleType={ScaleType.Linear}
        xAccessor="name"
        yAccessors={['uplift']}
        color="#343741"
      />
    </ChartFrame>
  );
}
