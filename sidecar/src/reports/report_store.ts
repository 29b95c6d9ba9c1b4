import type { Client, estypes } from '@elastic/elasticsearch';
import type { IndexNames } from '../../../common/indices';
import type { ReportDocument } from '../../../common/documents';
import {
  COMPLETE_RUN_QUERY,
  completeRunFromHits,
  latestCompleteRunSearch,
  reportDocumentId,
  type CompleteRun,
} from '../../../common/report_reading';

export { reportDocumentId };

/** What an analysis hands to the store: one report for one dimension value. */
export interface ReportToWrite {
  report: string;
  type: string;
  dimension: string;
  params?: Record<string, unknown>;
  data: Array<Record<string, unknown>>;
}

/** Writes a batch of reports under `runId`; they stay invisible to readers until the run completes. */
export async function writeReports(
  client: Client,
  names: IndexNames,
  runId: string,
  reports: ReportToWrite[],
): Promise<void> {
  if (reports.length === 0) return;
  const createdAt = new Date().toISOString();
  const operations = reports.flatMap((report) => {
    const document: ReportDocument = {
      report: report.report,
      type: report.type,
      dimension: report.dimension,
      run_id: runId,
      created_at: createdAt,
      params: report.params ?? {},
      rows: report.data.length,
      data: report.data,
    };
    return [
      {
        index: {
          _index: names.reports,
          _id: reportDocumentId(runId, report.report, report.type, report.dimension),
        },
      },
      document,
    ];
  });
  const response = await client.bulk({ operations, refresh: false });
  if (response.errors) {
    const failed = response.items.find((item) => item.index?.error)?.index;
    throw new Error(
      `writing reports for run ${runId} failed: ${failed?._id}: ${failed?.error?.reason ?? 'unknown error'}`,
    );
  }
}

/** The newest run with status complete that produced reports, or null. */
export async function latestCompleteRun(
  client: Client,
  names: IndexNames,
): Promise<CompleteRun | null> {
  const response = await client.search<{ run_id: string }>(latestCompleteRunSearch(names.runs));
  return completeRunFromHits(response.hits.hits);
}

export async function latestCompleteRunId(
  client: Client,
  names: IndexNames,
): Promise<string | null> {
  return (await latestCompleteRun(client, names))?.runId ?? null;
}

/** A report of the newest complete run, or null when there is none. */
export async function readLatestReport(
  client: Client,
  names: IndexNames,
  report: string,
  type: string,
  dimension: string,
): Promise<ReportDocument | null> {
  const runId = await latestCompleteRunId(client, names);
  if (!runId) return null;
  const response = await client.get<ReportDocument>(
    { index: names.reports, id: reportDocumentId(runId, report, type, dimension) },
    { ignore: [404] },
  );
  return response.found ? (response._source ?? null) : null;
}

const RETENTION_PAGE = 1_000;

async function runIds(
  client: Client,
  names: IndexNames,
  query: estypes.QueryDslQueryContainer,
  size: number,
): Promise<string[]> {
  const response = await client.search<{ run_id: string }>({
    index: names.runs,
    size,
    query,
    sort: [{ finished_at: { order: 'desc', missing: '_first' } }],
    _source: ['run_id'],
  });
  return response.hits.hits.map((hit) => hit._source!.run_id);
}

/**
 * Keeps the reports of the newest `keep` complete runs (and of any run still writing) and deletes
 * the rest, including reports of failed runs. Called only after a run completed, so readers
 * always have a complete run. Deletes by scanning ids and bulk-deleting them, because
 * `_delete_by_query` lives in the reindex module, which the integ-test distribution (and some
 * hosted clusters) lack.
 */
export async function applyRetention(
  client: Client,
  names: IndexNames,
  keep: number,
): Promise<void> {
  const complete = await runIds(client, names, COMPLETE_RUN_QUERY, keep);
  if (complete.length === 0) return;
  const kept = [
    ...complete,
    ...(await runIds(client, names, { term: { status: 'running' } }, 100)),
  ];
  await client.indices.refresh({ index: names.reports });
  for (;;) {
    const stale = await client.search({
      index: names.reports,
      size: RETENTION_PAGE,
      _source: false,
      query: { bool: { must_not: [{ terms: { run_id: kept } }] } },
    });
    const hits = stale.hits.hits;
    if (hits.length === 0) return;
    await client.bulk({
      operations: hits.map((hit) => ({ delete: { _index: names.reports, _id: hit._id! } })),
      refresh: true,
    });
    if (hits.length < RETENTION_PAGE) return;
  }
}
