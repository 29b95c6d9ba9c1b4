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
    const orders = await client.indices.getMapping({ index: `${prefix}orders` });
    const properties = orders[`${prefix}orders`]!.mappings.properties!;
    expect(properties.client).toEqual({ type: 'keyword' });
    expect(properties.session_start).toEqual({ type: 'date' });
    expect(properties.purchased).toEqual({ type: 'boolean' });
    expect((properties.basket as { type: string }).type).toBe('nested');
    expect(Object.keys((properties.basket as { properties: object }).properties).sort()).toEqual([
      'category',
      'price',
      'product',
      'quantity',
    ]);

    const reports = await client.indices.getMapping({ index: `${prefix}reports` });
    expect(reports[`${prefix}reports`]!.mappings.properties!.data).toEqual({
      type: 'object',
      enabled: false,
    });
  });

  it('applies the configured shards, replicas and limits', async () => {
    const settings = await client.indices.getSettings({ index: `${prefix}orders` });
    const index = settings[`${prefix}orders`]!.settings!.index!;
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
