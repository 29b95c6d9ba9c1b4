import { weeklySegmentRows } from '../../ml/segmentation/weekly';
import { ProfileStaging } from '../../ml/segmentation/profile_staging';
import {
  clusterParams,
  clusterRows,
  histogramRows,
  jointRows,
  qualityRows,
  scatterRows,
  segmentSizeRows,
} from '../../ml/segmentation/reports';
import { DEFAULT_SEGMENTATION, segmentSlice } from '../../ml/segmentation/segment_slice';
import type { ProduceStep, ReportProducer, RunData } from './types';

const NEEDS = ['order_pass', 'customers'] as const;

/** One staging index of profiles per run, created by the first context that needs it. */
const stagingOfRun = new WeakMap<RunData, Promise<ProfileStaging>>();

/** Each context's k-means segment per customer, kept for later stages (clv) so none recomputes it. */
const kmeansOfRun = new WeakMap<
  RunData,
  Map<string, { customer: Int32Array; segment: Uint8Array }>
>();

/** The segments stage's k-means assignment of one context (`rfm.customer[i]` → `segment[i]`). */
export function kmeansSegmentsOf(
  run: RunData,
  dimension: string,
): { customer: Int32Array; segment: Uint8Array } | null {
  return kmeansOfRun.get(run)?.get(dimension) ?? null;
}

/** The run's profile staging index, or null when the segments stage staged none. */
export function stagedProfiles(run: RunData): Promise<ProfileStaging> | null {
  return stagingOfRun.get(run) ?? null;
}

function profileStaging(run: RunData): Promise<ProfileStaging> {
  let staging = stagingOfRun.get(run);
  if (!staging) {
    staging = ProfileStaging.create(run.client, run.names, run.runId).then((created) => {
      run.finishers.push({
        complete: () => created.publish(),
        discard: () => created.discard(),
      });
      return created;
    });
    stagingOfRun.set(run, staging);
  }
  return staging;
}

/** RFM segmentation (ANALYSES.md "Segmentation"): reports, and the profiles in `customers`. */
export const segmentsProducer: ReportProducer = {
  family: 'segments',
  stage: 'segments',
  reports: {
    'segments/sizes': NEEDS,
    'segments/clusters': NEEDS,
    'segments/histogram': NEEDS,
    'segments/scatter': NEEDS,
    'segments/quality': NEEDS,
    'segments/joint': NEEDS,
    'segments/weekly': NEEDS,
  },
  async produce(step: ProduceStep) {
    const { run, context } = step;
    const sequences = step.inputs.sequences();
    if (!sequences || !run.customers) return;
    const options = DEFAULT_SEGMENTATION;
    const slice = segmentSlice(sequences, run.range.nowMs, options);
    if (!kmeansOfRun.has(run)) kmeansOfRun.set(run, new Map());
    kmeansOfRun.get(run)!.set(context.dimension, {
      customer: slice.rfm.customer,
      segment: slice.kmeans.segment,
    });
    const params = {
      ...step.inputs.baseParams,
      seed: options.seed,
      customers: slice.rfm.recencyDays.length,
    };
    step.put('segments/sizes', segmentSizeRows(slice), params);
    step.put('segments/clusters', clusterRows(slice), {
      ...params,
      k: options.k,
      restarts: options.restarts,
      metrics: clusterParams(slice, options),
    });
    step.put('segments/histogram', histogramRows(slice, options.histogramBins), params);
    step.put('segments/scatter', scatterRows(slice, options), {
      ...params,
      sample_limit: options.scatterSample,
    });
    step.put('segments/quality', qualityRows(slice), {
      ...params,
      silhouette_sample_limit: options.silhouetteSample,
      chosen_k: slice.joint?.chosenK ?? null,
    });
    step.put('segments/joint', jointRows(slice), {
      ...params,
      chosen_k: slice.joint?.chosenK ?? null,
    });
    if (step.selected('segments/weekly')) {
      step.put('segments/weekly', weeklySegmentRows(sequences, run.range.nowMs, options), {
        ...params,
        weeks: options.weeks,
      });
    }
    const staging = await profileStaging(run);
    await staging.write(slice, {
      dimension: context.dimension,
      runId: run.runId,
      updatedAt: new Date().toISOString(),
      clients: run.customers.clients,
    });
  },
};
