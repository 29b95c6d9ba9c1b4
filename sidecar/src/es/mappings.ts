import type { estypes } from '@elastic/elasticsearch';
import { ANNOTATIONS_MAPPING } from '../../../common/annotations';
import type { IndexName } from '../../../common/indices';

type Mapping = estypes.MappingTypeMapping;

const keyword = { type: 'keyword' } as const;
const date = { type: 'date' } as const;
const money = { type: 'double' } as const;
/** Money in integer cents: what sums and the order pass read, so the same data sums the same. */
const cents = { type: 'long' } as const;
const stored = { type: 'object', enabled: false } as const;

/**
 * Mappings of every index, as DESIGN.md describes them. Amounts are stored twice: as doubles in
 * currency units for people (Discover, Lens) and as integer cents that every sum of the reports
 * reads (integer sums are exact in any order, so two runs over the same data agree to the digit,
 * whichever shard answers first); baskets are nested so a query can ask for a
 * product and its category on the same line; nothing is keyed by product id.
 */
export const MAPPINGS: Record<IndexName, Mapping> = {
  orders: {
    dynamic: 'strict',
    properties: {
      session_id: keyword,
      client: keyword,
      session_start: date,
      session_end: date,
      purchased: { type: 'boolean' },
      payment_amount: money,
      discount_amount: money,
      payment_cents: cents,
      discount_cents: cents,
      promotion_id: keyword,
      dimension: keyword,
      actions: {
        type: 'object',
        dynamic: true,
        properties: { has_sessions: { type: 'boolean' }, purchased: { type: 'boolean' } },
      },
      basket: {
        type: 'nested',
        properties: {
          product: keyword,
          category: keyword,
          price: money,
          price_cents: cents,
          quantity: money,
        },
      },
      basket_size: { type: 'integer' },
    },
    dynamic_templates: [
      { action_flags: { path_match: 'actions.*', mapping: { type: 'boolean' } } },
    ],
  },
  downloads: {
    dynamic: 'strict',
    properties: {
      client: keyword,
      download_date: date,
      signup_date: date,
      actions: { type: 'object', dynamic: true },
    },
    dynamic_templates: [{ action_dates: { path_match: 'actions.*', mapping: date } }],
  },
  reports: {
    dynamic: 'strict',
    properties: {
      report: keyword,
      type: keyword,
      dimension: keyword,
      run_id: keyword,
      created_at: date,
      params: stored,
      rows: { type: 'integer' },
      data: stored,
    },
  },
  customers: {
    dynamic: true,
    properties: {
      client: keyword,
      dimension: keyword,
      run_id: keyword,
      updated_at: date,
      order_count: { type: 'integer' },
      total_spend: money,
      first_order: date,
      last_order: date,
      reference_time: date,
      recency_days: { type: 'double' },
      frequency_days: { type: 'double' },
      monetary: money,
      r_rank: { type: 'byte' },
      f_rank: { type: 'byte' },
      m_rank: { type: 'byte' },
      segment: keyword,
      r_score: { type: 'byte' },
      f_score: { type: 'byte' },
      m_score: { type: 'byte' },
      quintile_segment: keyword,
      joint_cluster: { type: 'short' },
      churned: { type: 'boolean' },
      clv_predicted_value: money,
      clv_expected_orders: { type: 'double' },
      clv_p_alive: { type: 'double' },
      clv_model: keyword,
      clv_made_on: date,
    },
  },
  config: {
    dynamic: 'strict',
    properties: {
      kind: keyword,
      name: keyword,
      created_at: date,
      updated_at: date,
      body: stored,
      secret: stored,
    },
  },
  runs: {
    dynamic: 'strict',
    properties: {
      run_id: keyword,
      kind: keyword,
      status: keyword,
      started_at: date,
      finished_at: date,
      heartbeat_at: date,
      owner: {
        properties: {
          pid: { type: 'long' },
          hostname: keyword,
          pid_namespace: keyword,
          process_start: keyword,
        },
      },
      reference_time: date,
      error: { type: 'text' },
      stages: stored,
      summary: stored,
      logs: stored,
    },
  },
  annotations: ANNOTATIONS_MAPPING,
  /** One document per distinct (type, value) of orders; its grams are computed by the sidecar. */
  search: {
    dynamic: 'strict',
    properties: {
      type: keyword,
      value: keyword,
      normalized: keyword,
      grams: keyword,
      gram_count: { type: 'integer' },
      run_id: keyword,
    },
  },
};

/**
 * The `ignore_above` of a keyword field of `index` (dotted path, nested fields included), or null
 * when none is set: a longer value would be stored but silently not indexed.
 */
export function ignoreAbove(index: IndexName, path: string): number | null {
  let properties = MAPPINGS[index].properties;
  const parts = path.split('.');
  for (const [i, part] of parts.entries()) {
    const property = properties?.[part] as
      { ignore_above?: number; properties?: Record<string, estypes.MappingProperty> } | undefined;
    if (!property) return null;
    if (i === parts.length - 1) return property.ignore_above ?? null;
    properties = property.properties;
  }
  return null;
}
