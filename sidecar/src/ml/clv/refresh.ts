import type { Client, estypes } from '@elastic/elasticsearch';
import type { ReportDocument } from '../../../../common/documents';
import type { IndexNames } from '../../../../common/indices';
import type { ClvProfileFields } from '../../../../common/reports/clv';
import { latestCompleteRunId, reportDocumentId } from '../../reports/report_store';
import { profileId } from '../segmentation/profiles';
import type { ProfileStaging } from '../segmentation/profile_staging';
import { DAY_MS } from './summary';

/** The stage refits at most weekly (issue 14): a newer prediction is carried forward. */
export const REFRESH_DAYS = 7;

export const CLV_TYPES = ['daily', 'backtest', 'summary', 'segments', 'top_customers', 'p_alive'];

export interface RefreshDecision {
  /** Carry the previous run's clv reports forward instead of refitting. */
  skip: boolean;
  previousRunId: string | null;
  /** The previous refresh's `made_on`, when there is one. */
  previousMadeOn: string | null;
  /** Why, in words, for the run's log. */
  reason: string;
}

/**
 * Whether this run refits: it does unless the newest complete run holds a `clv/summary` (of `all`)
 * made fewer than REFRESH_DAYS days before `nowMs`, or `force` is set.
 */
export async function refreshDecision(
  client: Client,
  names: IndexNames,
  nowMs: number,
  force: boolean,
): Promise<RefreshDecision> {
  const previousRunId = await latestCompleteRunId(client, names);
  const summary = previousRunId
    ? await readReport(client, names, previousRunId, 'summary', 'all')
    : null;
  const madeOn = (summary?.data[0] as { made_on?: string } | undefined)?.made_on ?? null;
  if (!previousRunId || !madeOn) {
    return { skip: false, previousRunId, previousMadeOn: null, reason: 'no earlier prediction' };
  }
  const ageDays = Math.floor((nowMs - Date.parse(`${madeOn}T00:00:00Z`)) / DAY_MS);
  if (ageDays >= REFRESH_DAYS || ageDays < 0) {
    return {
      skip: false,
      previousRunId,
      previousMadeOn: madeOn,
      reason: `the prediction of ${madeOn} is ${ageDays} days from now (refreshed every ${REFRESH_DAYS})`,
    };
  }
  const why = `the prediction of ${madeOn} (run ${previousRunId}) is ${ageDays} day(s) old, under ${REFRESH_DAYS}`;
  return force
    ? { skip: false, previousRunId, previousMadeOn: madeOn, reason: `${why}, but --force refits` }
    : {
        skip: true,
        previousRunId,
        previousMadeOn: madeOn,
        reason: `${why}: its reports are carried forward (--force refits)`,
      };
}

export async function readReport(
  client: Client,
  names: IndexNames,
  runId: string,
  type: string,
  dimension: string,
): Promise<ReportDocument | null> {
  const response = await client.get<ReportDocument>(
    { index: names.reports, id: reportDocumentId(runId, 'clv', type, dimension) },
    { ignore: [404] },
  );
  return response.found ? (response._source ?? null) : null;
}

/** The previous run's clv reports of one dimension value, as they were written. */
export async function previousClvReports(
  client: Client,
  names: IndexNames,
  runId: string,
  dimension: string,
): Promise<ReportDocument[]> {
  const docs = await Promise.all(
    CLV_TYPES.map((type) => readReport(client, names, runId, type, dimension)),
  );
  return docs.filter((doc): doc is ReportDocument => doc !== null);
}

const PROFILE_FIELDS: (keyof ClvProfileFields)[] = [
  'clv_predicted_value',
  'clv_expected_orders',
  'clv_p_alive',
  'clv_model',
  'clv_made_on',
];
const PAGE = 5_000;

/**
 * Copies the published profiles' CLV fields of one dimension value into the run's staged
 * profiles, so a run that carries the prediction forward keeps them too. Returns profiles updated.
 */
export async function carryProfileFields(
  client: Client,
  names: IndexNames,
  staging: ProfileStaging,
  dimension: string,
): Promise<number> {
  if (!(await client.indices.exists({ index: names.customers }))) return 0;
  const pit = await client.openPointInTime({ index: names.customers, keep_alive: '2m' });
  let updated = 0;
  try {
    let after: estypes.SortResults | undefined;
    for (;;) {
      const response = await client.search<Record<string, unknown>>({
        pit: { id: pit.id, keep_alive: '2m' },
        size: PAGE,
        query: {
          bool: { filter: [{ term: { dimension } }, { exists: { field: 'clv_made_on' } }] },
        },
        _source: ['client', ...PROFILE_FIELDS],
        sort: ['_shard_doc'],
        ...(after ? { search_after: after } : {}),
      });
      const hits = response.hits.hits;
      updated += await staging.addFields(
        hits.map((hit) => {
          const { client: customer, ...fields } = hit._source!;
          return { id: profileId(dimension, String(customer)), fields };
        }),
      );
      if (hits.length < PAGE) break;
      after = hits[hits.length - 1]!.sort;
    }
  } finally {
    await client.closePointInTime({ id: pit.id }).catch(() => undefined);
  }
  return updated;
}
