import type { Client, estypes } from '@elastic/elasticsearch';
import type { CustomerTableBuilder } from '../../analyses/customer_table';
import type { PeriodIndex } from '../../analyses/periods';
import type { VisitorCounter } from '../../analyses/visitors';
import type { Bucket, Query, SingleBucket, ValueAgg } from '../context';
import { compositeBuckets } from './composite';
import { storedDateMs } from './stored_dates';

/** Large pages: every page of a sorted scan or composite re-reads the matching documents. */
const PAGE = 50_000;
/**
 * A week's composite page: under the cluster's default search.max_buckets (65,536), and large
 * enough that a week of ~65 k (client, value) pairs mostly needs one read of its sessions.
 */
const WEEK_PAGE = 65_000;

interface DownloadSource {
  client?: string;
  download_date?: unknown;
  signup_date?: unknown;
  actions?: Record<string, unknown> | null;
}

/**
 * Streams `downloads` (point-in-time + search_after in index order, only the needed `_source`
 * fields) into the table: download, signup and each dated action per customer.
 */
export async function loadDownloads(
  client: Client,
  index: string,
  actions: readonly string[],
  table: CustomerTableBuilder,
): Promise<number> {
  const pit = await client.openPointInTime({ index, keep_alive: '2m' });
  let loaded = 0;
  try {
    let after: estypes.SortResults | undefined;
    for (;;) {
      const response = await client.search<DownloadSource>({
        pit: { id: pit.id, keep_alive: '2m' },
        size: PAGE,
        track_total_hits: false,
        _source: ['client', 'download_date', 'signup_date', ...actions.map((a) => `actions.${a}`)],
        // Order does not matter here: the cheapest order is the point in time's own.
        sort: ['_shard_doc'],
        filter_path: ['hits.hits._source', 'hits.hits.sort'],
        ...(after ? { search_after: after } : {}),
      });
      // filter_path leaves no `hits` at all when a page is empty.
      const hits = (response.hits as typeof response.hits | undefined)?.hits ?? [];
      for (const hit of hits) {
        const source = hit._source ?? {};
        const clientId = source.client ? String(source.client) : '';
        if (!clientId) continue;
        const where = `${index} client ${clientId}`;
        table.setDownload(
          clientId,
          storedDateMs(source.download_date, `${where} download_date`),
          storedDateMs(source.signup_date, `${where} signup_date`),
          actions.map((a) => storedDateMs(source.actions?.[a], `${where} actions.${a}`)),
        );
        loaded++;
      }
      if (hits.length < PAGE) break;
      after = hits[hits.length - 1]!.sort;
    }
  } finally {
    await client.closePointInTime({ id: pit.id }).catch(() => undefined);
  }
  return loaded;
}

type Window = { fromMs: number; toMs: number };
type WindowName = 'last7' | 'previous7';
const WINDOWS: readonly WindowName[] = ['last7', 'previous7'];

/** Weeks whose composites may run at once: the node's search threads work while we read. */
const CONCURRENT_WEEKS = 2;

function rangeFilter(fromMs: number, toMs: number): Query {
  return { range: { session_start: { gte: fromMs, lt: toMs, format: 'epoch_millis' } } };
}

/**
 * How a week [startMs, endMs) meets a KPI window: not at all, wholly inside it (every bucket is
 * in it), or partly (a filter sub-aggregation tells).
 */
function overlap(window: Window, startMs: number, endMs: number): 'none' | 'inside' | 'partly' {
  if (window.toMs <= startMs || window.fromMs >= endMs) return 'none';
  return window.fromMs <= startMs && window.toMs >= endMs ? 'inside' : 'partly';
}

export interface FirstSessionsInput {
  /** The run's sessions (up to its reference time). */
  sessions: Query;
  weeks: PeriodIndex;
  windows: Record<WindowName, Window>;
  dimensionIndex: ReadonlyMap<string, number>;
}

/** One week's composite over client × dimension: first session, and presence in the windows. */
async function loadWeek(
  client: Client,
  index: string,
  input: FirstSessionsInput,
  week: number,
  sink: { table: CustomerTableBuilder; visitors: VisitorCounter },
): Promise<number> {
  const { weeks, windows, dimensionIndex } = input;
  const startMs = weeks.starts[week]!;
  const endMs = weeks.starts[week + 1] ?? Number.MAX_SAFE_INTEGER;
  const aggs: Record<string, estypes.AggregationsAggregationContainer> = {
    first: { min: { field: 'session_start' } },
  };
  const meets = WINDOWS.map((name) => overlap(windows[name], startMs, endMs));
  WINDOWS.forEach((name, w) => {
    if (meets[w] === 'partly')
      aggs[name] = { filter: rangeFilter(windows[name].fromMs, windows[name].toMs) };
  });
  const pages = compositeBuckets(client, {
    index,
    query: { bool: { filter: [input.sessions, rangeFilter(startMs, endMs)] } },
    size: WEEK_PAGE,
    sources: [
      { client: { terms: { field: 'client' } } },
      { dimension: { terms: { field: 'dimension', missing_bucket: true } } },
    ],
    aggs,
    bucketFields: ['first.value', ...WINDOWS.map((name) => `${name}.doc_count`)],
  });
  const inWindow = (bucket: Bucket, w: number): boolean =>
    meets[w] === 'inside' ||
    (meets[w] === 'partly' && (bucket[WINDOWS[w]!] as SingleBucket).doc_count > 0);
  let buckets = 0;
  for await (const page of pages) {
    for (const bucket of page) {
      const key = bucket.key as { client: string; dimension: string | null };
      const first = (bucket.first as ValueAgg).value;
      if (first === null) continue;
      const d = key.dimension === null ? -1 : (dimensionIndex.get(key.dimension) ?? -1);
      const customer = sink.table.indexOf(String(key.client));
      sink.table.addFirstSession(customer, d, first);
      sink.visitors.add(week, customer, d, inWindow(bucket, 0), inWindow(bucket, 1));
      buckets++;
    }
  }
  return buckets;
}

/**
 * Every client's first session per dimension value, and the distinct visitors per week and KPI
 * window (exact: no cardinality), from composites over client × dimension, one per week of the
 * range. Per week, because every page of a composite reads all its matching documents: a week's
 * pages read only that week's sessions. Also enrols clients who never bought, whom the pass over
 * orders does not see.
 */
export async function loadFirstSessions(
  client: Client,
  index: string,
  input: FirstSessionsInput,
  sink: { table: CustomerTableBuilder; visitors: VisitorCounter },
): Promise<number> {
  let next = 0;
  let buckets = 0;
  const weekCount = input.weeks.starts.length;
  const worker = async (): Promise<void> => {
    while (next < weekCount) {
      const loaded = await loadWeek(client, index, input, next++, sink);
      buckets += loaded;
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENT_WEEKS, weekCount) }, worker));
  return buckets;
}
