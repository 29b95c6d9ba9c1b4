import type { ComponentType } from 'react';
import type { DashboardId } from './dashboards';
import { OverviewApp } from './overview/overview_app';

/** The component of each dashboard in `dashboards.ts`. */
export const DASHBOARD_COMPONENTS: Record<DashboardId, ComponentType> = {
  overview: OverviewApp,
};
