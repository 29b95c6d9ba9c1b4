import type { Client } from '@elastic/elasticsearch';
import type { IndexNames } from '../../../common/indices';
import type { ReportId } from '../../../common/reports/catalogue';
import { COHORT_STEPS } from '../../../common/reports/cohort';
import { isoDay } from '../../../common/time';
import { churnOverallRows, churnWeeklyRows } from '../analyses/churn';
import { cohortEvents, cohortTable } from '../analyses/cohorts';
import { contextCustomers, type CustomerTable } from '../analyses/customer_table';
import {
  customerFunnelHourRows,
  customerFunnelRows,
  type CustomerStep,
} from '../analyses/customer_funnel';
import {
  customersByOrderCountRows,
  paymentDistributionRows,
  weeklyOrderActivity,
  weeklyPaymentRows,
  weeklyPerCustomerRows,
} from '../analyses/descriptive_stats';
import { journeyRows } from '../analyses/journey';
import { kpiRows, kpiWindows } from '../analyses/kpis';
import { selectDimension, type OrderSequences, type PassOrders } from '../analyses/order_sequences';
import { PeriodIndex, daysInRange, type CalendarPeriod, type TimeRange } from '../analyses/periods';
import { topTermRows } from '../analyses/products';
import { inorganicRatioRows, promotionDailyRows, promotionKpiRows } from '../analyses/promotions';
import {
  hourlyFunnelRows,
  ordersHourRows,
  ordersRows,
  periodFunnelRows,
  sessionFunnelSteps,
} from '../analyses/session_funnel';
import type { ReportToWrite } from '../reports/report_store';
import type { BasketStats } from './basket_stats';
import { HAS_PROMOTION, PURCHASED, sessionsQuery, type AnalysisContext } from './context';
import { kpiValues } from './queries/kpis';
import { topTerms } from './queries/products';
import { promotionDays, promotionTotals } from './queries/promotions';
import { sessionHourBuckets, sessionPeriodBuckets } from './queries/session_periods';
import type { ReportSelection } from './selection';

/** Everything a run shares between its contexts. */
export interface RunData {
  client: Client;
  names: IndexNames;
  range: TimeRange;
  actions: readonly string[];
  selection: ReportSelection;
  topN: number;
  churnFactor: number;
  pass: PassOrders | null;
  customers: CustomerTable | null;
  baskets: BasketStats | null;
}

const CALENDAR_PERIODS: CalendarPeriod[] = ['daily', 'weekly', 'monthly'];

/** The customer funnel's steps for a context: customer events, then first session and order. */
function customerSteps(
  table: CustomerTable,
  customers: Int32Array,
  sequences: OrderSequences,
  contextIndex: number,
): CustomerStep[] {
  const pick = (column: Float64Array) => Float64Array.from(customers, (c) => column[c]!);
  const firstOrder = new Float64Array(table.clients.length).fill(NaN);
  for (let i = 0; i < sequences.customer.length; i++) {
    firstOrder[sequences.customer[i]!] = sequences.timeMs[sequences.offsets[i]!]!;
  }
  return [
    { step: 'download', timeMs: pick(table.downloadMs) },
    { step: 'signup', timeMs: pick(table.signupMs) },
    ...table.actions.map(({ name, timeMs }) => ({ step: name, timeMs: pick(timeMs) })),
    { step: 'first_session', timeMs: pick(table.firstSessionMs[contextIndex]!) },
    { step: 'first_order', timeMs: pick(firstOrder) },
  ];
}

