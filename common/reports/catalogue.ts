import type { z } from 'zod';
import {
  productTestRowSchema,
  promotionPairRowSchema,
  promotionTestRowSchema,
  segmentChangeRowSchema,
} from './abtests';
import {
  anomalyListRowSchema,
  anomalyOrdersRowSchema,
  anomalyRfmRowSchema,
  anomalyVectorRowSchema,
} from './anomalies';
import { churnRowSchema } from './churn';
import {
  clvBacktestRowSchema,
  clvDailyRowSchema,
  clvPAliveRowSchema,
  clvSegmentRowSchema,
  clvSummaryRowSchema,
  clvTopCustomerRowSchema,
} from './clv';
import { cohortRowSchema } from './cohort';
import { funnelHourRowSchema, funnelRowSchema } from './funnel';
import { journeyRowSchema } from './journey';
import { kpiRowSchema } from './kpis';
import { productPairRowSchema, productRevenueRowSchema, topTermRowSchema } from './products';
import {
  inorganicRatioRowSchema,
  promotionDailyRowSchema,
  promotionKpiRowSchema,
} from './promotions';
import { searchIndexRowSchema } from './search';
import {
  clusterRowSchema,
  histogramRowSchema,
  jointClusterRowSchema,
  qualityRowSchema,
  scatterRowSchema,
  segmentSizeRowSchema,
  weeklySegmentRowSchema,
} from './segments';
import {
  hourCountRowSchema,
  orderCountRowSchema,
  paymentBinRowSchema,
  periodCountRowSchema,
  weeklyPaymentRowSchema,
  weeklyPerCustomerRowSchema,
} from './stats';

const cohort = (title: string) => ({ title, row: cohortRowSchema });

/**
 * Every report the sidecar writes, keyed `report/type`, with the schema of one `data` row.
 * Readers (server routes, UI) and writers (pipeline) share this list, so a report cannot be
 * written under one name and read under another. Definitions: ../../../shared/ANALYSES.md.
 */
