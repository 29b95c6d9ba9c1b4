/**
 * The ingest's staging indices: each load writes fresh physical indices (`${prefix}orders-<run>`,
 * `${prefix}downloads-<run>`, mappings from the index templates) while users keep reading the
 * aliases `${prefix}orders` / `${prefix}downloads`. Only when the load is complete and its error
 * rate acceptable are both aliases moved in ONE `_aliases` call that also deletes the previous
 * physical indices (`remove_index`), so readers switch atomically from the old data to the new.
 * A failed load deletes its staging indices and leaves what users see untouched; those of a load
 * that was killed are deleted by the next ingest (staging_cleanup.ts).
 *
 * A full replacement makes re-ingesting idempotent (same counts) and makes rows removed from
 * the source disappear. An older install's concrete `${prefix}orders` index is replaced by the
 * alias in the same call (reindexing is not available on the integ-test distribution anyway).
 */
import type { Client } from '@elastic/elasticsearch';
import type { IndexNames } from '../../../common/indices';
import { physicalIndexName } from '../es/templates';

export interface StagingIndices {
  orders: string;
  downloads: string;
}

const ROLES = ['orders', 'downloads'] as const;

/**
 * Creates the staging indices, with no periodic refresh while loading (each refresh makes a
 * segment; one refresh happens at publish).
 */
export async function createStaging(
  client: Client,
  names: IndexNames,
  runId: string,
): Promise<StagingIndices> {
  const staging: StagingIndices = {
    orders: physicalIndexName(names.orders, runId),
    downloads: physicalIndexName(names.downloads, runId),
  };
  await Promise.all(
    ROLES.map((role) =>
      client.indices.create({ index: staging[role], settings: { 'index.refresh_interval': '-1' } }),
    ),
  );
  return staging;
}

/** The indices an alias (or an older install's concrete index of that name) points at now. */
export async function currentTargets(client: Client, alias: string): Promise<string[]> {
  if (await client.indices.existsAlias({ name: alias })) {
    return Object.keys(await client.indices.getAlias({ name: alias }));
  }
  // No alias of that name: a concrete index may carry it (installs before the aliases).
  return (await client.indices.exists({ index: alias })) ? [alias] : [];
}

/**
 * Ends the load: restores the default refresh interval, refreshes, and checks that each staging
 * index holds exactly the documents the load wrote (nothing lost to a restart, nothing doubled).
 */
export async function refreshStaging(
  client: Client,
  staging: StagingIndices,
  expected: Record<(typeof ROLES)[number], number>,
): Promise<void> {
  const indices = [staging.orders, staging.downloads];
  await client.indices.putSettings({
    index: indices,
    settings: { index: { refresh_interval: null as unknown as string } },
  });
  await client.indices.refresh({ index: indices });
  const counts = await Promise.all(ROLES.map((role) => client.count({ index: staging[role] })));
  for (const [i, role] of ROLES.entries()) {
    const count = counts[i]!.count;
    if (count !== expected[role]) {
      throw new Error(
        `the loaded ${role} index ${staging[role]} holds ${count} documents where ${expected[role]} were written: it was not published; run the ingest again`,
      );
    }
  }
}

/**
 * Makes the staging indices what users see: moves both aliases and deletes the previous physical
 * indices (or an older install's concrete index of the alias's name) in one atomic call.
 */
export async function publishStaging(
  client: Client,
  names: IndexNames,
  staging: StagingIndices,
): Promise<void> {
  const targets = await Promise.all(ROLES.map((role) => currentTargets(client, names[role])));
  const actions: Array<Record<string, { index: string; alias?: string }>> = [];
  for (const [i, role] of ROLES.entries()) {
    for (const old of targets[i]!) {
      if (old !== staging[role]) actions.push({ remove_index: { index: old } });
    }
    actions.push({ add: { index: staging[role], alias: names[role] } });
  }
  await client.indices.updateAliases({ actions });
}

/** Deletes the staging indices of a load that will not be published (best effort). */
export async function discardStaging(client: Client, staging: StagingIndices): Promise<void> {
  await client.indices.delete({
    index: [staging.orders, staging.downloads],
    ignore_unavailable: true,
  });
}