/** Every selected report of one context: its aggregations, then the pure analyses. */
export async function contextReports(
  run: RunData,
  context: AnalysisContext,
): Promise<ReportToWrite[]> {
  const { client, names, range, selection } = run;
  const reports: ReportToWrite[] = [];
  const base = { reference_time: new Date(range.nowMs).toISOString(), from: isoDay(range.fromMs) };
  const put = (id: ReportId, data: object[], params: Record<string, unknown> = {}) => {
    if (!selection.has(id)) return;
    const [report, type] = id.split('/') as [string, string];
    reports.push({
      report,
      type,
      dimension: context.dimension,
      params: { ...base, ...params },
      data: data as Array<Record<string, unknown>>,
    });
  };
  const sessions = sessionsQuery(context, range);
  const orders = sessionsQuery(context, range, [PURCHASED]);
  const promoted = sessionsQuery(context, range, [PURCHASED, HAS_PROMOTION]);
  const steps = sessionFunnelSteps(run.actions);
  const dayCount = daysInRange(range);
  const days = new PeriodIndex(range, 'daily');
  const weeks = new PeriodIndex(range, 'weekly');

  // Aggregations, issued together: the node runs them on its search threads.
  const wantsPeriods = selection.any(
    'funnel/session_',
    'stats/orders_',
    'stats/sessions_per',
    'stats/payment_mean',
    'promotions/inorganic',
  );
  const [periodBuckets, hourBuckets, kpis, terms, promotionRows, promotionDayRows] =
    await Promise.all([
      wantsPeriods
        ? Promise.all(
            CALENDAR_PERIODS.map((p) =>
              sessionPeriodBuckets(client, names.orders, sessions, p, range, run.actions),
            ),
          )
        : null,
      selection.any('funnel/session_hourly', 'stats/orders_hourly')
        ? sessionHourBuckets(client, names.orders, sessions, run.actions)
        : null,
      selection.has('kpis/overall')
        ? kpiValues(client, names.orders, sessions, kpiWindows(range.nowMs))
        : null,
      selection.any('products/top_products', 'products/top_categories')
        ? topTerms(client, names.orders, orders, run.topN)
        : null,
      selection.has('promotions/kpis') ? promotionTotals(client, names.orders, promoted) : null,
      selection.has('promotions/daily') ? promotionDays(client, names.orders, promoted) : null,
    ]);

  if (periodBuckets) {
    CALENDAR_PERIODS.forEach((period, i) => {
      const index = new PeriodIndex(range, period);
      const funnel = periodFunnelRows(periodBuckets[i]!, index, steps);
      put(`funnel/session_${period}`, funnel, { steps });
      put(`stats/orders_${period}`, ordersRows(funnel));
    });
    const weekly = periodBuckets[1]!;
    put(
      'stats/sessions_per_customer_weekly',
      weeklyPerCustomerRows(
        weekly.map((b) => ({
          startMs: b.startMs,
          events: b.counts.has_sessions ?? 0,
          customers: b.customers,
        })),
        weeks,
      ),
      { customers: 'approximate above 40000 distinct per week (cardinality)' },
    );
    put(
      'stats/payment_mean_weekly',
      weeklyPaymentRows(
        weekly.map((b) => ({
          startMs: b.startMs,
          orders: b.counts.purchased ?? 0,
          revenue: b.revenue,
        })),
        weeks,
      ),
    );
    put(
      'promotions/inorganic_ratio_daily',
      inorganicRatioRows(
        periodBuckets[0]!.map((b) => ({
          startMs: b.startMs,
          orders: b.counts.purchased ?? 0,
          promoted: b.promoted,
        })),
        days,
      ),
    );
  }
  if (hourBuckets) {
    const hourly = hourlyFunnelRows(hourBuckets, dayCount, steps);
    put('funnel/session_hourly', hourly, { steps, days: dayCount });
    put('stats/orders_hourly', ordersHourRows(hourly), { days: dayCount });
  }
  if (kpis) put('kpis/overall', kpiRows(kpis), { windows: kpiWindows(range.nowMs) });
  if (terms) {
    put('products/top_products', topTermRows(terms.products, run.topN), { top: run.topN });
    put('products/top_categories', topTermRows(terms.categories, run.topN), { top: run.topN });
  }
  if (promotionRows) put('promotions/kpis', promotionKpiRows(promotionRows));
  if (promotionDayRows) put('promotions/daily', promotionDailyRows(promotionDayRows));

  const slot = context.dimensionIndex + 1;
  if (run.baskets) {
    put('products/top_pairs', run.baskets.pairs[slot]!.top(run.topN), { top: run.topN });
    put('products/daily_revenue', run.baskets.revenue[slot]!.rows());
  }
  if (run.pass) {
    const sequences =
      context.dimensionIndex < 0 ? run.pass : selectDimension(run.pass, context.dimensionIndex);
    put(
      'stats/orders_per_customer_weekly',
      weeklyPerCustomerRows(weeklyOrderActivity(sequences, weeks), weeks),
    );
    put('stats/payment_distribution', paymentDistributionRows(sequences.amount), { bins: 20 });
    put('stats/customers_by_order_count', customersByOrderCountRows(sequences));
    put('churn/overall', churnOverallRows(sequences, range.nowMs, run.churnFactor), {
      factor: run.churnFactor,
    });
    put('churn/weekly', churnWeeklyRows(sequences, range.nowMs, run.churnFactor), {
      factor: run.churnFactor,
    });
    const table = run.customers;
    if (table) {
      const members = contextCustomers(table, context.dimensionIndex);
      put('journey/average', journeyRows(sequences, table.downloadMs, range.nowMs));
      const cohorts = cohortEvents(sequences, members, table.downloadMs);
      for (const step of COHORT_STEPS) {
        put(`cohort/${step}_daily`, cohortTable(cohorts[step], 'daily'));
        put(`cohort/${step}_weekly`, cohortTable(cohorts[step], 'weekly'));
      }
      const customerFunnel = customerSteps(table, members, sequences, slot);
      const customerStepNames = customerFunnel.map((s) => s.step);
      for (const period of CALENDAR_PERIODS) {
        put(
          `funnel/customer_${period}`,
          customerFunnelRows(customerFunnel, new PeriodIndex(range, period), range),
          { steps: customerStepNames },
        );
      }
      put('funnel/customer_hourly', customerFunnelHourRows(customerFunnel, range, dayCount), {
        steps: customerStepNames,
        days: dayCount,
      });
    }
  }
  return reports;
}
