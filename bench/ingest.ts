/**
 * Ingest throughput against the raw `_bulk` anchor (bench/es-bulk.ts) on the same embedded node
 * in the same run: demo CSVs (sessions with baskets, customers) → validation → sort/merge → bulk,
 * vs pre-serialised order documents sent with raw `_bulk`. Prints one JSON line: docs/s of both,
 * their ratio (goal ≥ 0.8) and the ingest's peak RSS (goal < 400 MB, measured before the anchor
 * runs, since the anchor holds all its bodies in memory).
 *
 *   npx tsx bench/ingest.ts [--sessions 1000000] [--seed 1] [--keep-csv]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { demoIngestConfig } from '../common/mapping';
import { indexNames } from '../common/indices';
import { connectElasticsearch } from '../sidecar/src/es/elasticsearch';
import { deleteIndices, ensureIndices } from '../sidecar/src/es/templates';
import { ingest } from '../sidecar/src/ingest/ingest';
import { demoOrderDocuments, ndjsonBatches, rawBulk } from './es-bulk';

/** The demo shop makes about this many sessions per customer over 180 days. */
const SESSIONS_PER_CUSTOMER_180_DAYS = 14.5;

const CLI = resolve(fileURLToPath(import.meta.url), '../../sidecar/src/cli/main.ts');
const round = (value: number) => Math.round(value * 100) / 100;
const peakRssMb = () => round(process.resourceUsage().maxRSS / 1024);

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sessions: { type: 'string', default: '1000000' },
      seed: { type: 'string', default: '1' },
      'keep-csv': { type: 'boolean', default: false },
    },
  });
  const wantedSessions = Number(values.sessions);
  const seed = Number(values.seed);
  const directory = mkdtempSync(join(tmpdir(), 'bench-ingest-'));
  const customers = Math.max(1, Math.round(wantedSessions / SESSIONS_PER_CUSTOMER_180_DAYS));
  // A child process writes the CSVs, so this process's peak RSS is the ingest's alone.
  const generatedLine = execFileSync(
    process.execPath,
    [
      '--import',
      'tsx',
      CLI,
      'demo-data',
      '--customers',
      String(customers),
      '--days',
      '180',
      '--seed',
      String(seed),
      '--out',
      directory,
      '--quiet',
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const generated = JSON.parse(generatedLine.trim().split('\n').at(-1)!) as {
    basket_lines: number;
  };

  const es = await connectElasticsearch({ nodeName: 'bench-ingest', port: 0, fresh: true });
  try {
    const prefix = 'bench-ingest-';
    await deleteIndices(es.client, prefix);
    const names = await ensureIndices(es.client, { prefix });
    const startedMs = performance.now();
    const summary = await ingest(es.client, names, demoIngestConfig(directory), {
      errorsFile: join(directory, 'errors.ndjson'),
      recorder: null,
    });
    const ingestSeconds = (performance.now() - startedMs) / 1000;
    const ingestPeakRssMb = peakRssMb();
    const orders = summary.indexed.orders;
    const documents = orders + summary.indexed.downloads;

    // The anchor: the same number of order documents, pre-serialised, raw `_bulk`, as es-bulk.ts.
    const rawPrefix = 'bench-raw-';
    await deleteIndices(es.client, rawPrefix);
    const rawIndex = indexNames(rawPrefix).orders;
    await ensureIndices(es.client, { prefix: rawPrefix });
    await es.client.indices.putSettings({ index: rawIndex, settings: { refresh_interval: '-1' } });
    const batches = [...ndjsonBatches(demoOrderDocuments(orders, seed), 8 * 1024 * 1024)];
    const rawStartedMs = performance.now();
    await rawBulk(es.url, rawIndex, batches, 3);
    await es.client.indices.refresh({ index: rawIndex });
    const rawSeconds = (performance.now() - rawStartedMs) / 1000;

    const ingestDocsPerSecond = documents / ingestSeconds;
    const rawDocsPerSecond = orders / rawSeconds;
    console.log(
      JSON.stringify({
        sessions: orders,
        customers: summary.indexed.downloads,
        basket_lines: generated.basket_lines,
        rows_read: summary.rows_read_total,
        rejected: summary.rejected.total,
        ingest_seconds: round(ingestSeconds),
        ingest_docs_per_s: Math.round(ingestDocsPerSecond),
        ingest_order_docs_per_s: Math.round(orders / ingestSeconds),
        raw_bulk_seconds: round(rawSeconds),
        raw_bulk_docs_per_s: Math.round(rawDocsPerSecond),
        ratio_to_raw_bulk: round(ingestDocsPerSecond / rawDocsPerSecond),
        ingest_peak_rss_mb: ingestPeakRssMb,
        machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GB`,
        elasticsearch: es.node ? `embedded ${es.node.version}` : 'ES_URL',
      }),
    );
  } finally {
    await es.close();
    if (!values['keep-csv']) rmSync(directory, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`bench/ingest: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
