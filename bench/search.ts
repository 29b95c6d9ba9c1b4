/**
 * Search at a million distinct clients: loads 1 M sessions of distinct random client ids into
 * `orders` (the embedded node, or ES_URL), builds the `search` index with the run's own sync
 * (build time, index size), syncs again over unchanged data (documents written: 0), then times
 * 1,000 mistyped client ids (one character substituted, deleted, inserted or two transposed)
 * through the server's search service: p50/p95/max latency and how often the intended id came
 * first or in the top 10. Prints one JSON line. Goal: p95 < 100 ms.
 *
 *   npx tsx bench/search.ts [--values 1000000] [--queries 1000] [--seed 1]
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Client } from '@elastic/elasticsearch';
import type { IndexNames } from '../common/indices';
import { connectElasticsearch } from '../sidecar/src/es/elasticsearch';
import { deleteIndices, ensureIndices } from '../sidecar/src/es/templates';
import { syncSearchIndex } from '../sidecar/src/search/sync_index';
import { searchValues } from '../server/services/search_service';

const PREFIX = 'bench-search-';
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
const ID_LENGTH = 10;
const BULK_DOCS = 10_000;

/** mulberry32: the same ids and typos on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function clientId(next: () => number): string {
  let id = '';
  for (let i = 0; i < ID_LENGTH; i++) id += ALPHABET[Math.floor(next() * ALPHABET.length)];
  return id;
}

/** One typo: substitute, delete, insert a character, or swap two neighbours. */
function mistype(id: string, next: () => number): string {
  const at = Math.floor(next() * (id.length - 1));
  const letter = ALPHABET[Math.floor(next() * ALPHABET.length)]!;
  switch (Math.floor(next() * 4)) {
    case 0:
      return id.slice(0, at) + (letter === id[at] ? 'z' : letter) + id.slice(at + 1);
    case 1:
      return id.slice(0, at) + id.slice(at + 1);
    case 2:
      return id.slice(0, at) + letter + id.slice(at);
    default:
      return id.slice(0, at) + id[at + 1] + id[at] + id.slice(at + 2);
  }
}

async function loadSessions(client: Client, names: IndexNames, count: number, seed: number) {
  const next = random(seed);
  const ids = new Set<string>();
  const started = performance.now();
  let batch: object[] = [];
  const flush = async () => {
    const response = await client.bulk({ index: names.orders, operations: batch });
    if (response.errors) throw new Error('bulk load of orders refused documents');
    batch = [];
  };
  for (let i = 0; ids.size < count; i++) {
    const id = clientId(next);
    if (ids.has(id)) continue;
    ids.add(id);
    const start = new Date(Date.UTC(2025, 0, 1) + (i % 90) * 86_400_000).toISOString();
    batch.push(
      { index: { _id: `s${i}` } },
      {
        session_id: `s${i}`,
        client: id,
        session_start: start,
        purchased: false,
        payment_amount: 0,
        discount_amount: 0,
        payment_cents: 0,
        discount_cents: 0,
        actions: { has_sessions: true, purchased: false },
      },
    );
    if (batch.length >= 2 * BULK_DOCS) await flush();
  }
  if (batch.length > 0) await flush();
  await client.indices.refresh({ index: names.orders });
  return { ids: [...ids], seconds: (performance.now() - started) / 1000 };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

async function timeQueries(client: Client, names: IndexNames, ids: string[], queries: number) {
  const next = random(99);
  const timesMs: number[] = [];
  let first = 0;
  let top10 = 0;
  for (let i = 0; i < queries; i++) {
    const intended = ids[Math.floor(next() * ids.length)]!;
    const q = mistype(intended, next);
    const started = performance.now();
    const result = await searchValues(client as never, names, { q, type: 'client' });
    timesMs.push(performance.now() - started);
    if (result.hits[0]?.value === intended) first++;
    if (result.hits.some((h) => h.value === intended)) top10++;
  }
  timesMs.sort((a, b) => a - b);
  return {
    p50_ms: round(percentile(timesMs, 50)),
    p95_ms: round(percentile(timesMs, 95)),
    max_ms: round(timesMs[timesMs.length - 1]!),
    intended_first: round(first / queries, 3),
    intended_in_top10: round(top10 / queries, 3),
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      values: { type: 'string', default: '1000000' },
      queries: { type: 'string', default: '1000' },
      seed: { type: 'string', default: '1' },
    },
  });
  const es = await connectElasticsearch({ nodeName: 'bench-search', port: 0, fresh: true });
  const { client } = es;
  try {
    await deleteIndices(client, PREFIX);
    const names = await ensureIndices(client, { prefix: PREFIX });
    const loaded = await loadSessions(client, names, Number(values.values), Number(values.seed));
    console.error(`loaded ${loaded.ids.length} sessions in ${loaded.seconds.toFixed(1)} s`);
    let started = performance.now();
    const built = await syncSearchIndex(client, names, 'bench-1');
    const buildSeconds = (performance.now() - started) / 1000;
    await client.indices.forcemerge({ index: names.search, max_num_segments: 1 });
    const stats = await client.indices.stats({ index: names.search, metric: ['store', 'docs'] });
    started = performance.now();
    const again = await syncSearchIndex(client, names, 'bench-2');
    const unchangedSeconds = (performance.now() - started) / 1000;
    // Warm-up, as a running Kibana would be: the first queries load the terms dictionary.
    await timeQueries(client, names, loaded.ids, 20);
    const latency = await timeQueries(client, names, loaded.ids, Number(values.queries));
    console.log(
      JSON.stringify({
        distinct_clients: built.find((s) => s.type === 'client')!.values,
        load_orders_seconds: round(loaded.seconds),
        build_seconds: round(buildSeconds),
        search_docs: stats._all.primaries?.docs?.count,
        search_index_mb: round((stats._all.primaries?.store?.size_in_bytes ?? 0) / 1_048_576),
        unchanged_sync_seconds: round(unchangedSeconds),
        unchanged_sync_docs_written: again.reduce((s, t) => s + t.added + t.removed, 0),
        queries: Number(values.queries),
        ...latency,
        goal_p95_ms: 100,
        elasticsearch: es.node ? `embedded ${es.node.version}` : 'ES_URL',
      }),
    );
  } finally {
    await deleteIndices(client, PREFIX).catch(() => undefined);
    await es.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(`bench/search: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
