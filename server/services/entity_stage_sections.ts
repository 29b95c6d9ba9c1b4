import type { ElasticsearchClient } from '@kbn/core/server';
import type { ReportDocument } from '../../common/documents';
import type { IndexNames } from '../../common/indices';
import { reportDocumentId } from '../../common/report_reading';
import type { EntityResponse } from '../../common/search';
import { latestCompleteRun } from './reports_service';

/** Where each entity's A/B before–after rows live, and the row field naming the entity. */
const AB_REPORTS = {
  product: { type: 'products', field: 'product' },
  promotion: { type: 'promotions', field: 'promotion' },
} as const;

/**
 * The entity's rows of the newest complete run's `abtests/<type>` report for the dimension, or
 * why there are none (no complete run, the A/B stage did not run, or it did not test this one).
 */
export async function abSection(
  client: ElasticsearchClient,
  indices: IndexNames,
  type: keyof typeof AB_REPORTS,
  value: string,
  dimension: string,
): Promise<NonNullable<EntityResponse['ab']>> {
  const howTo = 'Run the analyses with the abtests stage (customer-analytics analyses).';
  const run = await latestCompleteRun(client, indices, true);
  if (!run) return { available: false, message: `No complete analyses run yet. ${howTo}` };
  const { type: reportType, field } = AB_REPORTS[type];
  const response = await client.get<ReportDocument>(
    {
      index: indices.reports,
      id: reportDocumentId(run.runId, 'abtests', reportType, dimension),
    },
    { ignore: [404] },
  );
  if (!response.found || !response._source) {
    return {
      available: false,
      message: `The newest complete run has no A/B before–after results for ${type}s in '${dimension}'. ${howTo}`,
    };
  }
  const rows = response._source.data.filter((row) => row[field] === value);
  if (rows.length === 0) {
    return {
      available: false,
      message: `The A/B stage ran but did not test this ${type} in '${dimension}' (no customer used it with a full window on both sides).`,
    };
  }
  return { available: true, data: rows };
}
