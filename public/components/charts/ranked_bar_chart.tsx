import React from 'react';
import {
  Axis,
  BarSeries,
  Chart,
  LabelOverflowConstraint,
  Position,
  ScaleType,
  Settings,
  Tooltip,
} from '@elastic/charts';
import { ChartDataTable } from './chart_data_table';
import { CHART_THEME_OVERRIDES, useChartBaseTheme } from './chart_theme';

export interface RankedItem {
  /** Stable key, e.g. the product name or `first|second` for a pair. */
  key: string;
  label: string;
  value: number;
}

interface RankedBarChartProps {
  items: RankedItem[];
  categoryTitle: string;
  valueTitle: string;
  valueFormat: (value: number) => string;
  ariaLabel: string;
  testSubj: string;
  /** `horizontal` (default): ranked lists; `vertical`: ordered categories such as histogram bins. */
  orientation?: 'horizontal' | 'vertical';
  /** Degrees to turn category labels (vertical only), so long labels such as bin edges fit. */
  labelRotation?: number;
  /** Numbers on the bars; on by default for horizontal bars, where there is room. */
  showValues?: boolean;
}

/** Pixels per bar: room for an 11 px label with air above and below. */
const BAR_PX = 26;

/**
 * Bars over categories in the given order. Horizontal: rank 1 on top, labels on the left so long
 * names stay readable, and the chart grows with the number of items instead of squeezing them.
 * Vertical: categories left to right (e.g. histogram bins), labels turned when asked.
 */
export function RankedBarChart({
  items,
  categoryTitle,
  valueTitle,
  valueFormat,
  ariaLabel,
  testSubj,
  orientation = 'horizontal',
  labelRotation = 0,
  showValues = orientation === 'horizontal',
}: RankedBarChartProps): JSX.Element {
  const baseTheme = useChartBaseTheme();
  const labels = new Map(items.map((item) => [item.key, item.label]));
  const horizontal = orientation === 'horizontal';
  return (
    <div data-test-subj={testSubj}>
      <div style={{ height: horizontal ? items.length * BAR_PX + 70 : 300 }}>
        <Chart>
          <Settings
            baseTheme={baseTheme}
            theme={CHART_THEME_OVERRIDES}
            rotation={horizontal ? 90 : 0}
            showLegend={false}
            ariaLabel={ariaLabel}
            locale="en"
          />
          <Tooltip headerFormatter={({ value }) => labels.get(String(value)) ?? String(value)} />
          <Axis
            id="categoryAxis"
            position={horizontal ? Position.Left : Position.Bottom}
            title={categoryTitle}
            tickFormat={(key: string) => labels.get(key) ?? key}
            gridLine={{ visible: false }}
            style={{ tickLabel: { rotation: horizontal ? 0 : labelRotation } }}
          />
          <Axis
            id="valueAxis"
            position={horizontal ? Position.Bottom : Position.Left}
            title={valueTitle}
            tickFormat={valueFormat}
            gridLine={{ visible: true }}
            ticks={6}
          />
          <BarSeries
            id="value"
            name={valueTitle}
            data={items}
            xScaleType={ScaleType.Ordinal}
            yScaleType={ScaleType.Linear}
            xAccessor="key"
            yAccessors={['value']}
            displayValueSettings={{
              showValueLabel: showValues,
              valueFormatter: valueFormat,
              // A short bar still gets its number, next to it.
              overflowConstraints: [LabelOverflowConstraint.ChartEdges],
            }}
          />
        </Chart>
      </div>
      <ChartDataTable
        caption={ariaLabel}
        rowHeader={categoryTitle}
        columns={[{ id: 'value', name: valueTitle }]}
        rows={items.map((item) => ({
          key: item.key,
          label: item.label,
          values: { value: valueFormat(item.value) },
        }))}
        testSubj={`${testSubj}-data`}
      />
    </div>
  );
}
