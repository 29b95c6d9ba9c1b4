import type { Client } from '@elastic/elasticsearch';
import { ensureIndices } from '../es/templates';
import { markAbandonedRuns } from '../runs/abandoned_runs';
import type { IngestConfig } from '../../../common/source_mapping';
import { demoConfig, loadConfigFile } from '../ingest/config';
import { ingest, type IngestOptions } from '../ingest/ingest';
import type { IngestSummary } from '../ingest/summary';

/** Where the rows come from: a YAML/JSON sources file, or the three CSVs of `demo-data`. */
export type IngestSource = { configFile: string } | { demoDirectory: string };

export interface IngestJobOptions extends Omit<IngestOptions, 'recorder'> {
  prefix: string;
  /** From `loadIngestSource`, so a bad file is reported before Elasticsearch is started. */
  config: IngestConfig;
}

export function loadIngestSource(source: IngestSource): Promise<IngestConfig> {
  return 'configFile' in source
    ? loadConfigFile(source.configFile)
    : Promise.resolve(demoConfig(source.demoDirectory));
}

/**
 * Loads the sources into `orders` and `downloads` under `prefix`, creating the indices and
 * templates first. Progress: `onProgress` (rows read and written) and `bulk.onRetry`.
 * Throws IngestError (with the summary) when the ingest stopped on purpose.
 */
export async function ingestJob(client: Client, options: IngestJobOptions): Promise<IngestSummary> {
  const { prefix, config, ...ingestOptions } = options;
  const names = await ensureIndices(client, { prefix });
  await markAbandonedRuns(client, names.runs);
  return ingest(client, names, config, ingestOptions);
}
