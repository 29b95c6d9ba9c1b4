import type { CustomerProfile } from '../../../../common/reports/segments';
import { KMEANS_SEGMENTS, QUINTILE_SEGMENTS } from '../../../../common/segments';
import type { SliceSegmentation } from './segment_slice';

/** `_id` of a profile: one per client and dimension value, the same in every run (idempotent). */
export function profileId(dimension: string, client: string): string {
  return `${dimension}:${client}`;
}

export interface ProfileContext {
  dimension: string;
  runId: string;
  updatedAt: string;
  /** The run's customer dictionary: rfm.customer[i] indexes it. */
  clients: readonly string[];
}

/** The profile of customer `i` of a slice (an index into its RfmColumns). */
export function profileOf(
  slice: SliceSegmentation,
  i: number,
  context: ProfileContext,
): CustomerProfile {
  const { rfm, kmeans, quintiles } = slice;
  const iso = (ms: number) => new Date(ms).toISOString();
  const f = kmeans.f[i]!;
  const joint = slice.jointCluster[i]!;
  return {
    client: context.clients[rfm.customer[i]!]!,
    dimension: context.dimension,
    run_id: context.runId,
    updated_at: context.updatedAt,
    reference_time: iso(rfm.evaluatedAtMs),
    order_count: rfm.orderCount[i]!,
    total_spend: rfm.totalSpend[i]!,
    first_order: iso(rfm.firstMs[i]!),
    last_order: iso(rfm.lastMs[i]!),
    recency_days: rfm.recencyDays[i]!,
    frequency_days: Number.isNaN(rfm.frequencyDays[i]!) ? null : rfm.frequencyDays[i]!,
    monetary: rfm.monetary[i]!,
    r_rank: kmeans.r[i]!,
    f_rank: f === 0 ? null : f,
    m_rank: kmeans.m[i]!,
    segment: KMEANS_SEGMENTS[kmeans.segment[i]!]!,
    r_score: quintiles.r[i]!,
    f_score: quintiles.f[i]!,
    m_score: quintiles.m[i]!,
    quintile_segment: QUINTILE_SEGMENTS[quintiles.segment[i]!]!,
    joint_cluster: joint >= 0 ? joint : null,
  };
}
