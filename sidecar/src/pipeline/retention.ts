import type { Client, estypes } from '@elastic/elasticsearch';
import type { IndexNames } from '../../../common/indices';
import { applyRetention } from '../reports/report_store';

const PAGE = 1_000;

/**
 * applyRetention, and where the cluster has no `_delete_by_query` (the integ-test distribution
 * lacks the reindex module) the same pruning by scanning report ids and bulk-deleting them.
 */
export async function keepRecentRuns(
  client: Client,
  names: IndexNames,
  keep: number,
): Promise<void> {
  try {
    await applyRetention(client, names, keep);
    return;
  } catch (error) {
    if (!/no handler found.*_delete_by_query/.test(String((error as Error).message))) throw error;
  }
  const runIds = async (query: estypes.QueryDslQueryContainer, size: number) =>
    (
      await client.search<{ run_id: string }>({
        index: names.runs,
        size,
        query,
        sort: [{ finished_at: { order: 'desc', missing: '_first' } }],
        _source: ['run_id'],
      })
    ).hits.hits.map((hit) => hit._source!.run_id);
  const complete = await runIds(
    {
      bool: {
        filter: [{ term: { status: 'complete' } }, { terms: { kind: ['analyses', 'full'] } }],
      },
    },
    keep,
  );
  if (complete.length === 0) return;
  const kept = [...complete, ...(await runIds({ term: { status: 'running' } }, 100))];
  await client.indices.refresh({ index: names.reports });
  for (;;) {
    const stale = await client.search({
      index: names.reports,
      size: PAGE,
      _source: false,
      query: { bool: { must_not: [{ terms: { run_id: kept } }] } },
    });
    const hits = stale.hits.hits;
    if (hits.length === 0) break;
    await client.bulk({
      operations: hits.map((hit) => ({ delete: { _index: names.reports, _id: hit._id! } })),
      refresh: true,
    });
    if (hits.length < PAGE) break;
  }
}
