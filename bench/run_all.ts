/**
 * Every benchmark in one command: each bench/*.ts runs as its own process (so one's memory and
 * JIT do not colour the next), at each `--sessions` size, and its JSON line is kept whole in
 * bench/results.json. The table shows the headline figures beside their goals, and for the
 * scaling run the seconds per million sessions of each stage at each size (goal: flat).
 *
 *   npm run bench -- --sessions 1000000
 *   npm run bench -- --sessions 100000,1000000,3000000 [--only ingest,analyses] [--ui-url URL]
 *
 * search.ts sizes by distinct clients (--values) and admin.ts by its own shop (its defaults);
 * both run once, at the first size. routes.ts loads the report routes of the UI host over the
 * reports analyses.ts has just written at the same size, or of a running host given as --ui-url.
 */
import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const BENCH_DIR = import.meta.dirname;

interface Bench {
  name: string;
  args: (sessions: number, uiUrl?: string) => string[];
  /** Runs only at the first size (it does not take a sessions count). */
  once?: boolean;
  /** Flattened result key holding the stage's seconds, for the cost per million sessions. */
  secondsKey?: string;
}

const BENCHES: Bench[] = [
  { name: 'es-bulk', args: (n) => ['--sessions', `${n}`], secondsKey: 'seconds' },
  {
    name: 'ingest',
    args: (n) => ['--sessions', `${n}`, '--rounds', '1'],
    secondsKey: 'ingest_seconds',
  },
  { name: 'analyses', args: (n) => ['--sessions', `${n}`], secondsKey: 'seconds' },
  // Over the reports bench/analyses.ts just wrote at the same size (or --ui-url's host).
  {
    name: 'routes',
    args: (n, uiUrl) => (uiUrl ? ['--ui-url', uiUrl] : ['--sessions', `${n}`]),
  },
  { name: 'ml', args: (n) => ['--sessions', `${n}`], secondsKey: 'seconds' },
  { name: 'search', args: (n) => ['--values', `${n}`], once: true, secondsKey: 'build_seconds' },
  { name: 'admin', args: () => [], once: true },
];

/** The headline figures: a flattened key (first match of the pattern) and its goal. */
const FIGURES: { bench: string; label: string; key: RegExp; goal: string }[] = [
  { bench: 'es-bulk', label: 'raw _bulk docs/s', key: /^docs_per_s$/, goal: '— (the anchor)' },
  { bench: 'ingest', label: 'ingest / raw _bulk', key: /^ratio_to_raw_bulk$/, goal: '≥ 0.8' },
  { bench: 'ingest', label: 'ingest peak RSS MB', key: /^ingest_peak_rss_mb$/, goal: '< 400' },
  { bench: 'analyses', label: 'exploratory stage seconds', key: /^seconds$/, goal: '≤ 15 at 1 M' },
  {
    bench: 'analyses',
    label: 'full passes over orders',
    key: /^full_passes_over_orders$/,
    goal: '1',
  },
  { bench: 'analyses', label: 'analyses peak RSS MB', key: /^peak_rss_mb$/, goal: '< 1024' },
  {
    bench: 'analyses',
    label: 'orders index MB (primary)',
    key: /^primary_store_mb\.orders$/,
    goal: '—',
  },
  { bench: 'ml', label: 'segments seconds', key: /^seconds$/, goal: '≤ 30 at 1 M' },
  { bench: 'ml', label: 'segments peak RSS MB', key: /^peak_rss_mb$/, goal: '< 1024' },
  { bench: 'search', label: 'search p95 ms', key: /p95/, goal: '< 100' },
  { bench: 'admin', label: 'admin API p95 ms', key: /^p95_ms$/, goal: '< 50' },
  { bench: 'routes', label: 'report routes p95 ms', key: /^p95_ms$/, goal: '< 150' },
  { bench: 'routes', label: 'report routes req/s', key: /^requests_per_s$/, goal: '—' },
  { bench: 'routes', label: 'report routes errors', key: /^errors$/, goal: '0' },
];

export function flatten(value: unknown, prefix = '', out = new Map<string, unknown>()) {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value))
      flatten(inner, prefix ? `${prefix}.${key}` : key, out);
  } else out.set(prefix, value);
  return out;
}

