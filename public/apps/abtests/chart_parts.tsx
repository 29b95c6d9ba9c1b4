import React from 'react';
import { Chart, Settings, type TooltipValue } from '@elastic/charts';
import { CHART_THEME_OVERRIDES, useChartBaseTheme } from '../../components/charts/chart_theme';

/** Tooltip footer: n, effect, CI, p and q of the hovered result. */
export function footer(describe: (datum: never) => string) {
  return function ResultFooter({ items }: { items: TooltipValue[] }): JSX.Element | null {
    const datum = items[0]?.datum as never | undefined;
    if (!datum) return null;
    return <div style={{ padding: '4px 8px', maxWidth: 360 }}>{describe(datum)}</div>;
  };
}

export const ChartFrame = ({
  testSubj,
  height,
  children,
}: {
  testSubj: string;
  height: number;
  children: React.ReactNode;
}) => (
  <div data-test-subj={testSubj} style={{ height }}>
    <Chart>{children}</Chart>
  </div>
);

export function BaseSettings({
  ariaLabel,
  legend = true,
}: {
  ariaLabel: string;
  legend?: boolean;
}) {
  const baseTheme = useChartBaseTheme();
  return (
    <Settings
      baseTheme={baseTheme}
      theme={{ ...CHART_THEME_OVERRIDES, markSizeRatio: 6 }}
      showLegend={legend}
      ariaLabel={ariaLabel}
      locale="en"
    />
  );
}
