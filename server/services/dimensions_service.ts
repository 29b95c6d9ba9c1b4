import type { ElasticsearchClient } from '@kbn/core/server';
import { ALL_DIMENSIONS } from '../../common/documents';
import type { IndexNames } from '../../common/indices';
import { latestCompleteRun } from './reports_service';

/**
 * `all`, then the dimension values of the newest complete run in alphabetical order: the values
 * that have reports, even while a newer ingest has added values no run has analysed yet.
 */
export async function listDimensions(
  client: ElasticsearchClient,
  indices: IndexNames,
): Promise<string[]> {
  // Nothing analysed yet is not an error for a filter: it just offers `all`.
  const run = await latestCompleteRun(client, indices, true);
  const values = (run?.dimensions ?? []).filter((value) => value !== ALL_DIMENSIONS);
  return [ALL_DIMENSIONS, ...[...new Set(values)].sort()];
}
