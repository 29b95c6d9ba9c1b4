import React, { Children, type ReactNode } from 'react';
import { EuiFlexGrid, EuiFlexItem, EuiSpacer } from '@elastic/eui';

/** Panels two per row on wide screens, one per row on narrow ones, with the page's spacing. */
export function PanelGrid({ children }: { children: ReactNode }): JSX.Element {
  return (
    <>
      <EuiFlexGrid columns={2} gutterSize="l">
        {Children.toArray(children).map((child, index) => (
          <EuiFlexItem key={index} style={{ minWidth: 0 }}>
            {child}
          </EuiFlexItem>
        ))}
      </EuiFlexGrid>
      <EuiSpacer size="l" />
    </>
  );
}

/** Vertical space between full-width panels. */
export function PanelGap(): JSX.Element {
  return <EuiSpacer size="l" />;
}
