import type { estypes } from '@elastic/elasticsearch';
import { ALL_DIMENSIONS } from '../../../common/documents';
import type { TimeRange } from '../analyses/periods';

export type Query = estypes.QueryDslQueryContainer;

/**
 * One slice a report is computed for: `all` sessions, or one dimension value's. `dimensionIndex`
 * is the value's position in the run's dimension list (-1 for all), as the pass stores it.
 */
export interface AnalysisContext {
  dimension: string;
  dimensionIndex: number;
}

/** Every session, whatever its dimension value. */
export const ALL_CONTEXT: AnalysisContext = { dimension: ALL_DIMENSIONS, dimensionIndex: -1 };

export function analysisContexts(dimensions: readonly string[]): AnalysisContext[] {
  return [
    ALL_CONTEXT,
    ...dimensions.map((dimension, dimensionIndex) => ({ dimension, dimensionIndex })),
  ];
}

/** Sessions of the run: up to its reference time, and of the context's dimension value. */
export function sessionsQuery(
  context: AnalysisContext,
  range: TimeRange,
  extra: Query[] = [],
): Query {
  const filter: Query[] = [
    { range: { session_start: { lte: range.nowMs, format: 'epoch_millis' } } },
    ...extra,
  ];
  if (context.dimensionIndex >= 0) filter.push({ term: { dimension: context.dimension } });
  return { bool: { filter } };
}

export const PURCHASED: Query = { term: { purchased: true } };
export const HAS_PROMOTION: Query = { exists: { field: 'promotion_id' } };

/** Bucket shapes we read back (the client's aggregate types are unions too wide to narrow). */
export interface Bucket {
  key: number | string | Record<string, unknown>;
  doc_count: number;
  [sub: string]: unknown;
}
export interface MultiBucket {
  buckets: Bucket[];
  after_key?: Record<string, unknown>;
}
export interface ValueAgg {
  value: number | null;
}
export interface SingleBucket {
  doc_count: number;
  [sub: string]: unknown;
}

export function sub<T>(bucket: Bucket | SingleBucket, name: string): T {
  const value = bucket[name];
  if (value === undefined) throw new Error(`aggregation '${name}' missing from the response`);
  return value as T;
}
