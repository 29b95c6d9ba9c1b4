import { createContext, useContext } from 'react';

/**
 * The dimension the dashboard page shows, once checked against the dimension list; null outside a
 * dashboard page. Panels read it so that their comments belong to the page's dimension even while
 * (or when) their report is missing.
 */
export const SelectedDimensionContext = createContext<string | null>(null);

export function useSelectedDimension(): string | null {
  return useContext(SelectedDimensionContext);
}
