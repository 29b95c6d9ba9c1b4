import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@elastic/elasticsearch';
import { ensureIndices } from '../../sidecar/src/es/templates';
import { dropPrefix, testClient, testPrefix } from '../helpers/es';

describe('index templates', () => {
  const prefix = testPrefix('templates');
  let client: Client;

  beforeAll(async () => {
    client = testClient();
    await ensureIndices(client, { prefix });
  });
  afterAll(async () => {
    await dropPrefix(client, prefix);
    await client.close();
  });

  it('creates every index with the mapping DESIGN.md describes', async () => {
    // orders is an alias over one physical index: the mapping is keyed by that index's name.
    const orders = await client.indices.getMapping({ index: `${prefix}orders` });
    expect(Object.keys(orders)).toEqual([`${prefix}orders-initial`]);
    const properties = orders[`${prefix}orders-initial`]!.mappings.properties!;
    expect(properties.client).toEqual({ type: 'keyword' });
    expect(properties.session_start).toEqual({ type: 'date' });
    expect(properties.purchased).toEqual({ type: 'boolean' });
    expect((properties.basket as { type: string }).type).toBe('nested');
    expect(Object.keys((properties.basket as { properties: object }).properties).sort()).toEqual([
      'category',
      'price',
      'price_cents',
      'product',
      'quantity',
    ]);
    // Money is summed in integer cents (issue 9): exact, so two runs give equal reports.
    expect(properties.payment_cents).toEqual({ type: 'long' });
    expect(properties.discount_cents).toEqual({ type: 'long' });

    const reports = await client.indices.getMapping({ index: `${prefix}reports` });
    expect(reports[`${prefix}reports`]!.mappings.properties!.data).toEqual({
      type: 'object',
      enabled: false,
    });
  });

  it('applies the configured shards, replicas and limits', async () => {
    const settings = await client.indices.getSettings({ index: `${prefix}orders` });
    const index = settings[`${prefix}orders-initial`]!.settings!.index!;
    expect(index.number_of_shards).toBe('2');
    expect(index.number_of_replicas).toBe('0');
    expect(index.max_result_window).toBe('5000000');
    expect(index.mapping?.total_fields?.limit).toBe('20000');
  });

  it('is idempotent: a second call changes nothing and fails on nothing', async () => {
    await client.index({
      index: `${prefix}downloads`,
      id: 'c1',
      document: { client: 'c1', download_date: '2025-01-01' },
      refresh: true,
    });
    await ensureIndices(client, { prefix });
    const count = await client.count({ index: `${prefix}downloads` });
    expect(count.count).toBe(1);
  });

  it('rejects an invalid prefix before touching the cluster', async () => {
    await expect(ensureIndices(client, { prefix: 'Bad Prefix' })).rejects.toThrow(
      /index prefix 'Bad Prefix' is invalid/,
    );
  });
});

describe('aliased indices (orders, downloads)', () => {
  const prefix = testPrefix('templates-alias');
  let client: Client;

  beforeAll(async () => {
    client = testClient();
  });
  afterAll(async () => {
    await dropPrefix(client, prefix);
    await client.close();
  });

  it('are aliases over one physical index each; the others are plain indices', async () => {
    await ensureIndices(client, { prefix });
    const orders = await client.indices.getAlias({ name: `${prefix}orders` });
    expect(Object.keys(orders)).toEqual([`${prefix}orders-initial`]);
    const downloads = await client.indices.getAlias({ name: `${prefix}downloads` });
    expect(Object.keys(downloads)).toEqual([`${prefix}downloads-initial`]);
    expect(await client.indices.existsAlias({ name: `${prefix}reports` })).toBe(false);
    expect(await client.indices.exists({ index: `${prefix}reports` })).toBe(true);
  });

  it('give any physical `-<id>` index the same mapping (staging indices of an ingest)', async () => {
    await client.indices.create({ index: `${prefix}orders-20250101t000000z-abc123` });
    const mapping = await client.indices.getMapping({
      index: `${prefix}orders-20250101t000000z-abc123`,
    });
    const properties = Object.values(mapping)[0]!.mappings.properties!;
    expect((properties.basket as { type: string }).type).toBe('nested');
    expect(properties.client).toEqual({ type: 'keyword' });
  });

  it('documents written through the alias are read back through it', async () => {
    await client.index({
      index: `${prefix}orders`,
      id: 's1',
      document: { session_id: 's1', client: 'c1', purchased: true },
      refresh: true,
    });
    const found = await client.get<{ client: string }>({ index: `${prefix}orders`, id: 's1' });
    expect(found._source!.client).toBe('c1');
  });

  it('deleteIndices removes the aliases, their physical indices and any staging copy', async () => {
    await dropPrefix(client, prefix);
    const left = await client.indices.get({
      index: `${prefix}*`,
      expand_wildcards: 'all',
      allow_no_indices: true,
    });
    expect(Object.keys(left)).toEqual([]);
  });

  it('leave an older install’s concrete orders index in place (the next ingest replaces it)', async () => {
    await client.indices.create({ index: `${prefix}orders` });
    await ensureIndices(client, { prefix });
    expect(await client.indices.existsAlias({ name: `${prefix}orders` })).toBe(false);
    expect(await client.indices.exists({ index: `${prefix}orders` })).toBe(true);
    expect(await client.indices.existsAlias({ name: `${prefix}downloads` })).toBe(true);
  });
});
