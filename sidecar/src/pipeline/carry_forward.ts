import type { Client, estypes } from '@elastic/elasticsearch';
import type { ReportDocument } from '../../../common/documents';
import type { IndexNames } from '../../../common/indices';
import { writeReports, type ReportToWrite } from '../reports/report_store';

const PAGE = 500;

/**
 * A run with `--only` recomputes some reports; readers take every report from the newest complete
 * run, so the others are copied from the previous complete run under the new run id.
 */
export async function carryForwardReports(
  client: Client,
  names: IndexNames,
  fromRunId: string,
  toRunId: string,
  skip: (reportId: string) => boolean,
): Promise<number> {
  const pit = await client.openPointInTime({ index: names.reports, keep_alive: '2m' });
  let copied = 0;
  try {
    let after: estypes.SortResults | undefined;
    for (;;) {
      const response = await client.search<ReportDocument>({
        pit: { id: pit.id, keep_alive: '2m' },
        size: PAGE,
        query: { term: { run_id: fromRunId } },
        sort: ['_shard_doc'],
        ...(after ? { search_after: after } : {}),
      });
      const hits = response.hits.hits;
      const batch: ReportToWrite[] = hits
        .map((hit) => hit._source!)
        .filter((doc) => !skip(`${doc.report}/${doc.type}`))
        .map(({ report, type, dimension, params, data }) => ({
          report,
          type,
          dimension,
          params,
          data,
        }));
      await writeReports(client, names, toRunId, batch);
      copied += batch.length;
      if (hits.length < PAGE) break;
      after = hits[hits.length - 1]!.sort;
    }
  } finally {
    await client.closePointInTime({ id: pit.id }).catch(() => undefined);
  }
  return copied;
}
