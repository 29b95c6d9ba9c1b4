/**
 * The physical-limit anchor for ingest: generated order documents, serialised to NDJSON before
 * the clock starts, sent with raw `_bulk` requests (no client helpers, tuned batch size and
 * concurrency) into the embedded node (or ES_URL). Prints one JSON line; later ingest is judged
 * against its docs_per_s.
 *
 *   npx tsx bench/es-bulk.ts [--sessions 1000000] [--batch-mb 4] [--concurrency 2] [--seed 1]
 *
 * Defaults: the ingest's own bulk writer settings (DEFAULT_BATCH_BYTES, DEFAULT_CONCURRENCY), so
 * anchor and ingest are compared like with like. On this 2-core machine 4 MB × 2 in flight beat
 * 8 MB × 3 (4.7k vs 3.3k docs/s on a busy host); on bigger hosts try more concurrency.
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { OrderDocument } from '../common/documents';
import { indexNames } from '../common/indices';
import { generateDemo, toOrderDocument, type DemoOptions } from '../sidecar/src/demo';
import { MAX_CUSTOMERS } from '../sidecar/src/demo/options';
import { DEFAULT_BATCH_BYTES, DEFAULT_CONCURRENCY } from '../sidecar/src/ingest/bulk_writer';
import { connectionFromEnv, type ConnectionSettings } from '../sidecar/src/es/connection';
import { connectElasticsearch } from '../sidecar/src/es/elasticsearch';
import { deleteIndices, ensureIndices } from '../sidecar/src/es/templates';

/** One `_bulk` request body and how many documents it holds. */
export interface BulkBatch {
  body: Uint8Array<ArrayBuffer>;
  docs: number;
}

const encoder = new TextEncoder();

export interface RawBulkResult {
  docs: number;
  bytes: number;
  requests: number;
  retries: number;
  seconds: number;
}

/**
 * Serialises documents into NDJSON `_bulk` bodies of about `batchBytes` each (`index` actions,
 * `_id` = session_id, so a re-run overwrites instead of duplicating).
 */
export function* ndjsonBatches(
  documents: Iterable<OrderDocument>,
  batchBytes: number,
): Generator<BulkBatch> {
  let parts: string[] = [];
  let size = 0;
  let docs = 0;
  for (const document of documents) {
    const action = `{"index":{"_id":${JSON.stringify(document.session_id)}}}\n`;
    const source = `${JSON.stringify(document)}\n`;
    parts.push(action, source);
    size += action.length + source.length;
    docs += 1;
    if (size >= batchBytes) {
      yield { body: encoder.encode(parts.join('')), docs };
      parts = [];
      size = 0;
      docs = 0;
    }
  }
  if (docs > 0) yield { body: encoder.encode(parts.join('')), docs };
}

/** Authorization header for ES_URL's API key or basic auth (none for the embedded node). */
export function authHeaders(settings: ConnectionSettings | null): Record<string, string> {
  if (settings?.apiKey) return { authorization: `ApiKey ${settings.apiKey}` };
  if (settings?.username) {
    const pair = `${settings.username}:${settings.password ?? ''}`;
    return { authorization: `Basic ${Buffer.from(pair).toString('base64')}` };
  }
  return {};
}

const MAX_RETRIES = 8;

/**
 * Sends pre-serialised `_bulk` bodies to `${url}/${index}/_bulk` with `concurrency` requests in
 * flight. Rejected requests (HTTP 429) and rejected items (status 429) are retried with backoff;
 * any other item error fails the run with the first error's reason.
 */
export async function rawBulk(
  url: string,
  index: string,
  batches: Iterable<BulkBatch> | AsyncIterable<BulkBatch>,
  concurrency: number,
  headers: Record<string, string> = authHeaders(connectionFromEnv()),
): Promise<RawBulkResult> {
  const endpoint = `${url.replace(/\/$/, '')}/${encodeURIComponent(index)}/_bulk?filter_path=errors,items.*.status,items.*.error`;
  const iterator =
    Symbol.asyncIterator in batches
      ? batches[Symbol.asyncIterator]()
      : (batches as Iterable<BulkBatch>)[Symbol.iterator]();
  const result: RawBulkResult = { docs: 0, bytes: 0, requests: 0, retries: 0, seconds: 0 };
  const startedMs = performance.now();

  async function send(batch: BulkBatch, attempt: number): Promise<void> {
    result.requests += 1;
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson', ...headers },
      body: batch.body,
    });
    const text = await response.text();
    if (response.status === 429 && attempt < MAX_RETRIES) {
      result.retries += 1;
      await backoff(attempt);
      return send(batch, attempt + 1);
    }
    if (!response.ok) {
      throw new Error(`_bulk to ${index} failed: HTTP ${response.status} ${text.slice(0, 500)}`);
    }
    const reply = JSON.parse(text) as {
      errors: boolean;
      items?: Array<Record<string, { status: number; error?: unknown }>>;
    };
    if (!reply.errors) {
      result.docs += batch.docs;
      result.bytes += batch.body.length;
      return;
    }
    const retry = rejectedLines(batch, reply.items ?? [], index);
    result.docs += batch.docs - retry.docs;
    result.bytes += batch.body.length;
    if (retry.docs === 0) return;
    if (attempt >= MAX_RETRIES) {
      throw new Error(
        `_bulk to ${index}: ${retry.docs} documents still rejected (429) after retries`,
      );
    }
    result.retries += 1;
    await backoff(attempt);
    return send(retry, attempt + 1);
  }

  async function worker(): Promise<void> {
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      await send(next.value, 0);
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, () => worker()));
  result.seconds = (performance.now() - startedMs) / 1000;
  return result;
}

