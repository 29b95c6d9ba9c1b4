/**
 * Ingest throughput against the raw `_bulk` anchor (bench/es-bulk.ts) on the same embedded node
 * in the same run. Like with like: the anchor sends the very documents the ingest builds (the
 * same generated shop: downloads, then orders with baskets), pre-serialised before its clock
 * starts, into indices made by the same templates with the same bulk-load setting (no refresh
 * until the end), with the ingest's batch size and requests in flight. The ingest reads the demo
 * CSVs (sessions, products, customers) → validation → streaming basket join → bulk, in a child
 * process that does nothing else, so its peak RSS is the ingest's alone (not the generator's, not
 * the anchor's pre-serialised bodies). After a warm-up anchor run (a fresh node is several
 * times slower until its JIT has run), ingest and anchor alternate for `--rounds` rounds; the
 * ratio compares their total docs/s (other load on the host comes and goes).
 *
 * Prints one JSON line: docs/s of both, their ratio (goal ≥ 0.8), the ingest's peak RSS (goal
 * < 400 MB).
 *
 * `--cpu-prof <dir>` writes a V8 CPU profile of each ingest child into <dir> (open it in Chrome
 * DevTools, or summarise it: `npx tsx bench/cpu_profile_summary.ts <dir>/*.cpuprofile`).
 *
 *   npx tsx bench/ingest.ts [--sessions 1000000] [--rounds 2] [--seed 1] [--keep-csv] [--cpu-prof dir]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Client } from '@elastic/elasticsearch';
import { indexNames } from '../common/indices';
import { demoIngestConfig } from '../common/source_mapping';
import { generateDemo, type DemoOptions } from '../sidecar/src/demo';
import { createClient } from '../sidecar/src/es/connection';
import { connectElasticsearch } from '../sidecar/src/es/elasticsearch';
import { deleteIndices, ensureIndices } from '../sidecar/src/es/templates';
import { DEFAULT_BATCH_BYTES, DEFAULT_CONCURRENCY } from '../sidecar/src/ingest/bulk_writer';
import { ingest } from '../sidecar/src/ingest/ingest';
import { demoOrderDocuments, ndjsonBatches, rawBulk, type BulkBatch } from './es-bulk';

/** The demo shop makes about this many sessions per customer over 180 days. */
const SESSIONS_PER_CUSTOMER_180_DAYS = 14.5;

const SELF = fileURLToPath(import.meta.url);
const CLI = join(SELF, '../../sidecar/src/cli/main.ts');
const round = (value: number) => Math.round(value * 100) / 100;

interface ChildResult {
  seconds: number;
  peak_rss_mb: number;
  /** getrusage's figure, which includes the forked parent before exec (for comparison). */
  max_rss_incl_fork_mb: number;
  orders: number;
  downloads: number;
  rows_read: number;
  rejected: number;
  input_sorted: Record<string, boolean>;
}

/**
 * This process's peak resident memory in kB. On Linux from VmHWM (the high-water mark of this
 * program's own memory): getrusage's maxRSS also keeps the peak of the process before exec,
 * i.e. of the forked copy of the benchmark parent with its pre-serialised anchor bodies.
 */
function peakRssKb(): number {
  try {
    const status = readFileSync('/proc/self/status', 'utf8');
    const match = /^VmHWM:\s+(\d+) kB/m.exec(status);
    if (match) return Number(match[1]);
  } catch {
    // Not Linux: fall through.
  }
  return process.resourceUsage().maxRSS;
}

/** `--child`: only the ingest, timed around the call; prints its result as JSON. */
async function child(url: string, prefix: string, directory: string): Promise<void> {
  const client = createClient({ url });
  const started = performance.now();
  const summary = await ingest(client, indexNames(prefix), demoIngestConfig(directory), {
    errorsFile: join(directory, 'errors.ndjson'),
    recorder: null,
  });
  const result: ChildResult = {
    seconds: (performance.now() - started) / 1000,
    peak_rss_mb: round(peakRssKb() / 1024),
    max_rss_incl_fork_mb: round(process.resourceUsage().maxRSS / 1024),
    orders: summary.indexed.orders,
    downloads: summary.indexed.downloads,
    rows_read: summary.rows_read_total,
    rejected: summary.rejected.total,
    input_sorted: summary.input_sorted,
  };
  await client.close();
  console.log(JSON.stringify(result));
}

/** The shop's downloads documents as the ingest writes them, as `_bulk` bodies. */
function downloadBatches(shop: DemoOptions): BulkBatch[] {
  const encoder = new TextEncoder();
  const batches: BulkBatch[] = [];
  let parts: string[] = [];
  let size = 0;
  for (const customer of generateDemo(shop).customers()) {
    const document = {
      client: customer.client,
      download_date: new Date(customer.download_date).toISOString(),
      signup_date: customer.signup_date ? new Date(customer.signup_date).toISOString() : null,
    };
    const item = `{"index":{"_id":${JSON.stringify(customer.client)}}}\n${JSON.stringify(document)}\n`;
    parts.push(item);
    size += item.length;
    if (size >= DEFAULT_BATCH_BYTES) {
      batches.push({ body: encoder.encode(parts.join('')), docs: parts.length });
      parts = [];
      size = 0;
    }
  }
  if (parts.length > 0) batches.push({ body: encoder.encode(parts.join('')), docs: parts.length });
  return batches;
}

