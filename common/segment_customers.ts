import { z } from 'zod';
import { ALL_DIMENSIONS } from './documents';
import type { CustomerProfile } from './reports/segments';
import { API_BASE } from './routes';
import { KMEANS_SEGMENTS, QUINTILE_SEGMENTS } from './segments';

/** `GET segments/customers`: the top customers (by total spend) of one segment, paged. */
export const SEGMENT_CUSTOMERS_PATH = `${API_BASE}/segments/customers`;

export const SEGMENT_CUSTOMERS_PAGE_SIZES = [10, 20, 50] as const;
/** Elasticsearch's default max_result_window: pages beyond it are refused, not truncated. */
export const SEGMENT_CUSTOMERS_MAX_OFFSET = 10_000;

export const segmentCustomersQuerySchema = z
  .object({
    dimension: z.string().min(1).max(256).default(ALL_DIMENSIONS),
    scheme: z.enum(['kmeans', 'quintile']).default('kmeans'),
    segment: z.string().min(1).max(100),
    page: z.coerce.number().int().min(0).default(0),
    size: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict()
  .refine(
    (q) =>
      (q.scheme === 'kmeans' ? (KMEANS_SEGMENTS as readonly string[]) : QUINTILE_SEGMENTS).includes(
        q.segment,
      ),
    { message: 'segment is not a segment of that scheme (see common/segments.ts)' },
  )
  .refine((q) => (q.page + 1) * q.size <= SEGMENT_CUSTOMERS_MAX_OFFSET, {
    message: `page × size goes past the first ${SEGMENT_CUSTOMERS_MAX_OFFSET} customers`,
  });
export type SegmentCustomersQuery = z.infer<typeof segmentCustomersQuerySchema>;

export type SegmentCustomer = Pick<
  CustomerProfile,
  | 'client'
  | 'order_count'
  | 'total_spend'
  | 'last_order'
  | 'recency_days'
  | 'frequency_days'
  | 'monetary'
  | 'r_rank'
  | 'f_rank'
  | 'm_rank'
  | 'segment'
  | 'quintile_segment'
>;

export const SEGMENT_CUSTOMER_FIELDS: ReadonlyArray<keyof SegmentCustomer> = [
  'client',
  'order_count',
  'total_spend',
  'last_order',
  'recency_days',
  'frequency_days',
  'monetary',
  'r_rank',
  'f_rank',
  'm_rank',
  'segment',
  'quintile_segment',
];

export interface SegmentCustomersResponse {
  total: number;
  page: number;
  size: number;
  customers: SegmentCustomer[];
}
