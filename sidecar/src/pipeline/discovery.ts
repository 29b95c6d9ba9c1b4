import type { Client } from '@elastic/elasticsearch';
import type { IndexNames } from '../../../common/indices';
import type { TimeRange } from '../analyses/periods';
import type { MultiBucket, SingleBucket, ValueAgg } from './context';

const RESERVED_ACTIONS = new Set(['has_sessions', 'purchased']);
const MAX_DIMENSIONS = 1_000;

/**
 * The reference time (latest session_start unless given) and the first session: the range every
 * report covers.
 */
export async function discoverRange(
  client: Client,
  names: IndexNames,
  nowOverride?: Date,
): Promise<TimeRange | null> {
  const response = await client.search({
    index: names.orders,
    size: 0,
    track_total_hits: false,
    aggs: {
      first: { min: { field: 'session_start' } },
      last: { max: { field: 'session_start' } },
    },
  });
  const first = (response.aggregations?.first as ValueAgg | undefined)?.value ?? null;
  const last = (response.aggregations?.last as ValueAgg | undefined)?.value ?? null;
  if (first === null || last === null) return null;
  const nowMs = nowOverride ? nowOverride.getTime() : last;
  if (nowMs < first) {
    throw new Error(
      `reference time ${new Date(nowMs).toISOString()} is before the first session (${new Date(first).toISOString()}): nothing to analyse`,
    );
  }
  return { fromMs: first, nowMs };
}

/** Dimension values with any session, by name. */
export async function discoverDimensions(client: Client, names: IndexNames): Promise<string[]> {
  const response = await client.search({
    index: names.orders,
    size: 0,
    track_total_hits: false,
    aggs: {
      values: { terms: { field: 'dimension', size: MAX_DIMENSIONS, order: { _key: 'asc' } } },
    },
  });
  const values = response.aggregations?.values as unknown as MultiBucket;
  return values.buckets.map((bucket) => String(bucket.key));
}

function actionFields(mapping: unknown): string[] {
  const properties = (mapping as { properties?: Record<string, unknown> } | undefined)?.properties;
  return Object.keys(properties ?? {}).filter((name) => !RESERVED_ACTIONS.has(name));
}

/** Names sorted by how many documents have them (true, or a date), most first: funnel order. */
async function byFrequency(
  client: Client,
  index: string,
  names: string[],
  filterFor: (name: string) => object,
): Promise<string[]> {
  if (names.length === 0) return [];
  const response = await client.search({
    index,
    size: 0,
    track_total_hits: false,
    aggs: Object.fromEntries(names.map((name, i) => [`a${i}`, { filter: filterFor(name) }])),
  });
  const count = (i: number) => (response.aggregations?.[`a${i}`] as SingleBucket).doc_count;
  return names
    .map((name, i) => ({ name, n: count(i) }))
    .sort((a, b) => b.n - a.n || a.name.localeCompare(b.name))
    .map(({ name }) => name);
}

/** Boolean session actions under `actions.*` (not has_sessions/purchased), in funnel order. */
export async function discoverSessionActions(client: Client, names: IndexNames): Promise<string[]> {
  // `orders` is an alias: the mapping comes back under its physical index's name.
  const mapping = await client.indices.getMapping({ index: names.orders });
  const fields = actionFields(Object.values(mapping)[0]?.mappings.properties?.actions);
  return byFrequency(client, names.orders, fields, (name) => ({
    term: { [`actions.${name}`]: true },
  }));
}

/** Dated customer actions under `downloads.actions.*`, in funnel order. */
export async function discoverCustomerActions(
  client: Client,
  names: IndexNames,
): Promise<string[]> {
  const mapping = await client.indices.getMapping({ index: names.downloads });
  const fields = actionFields(Object.values(mapping)[0]?.mappings.properties?.actions);
  return byFrequency(client, names.downloads, fields, (name) => ({
    exists: { field: `actions.${name}` },
  }));
}
