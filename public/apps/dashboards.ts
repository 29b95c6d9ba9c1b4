import type { AppDeepLink } from '@kbn/core/public';

/**
 * The dashboards of the Customer Analytics app, in navigation order. Each becomes a deep link
 * (Kibana's navigation and search) and a route in `application.tsx`; a new dashboard adds one
 * entry here and one component in `apps/routes.tsx`.
 */
export const DASHBOARDS = [
  { id: 'overview', title: 'Overview', path: '/overview' },
  { id: 'customers', title: 'Customers', path: '/customers' },
  { id: 'funnels', title: 'Funnels', path: '/funnels' },
  { id: 'cohorts', title: 'Cohorts', path: '/cohorts' },
  { id: 'stats', title: 'Stats', path: '/stats' },
  { id: 'products', title: 'Products', path: '/products' },
  { id: 'promotions', title: 'Promotions', path: '/promotions' },
  { id: 'segments', title: 'Segments', path: '/segments' },
  { id: 'search', title: 'Search', path: '/search' },
  { id: 'abtests', title: 'A/B tests', path: '/abtests' },
  { id: 'clv', title: 'Customer value', path: '/clv' },
  { id: 'anomalies', title: 'Anomalies', path: '/anomalies' },
  { id: 'admin', title: 'Data & schedules', path: '/admin' },
] as const satisfies readonly AppDeepLink[];

export type DashboardId = (typeof DASHBOARDS)[number]['id'];

export const DEFAULT_DASHBOARD_PATH = DASHBOARDS[0].path;
