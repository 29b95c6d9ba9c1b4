import type { estypes } from '@elastic/elasticsearch';
import { ANNOTATIONS_MAPPING } from '../../../common/annotations';
import type { IndexName } from '../../../common/indices';

type Mapping = estypes.MappingTypeMapping;

const keyword = { type: 'keyword' } as const;
const date = { type: 'date' } as const;
const money = { type: 'double' } as const;
const stored = { type: 'object', enabled: false } as const;

/**
 * Mappings of every index, as DESIGN.md describes them. Amounts are doubles so that sums of many
 * cents do not drift the way 32-bit floats do; baskets are nested so a query can ask for a
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
      promotion_id: keyword,
      dimension: keyword,
      actions: {
        type: 'object',
        dynamic: true,
        properties: { has_sessions: { type: 'boolean' }, purchased: { type: 'boolean' } },
      },
      basket: {
        type: 'nested',
        properties: { product: keyword, category: keyword, price: money, quantity: money },
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
      recency_days: { type: 'double' },
      frequency_days: { type: 'double' },
      monetary: money,
      r_rank: { type: 'byte' },
      f_rank: { type: 'byte' },
      m_rank: { type: 'byte' },
      segment: keyword,
      quintile_segment: keyword,
      churned: { type: 'boolean' },
      clv_6m: money,
      p_alive: { type: 'double' },
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
      reference_time: date,
      error: { type: 'text' },
      stages: stored,
      summary: stored,
      logs: stored,
    },
  },
  annotations: ANNOTATIONS_MAPPING,
};
