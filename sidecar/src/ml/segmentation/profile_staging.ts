import type { Client } from '@elastic/elasticsearch';
import type { IndexNames } from '../../../../common/indices';
import { physicalIndexName } from '../../es/templates';
import { profileId, profileOf, type ProfileContext } from './profiles';
import type { SliceSegmentation } from './segment_slice';

/** Profiles per _bulk request: ~400 bytes each, so about 2 MB per request. */
const BATCH = 5_000;

/**
 * The run's profiles go into a fresh physical index `${prefix}customers-<run>` while readers,
 * Discover and Lens keep reading the alias `${prefix}customers`; only a completed run moves the
 * alias (and deletes the previous index) in one `_aliases` call, as the ingest's staging does
 * (../../ingest/staging.ts). A failed run deletes its staging index: the previous profiles stay.
 */
export class ProfileStaging {
  private written = 0;

  private constructor(
    private readonly client: Client,
    private readonly alias: string,
    readonly index: string,
  ) {}

  static async create(client: Client, names: IndexNames, runId: string): Promise<ProfileStaging> {
    const index = physicalIndexName(names.customers, runId);
    await client.indices.create({ index, settings: { 'index.refresh_interval': '-1' } });
    return new ProfileStaging(client, names.customers, index);
  }

  get documents(): number {
    return this.written;
  }

  /** Bulk-writes every profile of one slice. */
  async write(slice: SliceSegmentation, context: ProfileContext): Promise<void> {
    const count = slice.rfm.recencyDays.length;
    for (let start = 0; start < count; start += BATCH) {
      const operations: object[] = [];
      for (let i = start; i < Math.min(count, start + BATCH); i++) {
        const profile = profileOf(slice, i, context);
        operations.push({
          index: { _index: this.index, _id: profileId(profile.dimension, profile.client) },
        });
        operations.push(profile);
      }
      const response = await this.client.bulk({ operations, refresh: false });
      if (response.errors) {
        const failed = response.items.find((item) => item.index?.error)?.index;
        throw new Error(
          `writing customer profiles into ${this.index} failed: ${failed?._id}: ${failed?.error?.reason ?? 'unknown error'}`,
        );
      }
      this.written += operations.length / 2;
    }
  }

  /**
   * Adds fields to staged profiles (a later stage's, e.g. CLV's), by profile id. Ids with no
   * staged profile are skipped: a later stage may know customers the segmentation left out.
   */
  async addFields(updates: readonly { id: string; fields: object }[]): Promise<number> {
    let updated = 0;
    for (let start = 0; start < updates.length; start += BATCH) {
      const operations = updates
        .slice(start, start + BATCH)
        .flatMap(({ id, fields }) => [
          { update: { _index: this.index, _id: id } },
          { doc: fields },
        ]);
      const response = await this.client.bulk({ operations, refresh: false });
      for (const item of response.items) {
        const error = item.update?.error;
        if (!error) updated++;
        else if (error.type !== 'document_missing_exception') {
          throw new Error(
            `adding fields to customer profile ${item.update?._id} in ${this.index} failed: ${error.reason ?? error.type}`,
          );
        }
      }
    }
    return updated;
  }

  /** Makes the staged profiles what everyone reads: alias moved, previous index deleted, at once. */
  async publish(): Promise<void> {
    await this.client.indices.putSettings({
      index: this.index,
      settings: { index: { refresh_interval: null as unknown as string } },
    });
    await this.client.indices.refresh({ index: this.index });
    const count = (await this.client.count({ index: this.index })).count;
    if (count !== this.written) {
      throw new Error(
        `the profiles index ${this.index} holds ${count} documents where ${this.written} were written: not published`,
      );
    }
    const previous = await this.currentTargets();
    await this.client.indices.updateAliases({
      actions: [
        ...previous
          .filter((old) => old !== this.index)
          .map((old) => ({ remove_index: { index: old } })),
        { add: { index: this.index, alias: this.alias } },
      ],
    });
  }

  async discard(): Promise<void> {
    await this.client.indices.delete({ index: this.index, ignore_unavailable: true });
  }

  /** What the alias points at now, or an older install's concrete index of that name. */
  private async currentTargets(): Promise<string[]> {
    if (await this.client.indices.existsAlias({ name: this.alias })) {
      return Object.keys(await this.client.indices.getAlias({ name: this.alias }));
    }
    return (await this.client.indices.exists({ index: this.alias })) ? [this.alias] : [];
  }
}
