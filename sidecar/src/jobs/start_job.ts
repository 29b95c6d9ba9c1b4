import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Client } from '@elastic/elasticsearch';
import { writeDemoFiles } from '../demo/write_files';
import { CACHE_DIR } from '../paths';
import { ensureIndices } from '../es/templates';
import { markAbandonedRuns } from '../runs/abandoned_runs';
import { demoConfig } from '../ingest/config';
import { ingest } from '../ingest/ingest';
import type { IngestProgressEvent } from '../ingest/progress';
import type { IngestSummary } from '../ingest/summary';
import type { AnalysisResult, ProgressEvent } from '../pipeline/run_analyses';
import { analysesCurrentRun, type FinishedRun } from '../runs/run_history';
import { analysesJob } from './analyses_job';

export interface DemoShop {
  customers: number;
  days: number;
  seed: number;
}

export interface StartJobOptions {
  prefix: string;
  /** Load the demo shop into an empty cluster. */
  demo: boolean;
  /** Load the demo shop even when orders exist. */
  reload: boolean;
  /** Run the analyses even when nothing was ingested since the last complete run. */
  rerun: boolean;
  shop: DemoShop;
  onEvent?: (event: StartEvent) => void;
}

export type StartEvent =
  | { kind: 'demo_generating'; shop: DemoShop }
  | { kind: 'ingest_progress'; event: IngestProgressEvent }
  | { kind: 'ingested'; summary: IngestSummary }
  | { kind: 'ingest_skipped'; sessions: number; index: string }
  | { kind: 'analyses_progress'; event: ProgressEvent }
  | { kind: 'analysed'; result: AnalysisResult }
  | { kind: 'analyses_skipped'; run: FinishedRun };

export interface StartOutcome {
  ingested: IngestSummary | null;
  /** The analyses run made now, or null when the last complete one was still current. */
  analysed: AnalysisResult | null;
}

/** The demo CSVs for these parameters, generated once and reused by later starts. */
async function demoFiles(shop: DemoShop, emit: (event: StartEvent) => void): Promise<string> {
  const directory = join(CACHE_DIR, 'demo', `seed-${shop.seed}-c${shop.customers}-d${shop.days}`);
  if (existsSync(join(directory, 'ground-truth.json'))) return directory;
  emit({ kind: 'demo_generating', shop });
  await writeDemoFiles({ ...shop, start: '2025-01-06', dimensions: 3 }, directory);
  return directory;
}

/**
 * The whole product's data on one cluster: the indices, the demo shop when the orders index is
 * empty (or `reload`), and an analyses run unless the last complete one already covers every
 * ingest (or `rerun`).
 */
export async function startJob(client: Client, options: StartJobOptions): Promise<StartOutcome> {
  const emit = (event: StartEvent) => options.onEvent?.(event);
  const names = await ensureIndices(client, { prefix: options.prefix });
  await markAbandonedRuns(client, names.runs);
  let ingested: IngestSummary | null = null;
  const { count: sessions } = await client.count({ index: names.orders });
  if (options.demo && (sessions === 0 || options.reload)) {
    const directory = await demoFiles(options.shop, emit);
    ingested = await ingest(client, names, demoConfig(directory), {
      onProgress: (event) => emit({ kind: 'ingest_progress', event }),
    });
    emit({ kind: 'ingested', summary: ingested });
  } else emit({ kind: 'ingest_skipped', sessions, index: names.orders });

  const current = options.rerun ? null : await analysesCurrentRun(client, names.runs);
  if (current) {
    emit({ kind: 'analyses_skipped', run: current });
    return { ingested, analysed: null };
  }
  const analysed = await analysesJob(client, {
    prefix: options.prefix,
    onProgress: (event) => emit({ kind: 'analyses_progress', event }),
  });
  emit({ kind: 'analysed', result: analysed });
  return { ingested, analysed };
}
