import type { ElasticsearchClient } from '@kbn/core/server';
import type { IndexNames } from '../../common/indices';
import type {
  EntityChart,
  EntityKpi,
  EntityParams,
  EntityQuery,
  EntityResponse,
} from '../../common/search';
import { clientSections } from './entity_client';
import {
  cents,
  chart,
  dailyBuckets,
  dailyDistinctClients,
  distinctClients,
  holdsValue,
  lineRevenueAggs,
  orderTotals,
  ordersOf,
  readLineRevenue,
  type OrderTotals,
} from './entity_queries';
import { abSection } from './entity_stage_sections';

const kpi = (id: string, label: string, value: number | null, format: EntityKpi['format']) => ({
  id,
  label,
  value,
  format,
});

interface SumAgg {
  value: number | null;
}

function orderKpis(totals: OrderTotals, customers: number): EntityKpi[] {
  return [
    kpi('orders', 'Orders', totals.orders, 'count'),
    kpi('revenue', 'Revenue', cents(totals.revenueCents), 'money'),
    kpi('discount', 'Discount', cents(totals.discountCents), 'money'),
    kpi('customers', 'Distinct customers', customers, 'count'),
  ];
}

/** Product or category: orders holding it, its line revenue, customers, units per customer. */
async function basketView(
  client: ElasticsearchClient,
  indices: IndexNames,
  p: EntityParams,
  q: EntityQuery,
) {
  const query = ordersOf(q.dimension, [holdsValue(p.type, p.value)]);
  const aggs = lineRevenueAggs(p.type, p.value);
  const [totals, customers, days, all] = await Promise.all([
    orderTotals(client, indices.orders, query),
    distinctClients(client, indices.orders, query),
    dailyBuckets(client, indices.orders, query, aggs),
    client.search({ index: indices.orders, size: 0, track_total_hits: false, query, aggs }),
  ]);
  const lines = readLineRevenue(all.aggregations);
  const kpis = [
    kpi('orders', 'Orders', totals.orders, 'count'),
    kpi('revenue', 'Revenue (unit price × quantity)', cents(lines.revenueCents), 'money'),
    kpi('customers', 'Distinct customers', customers, 'count'),
    kpi(
      'units_per_customer',
      'Mean sold per customer',
      customers ? lines.units / customers : null,
      'number',
    ),
  ];
  const perDay = days.map((d) => ({ period: d.key_as_string, ...readLineRevenue(d) }));
  const charts: EntityChart[] = [
    chart(
      'daily_orders',
      'Daily orders',
      'count',
      days.map((d) => ({ period: d.key_as_string, value: d.doc_count })),
    ),
    chart(
      'daily_units',
      'Daily units sold',
      'number',
      perDay.map((d) => ({ period: d.period, value: d.units })),
    ),
    chart(
      'daily_revenue',
      'Daily revenue',
      'money',
      perDay.map((d) => ({ period: d.period, value: cents(d.revenueCents) })),
    ),
  ];
  return { totals, kpis, charts };
}