/** The action/source line pairs of items rejected with 429; any other error is fatal. */
function rejectedLines(
  batch: BulkBatch,
  items: Array<Record<string, { status: number; error?: unknown }>>,
  index: string,
): BulkBatch {
  const lines = new TextDecoder().decode(batch.body).split('\n');
  const kept: string[] = [];
  items.forEach((item, i) => {
    const outcome = Object.values(item)[0];
    if (!outcome?.error) return;
    if (outcome.status !== 429) {
      throw new Error(
        `_bulk to ${index}: document ${lines[i * 2]} failed: ${JSON.stringify(outcome.error)}`,
      );
    }
    kept.push(lines[i * 2]!, lines[i * 2 + 1]!);
  });
  return {
    body: encoder.encode(kept.length ? `${kept.join('\n')}\n` : ''),
    docs: kept.length / 2,
  };
}

function backoff(attempt: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.min(5_000, 100 * 2 ** attempt)));
}

/**
 * The first `count` generated sessions as order documents, lazily: of a year-long shop, or of
 * `shop` (the options the ingest benchmark's CSVs were written with, so both load the same).
 */
export function* demoOrderDocuments(
  count: number,
  seed: number,
  shop: DemoOptions = { customers: MAX_CUSTOMERS, days: 365, seed },
): Generator<OrderDocument> {
  const generator = generateDemo(shop);
  let produced = 0;
  if (count <= 0) return;
  for (const session of generator.sessions()) {
    yield toOrderDocument(session);
    produced += 1;
    if (produced >= count) return;
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sessions: { type: 'string', default: '1000000' },
      'batch-mb': { type: 'string', default: String(DEFAULT_BATCH_BYTES / 1024 / 1024) },
      concurrency: { type: 'string', default: String(DEFAULT_CONCURRENCY) },
      seed: { type: 'string', default: '1' },
    },
  });
  const sessions = wholeNumber('--sessions', values.sessions);
  const batchBytes = Math.round(Number(values['batch-mb']) * 1024 * 1024);
  const concurrency = wholeNumber('--concurrency', values.concurrency);
  const seed = wholeNumber('--seed', values.seed);
  if (!(batchBytes > 0)) throw new Error(`--batch-mb '${values['batch-mb']}' is not a size in MB`);

  const serialiseStartedMs = performance.now();
  const batches = [...ndjsonBatches(demoOrderDocuments(sessions, seed), batchBytes)];
  const serialiseSeconds = (performance.now() - serialiseStartedMs) / 1000;

  // Its own node name: another benchmark starting a node of the same name would stop this one.
  const es = await connectElasticsearch({ nodeName: 'bench-es-bulk', port: 0, fresh: true });
  try {
    const prefix = 'bench-';
    await deleteIndices(es.client, prefix);
    await ensureIndices(es.client, { prefix });
    const index = indexNames(prefix).orders;
    // Standard bulk-load setting: no periodic refresh while loading, one refresh at the end.
    await es.client.indices.putSettings({ index, settings: { refresh_interval: '-1' } });

    const startedMs = performance.now();
    const sent = await rawBulk(es.url, index, batches, concurrency);
    await es.client.indices.refresh({ index });
    const seconds = (performance.now() - startedMs) / 1000;
    await es.client.indices.putSettings({ index, settings: { refresh_interval: '1s' } });

    const { count } = await es.client.count({ index });
    if (count !== sessions) {
      throw new Error(`expected ${sessions} documents in ${index}, found ${count}`);
    }
    const bytes = batches.reduce((sum, batch) => sum + batch.body.length, 0);
    console.log(
      JSON.stringify({
        docs: count,
        seconds: round(seconds),
        docs_per_s: Math.round(count / seconds),
        mb_per_s: round(bytes / 1024 / 1024 / seconds),
        batch_bytes: batchBytes,
        concurrency,
        requests: sent.requests,
        retries: sent.retries,
        bytes,
        serialise_seconds: round(serialiseSeconds),
        refresh_interval_during_load: '-1',
        elasticsearch: es.node ? `embedded ${es.node.version}` : 'ES_URL',
      }),
    );
  } finally {
    await es.close();
  }
}

function wholeNumber(name: string, value: string | undefined): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number <= 0) {
    throw new Error(`${name} '${value}' is not a positive whole number`);
  }
  return number;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(`es-bulk: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
