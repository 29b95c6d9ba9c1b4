import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@elastic/elasticsearch';
import { indexNames, type IndexNames } from '../../common/indices';
import type { ReportId, ReportRow } from '../../common/reports/catalogue';
import { splitReportId } from '../../common/reports/catalogue';
import { readLatestReport } from '../../sidecar/src/reports/report_store';
import { dropPrefix, testClient } from './es';

/** Runs `customer-analytics <args>` to completion; its output on failure. */
export function cli(args: string[], env: NodeJS.ProcessEnv): string {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'sidecar/src/cli/main.ts', ...args],
    { env, encoding: 'utf8' },
  );
  if (result.status !== 0) {
    throw new Error(
      `customer-analytics ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`,
    );
  }
  return result.stdout;
}

/** Starts `customer-analytics ui` on a free port; resolves with its base URL once it listens. */
export function startUi(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'sidecar/src/cli/main.ts', 'ui', ...args],
    { env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /UI at (http:\/\/\S+?)\/app\/customerAnalytics/.exec(output);
      if (match?.[1]) resolve({ child, url: match[1] });
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) =>
      reject(new Error(`customer-analytics ui exited (${code}):\n${output}`)),
    );
  });
}

export interface DemoStack {
  client: Client;
  names: IndexNames;
  /** Base URL of the standalone host. */
  url: string;
  /** The stored rows of a report of the newest complete run; throws when the run wrote none. */
  read<Id extends ReportId>(id: Id, dimension: string): Promise<ReportRow<Id>[]>;
  close(): Promise<void>;
}

/**
 * A generated shop taken through the real CLI: `demo-data` → `ingest` → `run`, then the `ui`
 * host over the same Elasticsearch, all under `prefix`.
 */
export async function startDemoStack(options: {
  esUrl: string;
  prefix: string;
  customers: number;
  days: number;
  seed: number;
}): Promise<DemoStack> {
  const client = testClient();
  const names = indexNames(options.prefix);
  const dataDir = mkdtempSync(join(tmpdir(), 'ca-e2e-demo-'));
  const env = { ...process.env, ES_URL: options.esUrl };
  const demoArgs = ['--customers', String(options.customers), '--days', String(options.days)];
  cli(['demo-data', ...demoArgs, '--seed', String(options.seed), '--out', dataDir, '--quiet'], env);
  cli(['ingest', '--demo', dataDir, '--prefix', options.prefix], env);
  cli(['run', '--prefix', options.prefix], env);
  const ui = await startUi(['--port', '0', '--prefix', options.prefix], env);
  return {
    client,
    names,
    url: ui.url,
    async read(id, dimension) {
      const { report, type } = splitReportId(id);
      const document = await readLatestReport(client, names, report, type, dimension);
      if (!document) throw new Error(`the run wrote no ${id} for ${dimension}`);
      return document.data as ReportRow<typeof id>[];
    },
    async close() {
      ui.child.kill('SIGTERM');
      rmSync(dataDir, { recursive: true, force: true });
      await dropPrefix(client, options.prefix);
      await client.close();
    },
  };
}
