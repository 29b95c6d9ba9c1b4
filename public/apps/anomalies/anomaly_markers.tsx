import React from 'react';
import { AnnotationDomainType, LineAnnotation, type LineAnnotationDatum } from '@elastic/charts';
import { EuiIcon, useEuiTheme } from '@elastic/eui';

/**
 * Anomalies as markers on a daily chart, told apart from user comments (a dashed accent line and
 * a speech bubble): a solid danger-coloured line and a warning triangle on a filled disc. The icon
 * sits lower than a comment's so both read when a commented day is also anomalous. Hovering it
 * shows the day's anomalies with series, score and influencer. Renders nothing without markers.
 */
export function AnomalyMarkers({
  markers,
}: {
  markers: readonly LineAnnotationDatum<number>[];
}): JSX.Element | null {
  const { euiTheme } = useEuiTheme();
  if (markers.length === 0) return null;
  const color = euiTheme.colors.danger;
  return (
    <LineAnnotation
      id="chart-anomalies"
      domainType={AnnotationDomainType.XDomain}
      dataValues={[...markers]}
      marker={
        <span
          data-test-subj="anomalyMarker"
          style={{
            position: 'relative',
            left: -9,
            top: 14,
            display: 'inline-flex',
            padding: 2,
            borderRadius: '50%',
            background: euiTheme.colors.backgroundBasePlain,
            border: `1.5px solid ${color}`,
          }}
        >
          <EuiIcon type="warning" size="s" color={color} />
        </span>
      }
      customTooltipDetails={AnomalyDetails}
      style={{ line: { stroke: color, strokeWidth: 1.5, opacity: 0.8 } }}
    />
  );
}

/** One anomaly per line: the details are joined with newlines, which HTML would collapse. */
function AnomalyDetails({ details }: { details?: string }): JSX.Element {
  return (
    <div data-test-subj="anomalyMarkerDetails">
      {(details ?? '').split('\n').map((line) => (
        <div key={line} style={{ marginBottom: 4 }}>
          {line}
        </div>
      ))}
    </div>
  );
}
