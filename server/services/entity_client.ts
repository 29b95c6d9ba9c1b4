import type { ElasticsearchClient } from '@kbn/core/server';
import type { IndexNames } from '../../common/indices';
import type { ClvProfileFields } from '../../common/reports/clv';
import {
  ENTITY_HISTORY_PAGE_SIZE,
  type ClientProfileView,
  type EntityOrder,
  type EntityQuery,
  type EntityResponse,
} from '../../common/search';
import { ordersOf } from './entity_queries';

const ORDER_FIELDS: ReadonlyArray<keyof EntityOrder> = [
  'session_id',
  'session_start',
  'payment_amount',
  'discount_amount',
  'promotion_id',
  'dimension',
  'basket_size',
];

const PROFILE_FIELDS: ReadonlyArray<keyof ClientProfileView> = [
  'recency_days',
  'frequency_days',
  'monetary',
  'segment',
  'quintile_segment',
  'churned',
];

const CLV_FIELDS: ReadonlyArray<keyof ClvProfileFields> = [
  'clv_predicted_value',
  'clv_expected_orders',
  'clv_p_alive',
  'clv_model',
  'clv_made_on',
];

/** One page of the client's orders, newest first (session id breaks ties so pages are stable). */
async function orderHistory(
  client: ElasticsearchClient,
  indices: IndexNames,
  value: string,
  query: EntityQuery,
): Promise<NonNullable<EntityResponse['history']>> {
  const response = await client.search<Partial<EntityOrder>>({
    index: indices.orders,
    from: query.page * ENTITY_HISTORY_PAGE_SIZE,
    size: ENTITY_HISTORY_PAGE_SIZE,
    track_total_hits: true,
    _source: [...ORDER_FIELDS],
    query: ordersOf(query.dimension, [{ term: { client: value } }]),
    sort: [{ session_start: 'desc' }, { session_id: 'asc' }],
  });
  const total = response.hits.total;
  return {
    total: typeof total === 'number' ? total : (total?.value ?? 0),
    page: query.page,
    size: ENTITY_HISTORY_PAGE_SIZE,
    orders: response.hits.hits.map((hit) => {
      const source = hit._source ?? {};
      return {
        session_id: source.session_id ?? hit._id ?? '',
        session_start: source.session_start ?? '',
        payment_amount: source.payment_amount ?? 0,
        discount_amount: source.discount_amount ?? 0,
        promotion_id: source.promotion_id ?? null,
        dimension: source.dimension ?? null,
        basket_size: source.basket_size ?? null,
      };
    }),
  };
}

const HOW_TO_RUN = 'Run the analyses (customer-analytics analyses, or npm start) to compute it.';

/**
 * The client's order history, and from its profile in `customers` (the newest complete segments
 * run) its RFM values, segments and churn state, and its CLV prediction once the clv stage wrote
 * one. A stage that has not run is said so, not shown as zeros.
 */
export async function clientSections(
  client: ElasticsearchClient,
  indices: IndexNames,
  value: string,
  query: EntityQuery,
): Promise<Pick<EntityResponse, 'history' | 'profile' | 'clv'>> {
  const [history, profiles] = await Promise.all([
    orderHistory(client, indices, value, query),
    client.search<Partial<ClientProfileView & ClvProfileFields>>({
      index: indices.customers,
      ignore_unavailable: true,
      size: 1,
      _source: [...PROFILE_FIELDS, ...CLV_FIELDS],
      query: {
        bool: { filter: [{ term: { client: value } }, { term: { dimension: query.dimension } }] },
      },
    }),
  ]);
  const source = profiles.hits.hits[0]?._source;
  if (!source) {
    const message = `No RFM profile for this client in '${query.dimension}': the segments stage has not run since its first order, or it has no order there. ${HOW_TO_RUN}`;
    return {
      history,
      profile: { available: false, message },
      clv: {
        available: false,
        message: `No CLV prediction: the clv stage has not run. ${HOW_TO_RUN}`,
      },
    };
  }
  const profile = Object.fromEntries(
    PROFILE_FIELDS.map((field) => [field, source[field] ?? null]),
  ) as unknown as ClientProfileView;
  const clv =
    typeof source.clv_predicted_value === 'number'
      ? {
          available: true as const,
          data: Object.fromEntries(
            CLV_FIELDS.map((field) => [field, source[field] ?? null]),
          ) as unknown as ClvProfileFields,
        }
      : {
          available: false as const,
          message: `No CLV prediction yet: the clv stage has not written one for this client. ${HOW_TO_RUN}`,
        };
  return { history, profile: { available: true, data: profile }, clv };
}