/** Runs one benchmark; its last stdout line that parses as JSON is its result. */
function runBench(
  bench: Bench,
  sessions: number,
  uiUrl?: string,
): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(BENCH_DIR, `${bench.name}.ts`), ...bench.args(sessions, uiUrl)],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const json = stdout
        .trim()
        .split('\n')
        .reverse()
        .find((line) => line.startsWith('{'));
      if (code !== 0 || !json)
        return reject(
          new Error(`bench/${bench.name}.ts --sessions ${sessions}: exit ${code}, no JSON result`),
        );
      resolve(JSON.parse(json) as Record<string, unknown>);
    });
  });
}

interface Row {
  bench: string;
  sessions: number | null;
  result: Record<string, unknown> | null;
  error?: string;
}

function table(rows: Row[], sizes: number[]): string {
  const lines = [
    '| Figure | ' +
      sizes.map((s) => `${s.toLocaleString('en')} sessions`).join(' | ') +
      ' | Goal |',
  ];
  lines.push(`| --- | ${sizes.map(() => '---').join(' | ')} | --- |`);
  for (const figure of FIGURES) {
    const cells = sizes.map((size, i) => {
      const row = rows.find(
        (r) =>
          r.bench === figure.bench && (r.sessions === size || (r.sessions === null && i === 0)),
      );
      if (!row) return '';
      if (!row.result) return `not run: ${row.error}`;
      const entry = [...flatten(row.result)].find(
        ([key]) => figure.key.test(key.split('.').at(-1)!) || figure.key.test(key),
      );
      return entry === undefined ? '—' : String(entry[1]);
    });
    if (cells.every((c) => c === '')) continue;
    lines.push(`| ${figure.label} | ${cells.join(' | ')} | ${figure.goal} |`);
  }
  for (const bench of BENCHES.filter((b) => b.secondsKey && !b.once)) {
    const cells = sizes.map((size) => {
      const row = rows.find((r) => r.bench === bench.name && r.sessions === size);
      const result = row?.result ? flatten(row.result) : null;
      const seconds = result?.get(bench.secondsKey!);
      // The sessions the bench really generated, when it says (a shop may run short).
      const sessions = result?.get('sessions');
      const millions = (typeof sessions === 'number' ? sessions : size) / 1e6;
      return typeof seconds === 'number' ? (seconds / millions).toFixed(1) : '';
    });
    if (cells.some((c) => c !== ''))
      lines.push(`| ${bench.name}: s per 1 M sessions | ${cells.join(' | ')} | flat |`);
  }
  return lines.join('\n');
}

async function main() {
  const { values } = parseArgs({
    options: {
      sessions: { type: 'string', default: '1000000' },
      only: { type: 'string' },
      'ui-url': { type: 'string' },
      out: { type: 'string', default: join(BENCH_DIR, 'results.json') },
    },
  });
  const sizes = values.sessions.split(',').map((s) => Number(s.trim()));
  if (sizes.some((n) => !Number.isInteger(n) || n <= 0))
    throw new Error(`--sessions ${values.sessions}: expected whole numbers > 0, comma separated`);
  const only = values.only?.split(',');
  const rows: Row[] = [];
  const selected = BENCHES.filter((b) => !only || only.includes(b.name));
  // Size by size, each in BENCHES order: routes reads the reports analyses has just written.
  for (const [i, size] of sizes.entries()) {
    for (const bench of selected.filter((b) => !b.once || i === 0)) {
      console.error(`bench/${bench.name}.ts at ${size.toLocaleString('en')}…`);
      const row: Row = { bench: bench.name, sessions: bench.once ? null : size, result: null };
      try {
        row.result = await runBench(bench, size, values['ui-url']);
      } catch (error) {
        row.error = (error as Error).message;
      }
      rows.push(row);
    }
  }
  const machine = {
    cpus: cpus().length,
    cpu_model: cpus()[0]?.model,
    memory_gb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
  };
  await writeFile(
    values.out,
    `${JSON.stringify({ measured_at: new Date().toISOString(), machine, sizes, rows }, null, 2)}\n`,
  );
  console.log(table(rows, sizes));
  console.log(
    `\n${machine.cpus} × ${machine.cpu_model}, ${machine.memory_gb} GB; results in ${values.out}`,
  );
  if (rows.some((r) => r.error)) process.exitCode = 1;
}

await main();
