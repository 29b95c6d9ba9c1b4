import React, { createContext, useContext, type ReactNode } from 'react';
import { AnnotationDomainType, LineAnnotation, type LineAnnotationDatum } from '@elastic/charts';
import { EuiIcon, useEuiTheme } from '@elastic/eui';

/**
 * The comment markers of the panel a chart sits in. A report panel with a `chartId` and
 * `timeAxis` provides them; a time chart opts in by rendering `<AnnotationMarkers />` among its
 * specs, so charts need no new props and panels without comments are unchanged.
 */
const ChartMarkersContext = createContext<readonly LineAnnotationDatum<number>[]>([]);

export function ChartMarkersProvider({
  markers,
  children,
}: {
  markers: readonly LineAnnotationDatum<number>[];
  children: ReactNode;
}): JSX.Element {
  return <ChartMarkersContext.Provider value={markers}>{children}</ChartMarkersContext.Provider>;
}

export function useChartMarkers(): readonly LineAnnotationDatum<number>[] {
  return useContext(ChartMarkersContext);
}

/**
 * A dashed vertical line at the start of each anchored day (where the time axis puts the day's
 * tick) with a comment icon on the x axis; hovering the icon shows the comments. (Above the plot
 * the icon would be clipped by the chart's box.) Renders nothing without markers.
 */
export function AnnotationMarkers(): JSX.Element | null {
  const markers = useChartMarkers();
  const { euiTheme } = useEuiTheme();
  if (markers.length === 0) return null;
  return (
    <LineAnnotation
      id="chart-comments"
      domainType={AnnotationDomainType.XDomain}
      dataValues={[...markers]}
      marker={
        // The day's label starts right of its tick: the icon sits left of the line, clear of it.
        <span data-test-subj="commentMarker" style={{ position: 'relative', left: -9 }}>
          <EuiIcon type="editorComment" size="m" color={euiTheme.colors.accent} />
        </span>
      }
      style={{
        line: { stroke: euiTheme.colors.accent, strokeWidth: 1.5, opacity: 1, dash: [4, 3] },
      }}
    />
  );
}
