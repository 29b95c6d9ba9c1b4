import type { Client } from '@elastic/elasticsearch';
import { INDEX_NAMES, indexNames, type IndexNames } from '../../../common/indices';
import { indexSettings, type IndexSettings } from './index_settings';
import { MAPPINGS } from './mappings';

/**
 * Puts one composable template per index (so an index deleted by hand comes back with the right
 * mapping) and creates any index that is missing. Safe to call on every start.
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
      index_patterns: [name],
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
    const exists = await client.indices.exists({ index: name });
    if (!exists) {
      try {
        await client.indices.create({ index: name });
      } catch (error) {
        // Another process created it between our check and create: that is fine.
        if (!/resource_already_exists_exception/.test(String(error))) throw error;
      }
    }
  }
  return names;
}

/** Deletes every index and template under `prefix` (tests and `reset`). */
export async function deleteIndices(client: Client, prefix: string): Promise<void> {
  const names = indexNames(prefix);
  for (const name of Object.values(names)) {
    await client.indices.delete({ index: name, ignore_unavailable: true });
    await client.indices.deleteIndexTemplate({ name }, { ignore: [404] });
  }
}
