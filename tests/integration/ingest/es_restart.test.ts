import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@elastic/elasticsearch';
import { demoIngestConfig } from '../../../common/source_mapping';
import { indexNames } from '../../../common/indices';
import { writeDemoFiles } from '../../../sidecar/src/demo/write_files';
import { createClient } from '../../../sidecar/src/es/connection';
import { startLocalNode, type LocalNode } from '../../../sidecar/src/es/local_node';
import { ensureIndices } from '../../../sidecar/src/es/templates';
import { ingest } from '../../../sidecar/src/ingest/ingest';

const lineCount = (file: string) => readFileSync(file, 'utf8').trim().split('\n').length - 1;

describe('Elasticsearch stopped in the middle of an ingest', () => {
  const name = `ingest-restart-${process.pid}`;
  const directory = mkdtempSync(join(tmpdir(), 'ingest-restart-'));
  const prefix = 'restart-';
  const names = indexNames(prefix);
  let node: LocalNode;
  let client: Client;

  beforeAll(async () => {
    node = await startLocalNode({ name, port: 0, fresh: true });
    client = createClient({ url: node.url });
    await ensureIndices(client, { prefix });
    await writeDemoFiles({ customers: 3_000, days: 60, seed: 11 }, directory);
  });
  afterAll(async () => {
    await client?.close();
    await node?.stop();
    if (node) rmSync(node.nodeDir, { recursive: true, force: true });
  });

  it(
    'the ingest completes after retries or fails clearly; re-running gives exact counts',
    { timeout: 900_000 },
    async () => {
      const sessions = lineCount(join(directory, 'sessions.csv'));
      const customers = lineCount(join(directory, 'customers.csv'));
      let restart: Promise<void> | null = null;
      const retries: string[] = [];
      const first = await ingest(client, names, demoIngestConfig(directory), {
        errorsFile: join(directory, 'first.ndjson'),
        recorder: null,
        bulk: {
          maxBatchBytes: 64 * 1024,
          concurrency: 1,
          maxRetries: 12,
          onRetry: (_attempt, _delay, cause) => retries.push(cause),
        },
        onProgress: (event) => {
          if (event.stage === 'write' && event.rows >= 6_000 && !restart) {
            restart = (async () => {
              const port = node.port;
              await node.stop();
              node = await startLocalNode({ name, port, fresh: false });
            })();
          }
        },
      }).then(
        (summary) => ({ summary, error: null }),
        (error: unknown) => ({ summary: null, error: error as Error }),
      );
      await restart;
      expect(restart).not.toBeNull();
      if (first.error) {
        // Failing is allowed, but it must say what happened and what to do.
        expect(first.error.message).toMatch(
          /Elasticsearch did not accept a bulk request after \d+ retries .*run the ingest again/,
        );
      } else {
        expect(retries.length).toBeGreaterThan(0);
        expect(first.summary!.indexed).toEqual({ orders: sessions, downloads: customers });
      }

      const second = await ingest(client, names, demoIngestConfig(directory), {
        errorsFile: join(directory, 'second.ndjson'),
      });
      expect(second.indexed).toEqual({ orders: sessions, downloads: customers });
      expect((await client.count({ index: names.orders })).count).toBe(sessions);
      expect((await client.count({ index: names.downloads })).count).toBe(customers);
    },
  );
});
