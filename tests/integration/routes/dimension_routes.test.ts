import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@elastic/elasticsearch';
import { indexNames } from '../../../common/indices';
import { ensureIndices } from '../../../sidecar/src/es/templates';
import { dropPrefix, testClient, testPrefix } from '../../helpers/es';
import { startTestHost } from '../../helpers/host';

function order(sessionId: string, dimension: string | null) {
  return {
    session_id: sessionId,
    client: `c-${sessionId}`,
    session_start: '2025-03-01T10:00:00Z',
    purchased: true,
    payment_amount: 10,
    discount_amount: 0,
    dimension,
    actions: { has_sessions: true, purchased: true },
  };
}

describe('GET /api/customer_analytics/dimensions', () => {
  let client: Client;
  const prefixes: string[] = [];

  beforeAll(() => {
    client = testClient();
  });

  afterAll(async () => {
    for (const prefix of prefixes) await dropPrefix(client, prefix);
    await client.close();
  });

  it('lists all first, then each distinct dimension value in alphabetical order', async () => {
    const prefix = testPrefix('dimension-routes');
    prefixes.push(prefix);
    const names = indexNames(prefix);
    await ensureIndices(client, { prefix });
    await client.bulk({
      refresh: true,
      operations: [
        order('s1', 'south'),
        order('s2', 'north'),
        order('s3', 'south'),
        order('s4', null),
        order('s5', 'east'),
      ].flatMap((document) => [
        { index: { _index: names.orders, _id: document.session_id } },
        document,
      ]),
    });
    const app = await startTestHost(client, prefix);
    const response = await app.inject({ method: 'GET', url: '/api/customer_analytics/dimensions' });
    await app.close();
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ dimensions: ['all', 'east', 'north', 'south'] });
  });

  it('offers only all before anything was ingested', async () => {
    const prefix = testPrefix('dimension-routes-empty');
    const app = await startTestHost(client, prefix);
    const response = await app.inject({ method: 'GET', url: '/api/customer_analytics/dimensions' });
    await app.close();
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ dimensions: ['all'] });
  });
});
