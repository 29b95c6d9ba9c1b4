import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@elastic/elasticsearch';
import { indexNames } from '../../../common/indices';
import { ensureIndices } from '../../../sidecar/src/es/templates';
import { ingest, IngestError } from '../../../sidecar/src/ingest/ingest';
import { dropPrefix, testClient, testPrefix } from '../../helpers/es';

/**
 * A document that passes our validation but that Elasticsearch refuses (here: the cluster's orders
 * template was changed so promotion_id is a number) is a rejected row of its source, reported
 * against its source line — never only logged.
 */
describe('documents Elasticsearch refuses', () => {
  const prefix = testPrefix('ingest-refusals');
  const names = indexNames(prefix);
  const directory = mkdtempSync(join(tmpdir(), 'ingest-refusals-'));
  let client: Client;

  beforeAll(async () => {
    client = testClient();
    await ensureIndices(client, { prefix });
    const found = await client.indices.getIndexTemplate({ name: names.orders });
    const template = found.index_templates[0]!.index_template;
    const properties = template.template!.mappings!.properties!;
    properties.promotion_id = { type: 'long' };
    await client.indices.putIndexTemplate({
      name: names.orders,
      index_patterns: template.index_patterns,
      priority: template.priority,
      template: { mappings: template.template!.mappings },
    });
  });
  afterAll(async () => {
    await dropPrefix(client, prefix);
    await client.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('are counted as rejected rows of their source, with their line, and gate the load', async () => {
    const sessions = [
      'order_id,client,session_start,payment_amount,purchased,promotion_id',
      ...Array.from({ length: 40 }, (_, i) => {
        const id = `s${String(i).padStart(3, '0')}`;
        return `${id},c1,2025-03-01T10:00:00Z,5,true,${i === 3 ? 'spring' : i}`;
      }),
    ];
    writeFileSync(join(directory, 'sessions.csv'), `${sessions.join('\n')}\n`);
    writeFileSync(join(directory, 'customers.csv'), 'client,download_date\nc1,2025-02-01\n');
    const errorsFile = join(directory, 'errors.ndjson');
    const config = (maxErrorRate: number) => ({
      sessions: {
        source: { type: 'csv' as const, path: join(directory, 'sessions.csv') },
        columns: { promotion_id: 'promotion_id' },
      },
      customers: { source: { type: 'csv' as const, path: join(directory, 'customers.csv') } },
      max_error_rate: maxErrorRate,
    });
    // 1 of 40 sessions refused = 2.5 %: above a 1 % budget.
    const refused = await ingest(client, names, config(0.01), { errorsFile }).catch((e) => e);
    expect(refused).toBeInstanceOf(IngestError);
    expect((refused as Error).message).toContain(
      'sessions source sessions.csv: 1 of 40 rows were rejected (2.50 %)',
    );
    const summary = await ingest(client, names, config(0.05), { errorsFile });
    expect(summary.indexed.orders).toBe(39);
    expect(summary.bulk_failures).toBe(1);
    expect(summary.rejected.by_reason).toEqual({ bulk_rejected: 1 });
    expect(summary.sources.find((row) => row.source === 'sessions')).toMatchObject({
      read: 40,
      loaded: 39,
      rejected: 1,
      verdict: 'ok',
    });
    const entries = readFileSync(errorsFile, 'utf8').trim().split('\n');
    expect(entries).toHaveLength(1);
    const entry = JSON.parse(entries[0]!) as Record<string, string | number>;
    // s003 is on line 5 (header on line 1).
    expect(entry).toMatchObject({ source: 'sessions', line: 5, value: 's003' });
    expect(entry.reason).toBe('bulk_rejected');
    expect(entry.message).toContain("Elasticsearch refused document 's003' (status 400)");
    expect(Buffer.byteLength(entries[0]!)).toBeLessThan(4096);
  });
});