/** One anchor run into fresh indices; returns documents per second. */
async function anchor(
  client: Client,
  url: string,
  downloads: BulkBatch[],
  orders: BulkBatch[],
): Promise<{ docs: number; seconds: number }> {
  const prefix = 'bench-raw-';
  await deleteIndices(client, prefix);
  const names = await ensureIndices(client, { prefix });
  await client.indices.putSettings({
    index: [names.orders, names.downloads],
    settings: { refresh_interval: '-1' },
  });
  const started = performance.now();
  const a = await rawBulk(url, names.downloads, downloads, DEFAULT_CONCURRENCY);
  const b = await rawBulk(url, names.orders, orders, DEFAULT_CONCURRENCY);
  await client.indices.refresh({ index: [names.orders, names.downloads] });
  const seconds = (performance.now() - started) / 1000;
  await deleteIndices(client, prefix);
  return { docs: a.docs + b.docs, seconds };
}

/** The demo CSVs, written by a child process (the generator's memory is not the ingest's). */
function writeCsvs(
  customers: number,
  seed: number,
  directory: string,
): { sessions: number; basket_lines: number } {
  const generatedLine = execFileSync(
    process.execPath,
    [
      '--import',
      'tsx',
      CLI,
      'demo-data',
      ...['--customers', String(customers), '--days', '180', '--seed', String(seed)],
      ...['--out', directory, '--quiet'],
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return JSON.parse(generatedLine.trim().split('\n').at(-1)!) as {
    sessions: number;
    basket_lines: number;
  };
}

/** `rounds` × (ingest in a child process, then the anchor), alternating. */
async function alternate(
  es: { client: Client; url: string },
  directory: string,
  rounds: number,
  cpuProfileDir: string | undefined,
  bodies: { downloads: BulkBatch[]; orders: BulkBatch[] },
): Promise<{ ingests: ChildResult[]; anchors: Array<{ docs: number; seconds: number }> }> {
  const ingests: ChildResult[] = [];
  const anchors: Array<{ docs: number; seconds: number }> = [];
  for (let round = 0; round < rounds; round += 1) {
    const prefix = 'bench-ingest-';
    await deleteIndices(es.client, prefix);
    await ensureIndices(es.client, { prefix });
    const childLine = execFileSync(
      process.execPath,
      [
        ...(cpuProfileDir ? ['--cpu-prof', '--cpu-prof-dir', cpuProfileDir] : []),
        '--import',
        'tsx',
        SELF,
        '--child',
        ...['--url', es.url, '--prefix', prefix, '--dir', directory],
      ],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20 },
    );
    ingests.push(JSON.parse(childLine.trim().split('\n').at(-1)!) as ChildResult);
    await deleteIndices(es.client, prefix);
    anchors.push(await anchor(es.client, es.url, bodies.downloads, bodies.orders));
  }
  return { ingests, anchors };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sessions: { type: 'string', default: '1000000' },
      seed: { type: 'string', default: '1' },
      'keep-csv': { type: 'boolean', default: false },
      rounds: { type: 'string', default: '2' },
      child: { type: 'boolean', default: false },
      url: { type: 'string' },
      prefix: { type: 'string' },
      dir: { type: 'string' },
      'cpu-prof': { type: 'string' },
    },
  });
  if (values.child) return child(values.url!, values.prefix!, values.dir!);

  const seed = Number(values.seed);
  const rounds = Math.max(1, Number(values.rounds));
  const customers = Math.max(
    1,
    Math.round(Number(values.sessions) / SESSIONS_PER_CUSTOMER_180_DAYS),
  );
  const shop: DemoOptions = { customers, days: 180, seed };
  const directory = mkdtempSync(join(tmpdir(), 'bench-ingest-'));
  const generated = writeCsvs(customers, seed, directory);

  const es = await connectElasticsearch({ nodeName: 'bench-ingest', port: 0, fresh: true });
  try {
    // The anchor's bodies are built before any clock starts.
    const downloadBodies = downloadBatches(shop);
    const orderBodies = [
      ...ndjsonBatches(demoOrderDocuments(generated.sessions, seed, shop), DEFAULT_BATCH_BYTES),
    ];
    // Warm-up (not measured): a fresh node is several times slower until its JIT has run.
    await anchor(es.client, es.url, downloadBodies, orderBodies);
    const { ingests, anchors } = await alternate(es, directory, rounds, values['cpu-prof'], {
      downloads: downloadBodies,
      orders: orderBodies,
    });
    const result = ingests.at(-1)!;
    const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
    const rawDocsPerSecond =
      sum(anchors.map((run) => run.docs)) / sum(anchors.map((run) => run.seconds));
    const documents = result.orders + result.downloads;
    const ingestDocsPerSecond = (documents * rounds) / sum(ingests.map((run) => run.seconds));
    console.log(
      JSON.stringify({
        sessions: result.orders,
        customers: result.downloads,
        basket_lines: generated.basket_lines,
        rows_read: result.rows_read,
        rejected: result.rejected,
        input_sorted: result.input_sorted,
        ingest_seconds: ingests.map((run) => round(run.seconds)),
        ingest_docs_per_s: Math.round(ingestDocsPerSecond),
        raw_bulk_seconds: anchors.map((run) => round(run.seconds)),
        raw_bulk_docs_per_s: Math.round(rawDocsPerSecond),
        ratio_to_raw_bulk: round(ingestDocsPerSecond / rawDocsPerSecond),
        ingest_peak_rss_mb: Math.max(...ingests.map((run) => run.peak_rss_mb)),
        ingest_getrusage_max_rss_mb: Math.max(...ingests.map((run) => run.max_rss_incl_fork_mb)),
        batch_bytes: DEFAULT_BATCH_BYTES,
        concurrency: DEFAULT_CONCURRENCY,
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
