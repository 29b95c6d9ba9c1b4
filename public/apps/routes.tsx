import type { ComponentType } from 'react';
import { AbTestsApp } from './abtests/abtests_app';
import { AdminApp } from './admin/admin_app';
import { AnomaliesApp } from './anomalies/anomalies_app';
import { ClvApp } from './clv/clv_app';
import { CohortsApp } from './cohorts/cohorts_app';
import { CustomersApp } from './customers/customers_app';
import type { DashboardId } from './dashboards';
import { FunnelsApp } from './funnels/funnels_app';
import { OverviewApp } from './overview/overview_app';
import { ProductsApp } from './products/products_app';
import { PromotionsApp } from './promotions/promotions_app';
import { SearchApp } from './search/search_app';
import { SegmentsApp } from './segments/segments_app';
import { StatsApp } from './stats/stats_app';

/** The component of each dashboard in `dashboards.ts`. */
export const DASHBOARD_COMPONENTS: Record<DashboardId, ComponentType> = {
  overview: OverviewApp,
  customers: CustomersApp,
  funnels: FunnelsApp,
  cohorts: CohortsApp,
  stats: StatsApp,
  products: ProductsApp,
  promotions: PromotionsApp,
  segments: SegmentsApp,
  search: SearchApp,
  abtests: AbTestsApp,
  clv: ClvApp,
  anomalies: AnomaliesApp,
  admin: AdminApp,
};
