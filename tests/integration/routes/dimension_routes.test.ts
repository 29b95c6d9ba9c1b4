import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@elastic/elasticsearch';
import { indexNames } from '../../../common/indices';
import { ensureIndices } from '../../../sidecar/src/es/templates';
import { RunRecorder } from '../../../sidecar/src/runs/run_recorder';
import { dropPrefix, testClient, testPrefix } from '../../helpers/es';
import { startTestHost } from '../../helpers/host';

/** Records a finished analyses run whose summary lists `dimensions`, as the pipeline does. */
async function completeRun(client: Client, runsIndex: string, dimensions: string[]) {
  const recorder = await RunRecorder.start(client, runsIndex, 'analyses', ['reports']);
  await recorder.complete({ dimensions });
}

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

  it('lists all first, then the dimension values of the newest complete run, alphabetically', async () => {
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
    await completeRun(client, names.runs, ['south', 'east']);
    await completeRun(client, names.runs, ['east', 'north', 'south']);
    const app = await startTestHost(client, prefix);
    const response = await app.inject({ method: 'GET', url: '/api/customer_analytics/dimensions' });
    await app.close();
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ dimensions: ['all', 'east', 'north', 'south'] });
  });

  it('ignores values ingested after the newest complete run and runs still in progress', async () => {
    const prefix = testPrefix('dimension-routes-run');
    prefixes.push(prefix);
    const names = indexNames(prefix);
    await ensureIndices(client, { prefix });
    await client.index({ index: names.orders, document: order('s1', 'west'), refresh: true });
    await completeRun(client, names.runs, ['north']);
    await RunRecorder.start(client, names.runs, 'analyses', ['reports']);
    await client.indices.refresh({ index: names.runs });
    const app = await startTestHost(client, prefix);
    const response = await app.inject({ method: 'GET', url: '/api/customer_analytics/dimensions' });
    await app.close();
    expect(response.json()).toEqual({ dimensions: ['all', 'north'] });
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
