import type { Client } from '@elastic/elasticsearch';
import { ensureIndices } from '../es/templates';
import { markAbandonedRuns } from '../runs/abandoned_runs';
import { runAnalyses, type AnalysisOptions, type AnalysisResult } from '../pipeline/run_analyses';

export interface AnalysesJobOptions extends AnalysisOptions {
  prefix: string;
}

/** One analyses run over the indices under `prefix` (created first if missing). */
export async function analysesJob(
  client: Client,
  options: AnalysesJobOptions,
): Promise<AnalysisResult> {
  const { prefix, ...analysisOptions } = options;
  const names = await ensureIndices(client, { prefix });
  await markAbandonedRuns(client, names.runs);
  return runAnalyses(client, names, analysisOptions);
}
