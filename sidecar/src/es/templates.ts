import type { Client } from '@elastic/elasticsearch';
import { INDEX_NAMES, indexNames, type IndexName, type IndexNames } from '../../../common/indices';
import { indexSettings, type IndexSettings } from './index_settings';
import { MAPPINGS } from './mappings';

/**
 * Indices the ingest replaces as a whole: `${prefix}orders` and `${prefix}downloads` are aliases,
 * each over one physical index `${alias}-<id>`. An ingest loads a new physical index and swaps
 * the alias in one atomic `_aliases` call, so readers see the old data or the new, never half.
 */
export const ALIASED_INDICES = [
  'orders',
  'downloads',
  'customers',
] as const satisfies readonly IndexName[];
const aliased = new Set<IndexName>(ALIASED_INDICES);

/** The physical index behind `alias` for one load (`id`: a run id, or `initial`). */
export function physicalIndexName(alias: string, id: string): string {
  return `${alias}-${id.toLowerCase()}`;
}

/** The physical index ensureIndices creates so the alias is queryable before any ingest. */
export const INITIAL_INDEX_ID = 'initial';

async function createIfMissing(client: Client, index: string, alias: string | null): Promise<void> {
  try {
    await client.indices.create({ index, ...(alias ? { aliases: { [alias]: {} } } : {}) });
  } catch (error) {
    // Another process created it between our check and create: that is fine.
    if (!/resource_already_exists_exception/.test(String(error))) throw error;
  }
}

/**
 * Puts one composable template per index (so an index deleted by hand comes back with the right
 * mapping; for orders and downloads it also covers their physical `-<id>` indices) and creates
 * any index that is missing. Safe to call on every start. An older install's concrete `orders`
 * index is left as it is: the next ingest replaces it by the alias (see ingest/staging.ts).
 */
export async function ensureIndices(
  client: Client,
  overrides: Partial<IndexSettings> = {},
): Promise<IndexNames> {
  const settings = indexSettings(overrides);
  const names = indexNames(settings.prefix);
  for (const logical of INDEX_NAMES) {
    const name = names[logical];
    await client.indices.putIndexTemplate({
      name,
      index_patterns: aliased.has(logical) ? [name, `${name}-*`] : [name],
      priority: 500,
      template: {
        settings: {
          number_of_shards: settings.shards,
          number_of_replicas: settings.replicas,
          'mapping.total_fields.limit': settings.totalFieldsLimit,
          max_result_window: settings.maxResultWindow,
        },
        mappings: MAPPINGS[logical],
      },
      _meta: { managed_by: 'customer-analytics' },
    });
    if (await client.indices.exists({ index: name })) continue;
    if (aliased.has(logical)) {
      await createIfMissing(client, physicalIndexName(name, INITIAL_INDEX_ID), name);
    } else {
      await createIfMissing(client, name, null);
    }
  }
  return names;
}

/**
 * The concrete indices behind a name: the alias's targets, the concrete index of that name, and
 * every physical `${name}-*` index (staging copies included).
 */
export async function concreteIndices(client: Client, name: string): Promise<string[]> {
  const found = await client.indices.get({
    index: [name, `${name}-*`],
    ignore_unavailable: true,
    allow_no_indices: true,
    expand_wildcards: 'all',
    filter_path: '*.settings.index.provided_name',
  });
  return Object.keys(found ?? {});
}

/** Deletes every index, alias and template under `prefix` (tests and `reset`). */
export async function deleteIndices(client: Client, prefix: string): Promise<void> {
  const names = indexNames(prefix);
  for (const logical of INDEX_NAMES) {
    const name = names[logical];
    // Deleting by wildcard is refused by default (action.destructive_requires_name): name each.
    const indices = aliased.has(logical) ? await concreteIndices(client, name) : [name];
    if (indices.length > 0) {
      await client.indices.delete({ index: indices, ignore_unavailable: true });
    }
    await client.indices.deleteIndexTemplate({ name }, { ignore: [404] });
  }
}
