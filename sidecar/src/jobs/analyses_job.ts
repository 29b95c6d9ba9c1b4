import type { Client } from '@elastic/elasticsearch';
import { indexNames } from '../../../common/indices';
import { ensureIndices } from '../es/templates';
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
  await ensureIndices(client, { prefix });
  return runAnalyses(client, indexNames(prefix), analysisOptions);
}