export const REPORT_CATALOGUE = {
  'kpis/overall': { title: 'Overall KPIs', row: kpiRowSchema },

  'funnel/session_daily': { title: 'Daily session funnel', row: funnelRowSchema },
  'funnel/session_weekly': { title: 'Weekly session funnel', row: funnelRowSchema },
  'funnel/session_monthly': { title: 'Monthly session funnel', row: funnelRowSchema },
  'funnel/session_hourly': { title: 'Hourly session funnel', row: funnelHourRowSchema },
  'funnel/customer_daily': { title: 'Daily customer funnel', row: funnelRowSchema },
  'funnel/customer_weekly': { title: 'Weekly customer funnel', row: funnelRowSchema },
  'funnel/customer_monthly': { title: 'Monthly customer funnel', row: funnelRowSchema },
  'funnel/customer_hourly': { title: 'Hourly customer funnel', row: funnelHourRowSchema },

  'cohort/download_first_daily': cohort('Download → 1st order (days)'),
  'cohort/download_first_weekly': cohort('Download → 1st order (weeks)'),
  'cohort/first_second_daily': cohort('1st → 2nd order (days)'),
  'cohort/first_second_weekly': cohort('1st → 2nd order (weeks)'),
  'cohort/second_third_daily': cohort('2nd → 3rd order (days)'),
  'cohort/second_third_weekly': cohort('2nd → 3rd order (weeks)'),
  'cohort/third_fourth_daily': cohort('3rd → 4th order (days)'),
  'cohort/third_fourth_weekly': cohort('3rd → 4th order (weeks)'),

  'stats/orders_daily': { title: 'Daily orders', row: periodCountRowSchema },
  'stats/orders_weekly': { title: 'Weekly orders', row: periodCountRowSchema },
  'stats/orders_monthly': { title: 'Monthly orders', row: periodCountRowSchema },
  'stats/orders_hourly': { title: 'Mean orders per hour of day', row: hourCountRowSchema },
  'stats/sessions_per_customer_weekly': {
    title: 'Weekly mean sessions per active customer',
    row: weeklyPerCustomerRowSchema,
  },
  'stats/orders_per_customer_weekly': {
    title: 'Weekly mean orders per purchasing customer',
    row: weeklyPerCustomerRowSchema,
  },
  'stats/payment_mean_weekly': { title: 'Weekly mean payment amount', row: weeklyPaymentRowSchema },
  'stats/payment_distribution': { title: 'Payment amount distribution', row: paymentBinRowSchema },
  'stats/customers_by_order_count': {
    title: 'Customers by order count',
    row: orderCountRowSchema,
  },

  'journey/average': { title: 'Customer journey', row: journeyRowSchema },
  'churn/overall': { title: 'Churn rate', row: churnRowSchema },
  'churn/weekly': { title: 'Weekly churn rate', row: churnRowSchema },

  'products/top_products': { title: 'Most purchased products', row: topTermRowSchema },
  'products/top_categories': { title: 'Most purchased categories', row: topTermRowSchema },
  'products/top_pairs': { title: 'Most combined product pairs', row: productPairRowSchema },
  'products/daily_revenue': { title: 'Daily product revenue', row: productRevenueRowSchema },

  'promotions/kpis': { title: 'Promotion KPIs', row: promotionKpiRowSchema },
  'promotions/daily': { title: 'Daily promotion results', row: promotionDailyRowSchema },
  'promotions/inorganic_ratio_daily': {
    title: 'Daily inorganic ratio',
    row: inorganicRatioRowSchema,
  },

  'segments/sizes': { title: 'Customer segments', row: segmentSizeRowSchema },
  'segments/clusters': { title: 'RFM clusters per metric', row: clusterRowSchema },
  'segments/histogram': { title: 'RFM cluster histograms', row: histogramRowSchema },
  'segments/scatter': { title: 'RFM scatter sample', row: scatterRowSchema },
  'segments/quality': { title: 'Cluster quality', row: qualityRowSchema },
  'segments/joint': { title: 'Joint RFM clusters', row: jointClusterRowSchema },
  'segments/weekly': { title: 'Segment sizes over time', row: weeklySegmentRowSchema },

  'search/index': { title: 'Search index values', row: searchIndexRowSchema },

  'abtests/promotions': { title: 'Promotion before/after tests', row: promotionTestRowSchema },
  'abtests/products': { title: 'Product before/after tests', row: productTestRowSchema },
  'abtests/promotion_pairs': { title: 'Promotion comparisons', row: promotionPairRowSchema },
  'abtests/segment_change': { title: 'Segment change tests', row: segmentChangeRowSchema },

  'clv/daily': { title: 'Actual vs predicted daily revenue', row: clvDailyRowSchema },
  'clv/backtest': { title: 'CLV backtest', row: clvBacktestRowSchema },
  'clv/summary': { title: 'Six-month revenue prediction', row: clvSummaryRowSchema },
  'clv/segments': { title: 'Predicted revenue by segment', row: clvSegmentRowSchema },
  'clv/top_customers': { title: 'Top customers by predicted value', row: clvTopCustomerRowSchema },
  'clv/p_alive': { title: 'P(alive) distribution', row: clvPAliveRowSchema },

  'anomalies/orders': { title: 'Daily orders vs typical', row: anomalyOrdersRowSchema },
  'anomalies/funnel': { title: 'Daily funnel anomalies', row: anomalyVectorRowSchema },
  'anomalies/cohort': { title: 'Cohort anomalies', row: anomalyVectorRowSchema },
  'anomalies/rfm': { title: 'Predicted vs current RFM by segment', row: anomalyRfmRowSchema },
  'anomalies/list': { title: 'Anomalies of the period', row: anomalyListRowSchema },
} as const satisfies Record<string, { title: string; row: z.ZodTypeAny }>;

export type ReportId = keyof typeof REPORT_CATALOGUE;
export type ReportRow<Id extends ReportId> = z.infer<(typeof REPORT_CATALOGUE)[Id]['row']>;

export const REPORT_IDS = Object.keys(REPORT_CATALOGUE) as ReportId[];

export function splitReportId(id: ReportId): { report: string; type: string } {
  const [report, type] = id.split('/') as [string, string];
  return { report, type };
}

export function isReportId(value: string): value is ReportId {
  return Object.prototype.hasOwnProperty.call(REPORT_CATALOGUE, value);
}