/** Promotion: its orders; the daily share of all orders it made (inorganic ratio), revenue, discount. */
async function promotionView(
  client: ElasticsearchClient,
  indices: IndexNames,
  p: EntityParams,
  q: EntityQuery,
) {
  const holds = holdsValue(p.type, p.value);
  const query = ordersOf(q.dimension, [holds]);
  const [totals, customers] = await Promise.all([
    orderTotals(client, indices.orders, query),
    distinctClients(client, indices.orders, query),
  ]);
  let charts: EntityChart[] = [];
  if (totals.firstMs !== null && totals.lastMs !== null) {
    // Every order of the promotion's days, so each day's ratio has its denominator.
    const span = {
      range: { session_start: { gte: totals.firstMs, lte: totals.lastMs, format: 'epoch_millis' } },
    };
    const days = await dailyBuckets(client, indices.orders, ordersOf(q.dimension, [span]), {
      promoted: {
        filter: holds,
        aggs: {
          revenue: { sum: { field: 'payment_cents' } },
          discount: { sum: { field: 'discount_cents' } },
        },
      },
    });
    const promoted = days.map((d) => ({
      period: d.key_as_string,
      all: d.doc_count,
      ...(d.promoted as { doc_count: number; revenue: SumAgg; discount: SumAgg }),
    }));
    charts = [
      chart(
        'daily_inorganic_ratio',
        'Daily inorganic ratio (its orders / all orders)',
        'ratio',
        promoted.map((d) => ({ period: d.period, value: d.all ? d.doc_count / d.all : null })),
      ),
      chart(
        'daily_revenue',
        'Daily revenue',
        'money',
        promoted.map((d) => ({ period: d.period, value: cents(d.revenue.value ?? 0) })),
      ),
      chart(
        'daily_discount',
        'Daily discount',
        'money',
        promoted.map((d) => ({ period: d.period, value: cents(d.discount.value ?? 0) })),
      ),
    ];
  }
  return { totals, kpis: orderKpis(totals, customers), charts };
}

/** A dimension value or a client: order KPIs and daily orders, revenue, distinct customers. */
async function sessionView(
  client: ElasticsearchClient,
  indices: IndexNames,
  p: EntityParams,
  q: EntityQuery,
) {
  const query = ordersOf(q.dimension, [holdsValue(p.type, p.value)]);
  const [totals, customers, days, dailyClients] = await Promise.all([
    orderTotals(client, indices.orders, query),
    distinctClients(client, indices.orders, query),
    dailyBuckets(client, indices.orders, query, { revenue: { sum: { field: 'payment_cents' } } }),
    dailyDistinctClients(client, indices.orders, query),
  ]);
  const charts: EntityChart[] = [
    chart(
      'daily_orders',
      'Daily orders',
      'count',
      days.map((d) => ({ period: d.key_as_string, value: d.doc_count })),
    ),
    chart(
      'daily_revenue',
      'Daily revenue',
      'money',
      days.map((d) => ({
        period: d.key_as_string,
        value: cents((d.revenue as SumAgg).value ?? 0),
      })),
    ),
  ];
  if (p.type === 'dimension') {
    charts.push(
      chart(
        'daily_customers',
        'Daily distinct customers',
        'count',
        days.map((d) => ({
          period: d.key_as_string,
          value: dailyClients.get(d.key_as_string) ?? 0,
        })),
      ),
    );
  }
  const kpis =
    p.type === 'client'
      ? [
          ...orderKpis(totals, customers).filter((k) => k.id !== 'customers'),
          kpi('first_order', 'First order', totals.firstMs, 'date'),
          kpi('last_order', 'Last order', totals.lastMs, 'date'),
        ]
      : orderKpis(totals, customers);
  return { totals, kpis, charts };
}

/**
 * The view of one entity, live from `orders` (and, for clients, `customers`; for products and
 * promotions, the newest complete run's A/B reports): KPIs and its charts (ANALYSES.md "Search").
 */
export async function entityView(
  client: ElasticsearchClient,
  indices: IndexNames,
  params: EntityParams,
  query: EntityQuery,
): Promise<EntityResponse> {
  const view =
    params.type === 'product' || params.type === 'category'
      ? await basketView(client, indices, params, query)
      : params.type === 'promotion'
        ? await promotionView(client, indices, params, query)
        : await sessionView(client, indices, params, query);
  const response: EntityResponse = {
    type: params.type,
    value: params.value,
    dimension: query.dimension,
    found: view.totals.orders > 0,
    kpis: view.kpis,
    charts: view.charts,
  };
  if (params.type === 'client')
    Object.assign(response, await clientSections(client, indices, params.value, query));
  if (params.type === 'product' || params.type === 'promotion') {
    response.ab = await abSection(client, indices, params.type, params.value, query.dimension);
  }
  return response;
}
