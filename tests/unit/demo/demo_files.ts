import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeDemoFiles, type DemoOptions } from '../../../sidecar/src/demo';

/**
 * Reads the generated files back with a plain CSV split (our values never need quoting), so the
 * tests check the raw files rather than the generator's own objects.
 */
export interface RawTable {
  header: string[];
  rows: Record<string, string>[];
}

export function readCsv(path: string): RawTable {
  const text = readFileSync(path, 'utf8');
  if (!text.endsWith('\n')) throw new Error(`${path} does not end with a newline`);
  const lines = text.slice(0, -1).split('\n');
  const header = lines[0]!.split(',');
  const rows = lines.slice(1).map((line, i) => {
    const values = line.split(',');
    if (values.length !== header.length) {
      throw new Error(`${path} line ${i + 2}: ${values.length} values, expected ${header.length}`);
    }
    return Object.fromEntries(header.map((name, j) => [name, values[j]!]));
  });
  return { header, rows };
}

export interface DemoFiles {
  directory: string;
  sessions: RawTable;
  customers: RawTable;
  products: RawTable;
  groundTruth: Record<string, unknown> & {
    period: { start: string; days: number };
    spike_day: { date: string; factor: number };
    outage_day: { date: string; factor: number };
    products: { planted_pairs: Array<{ products: [string, string] }> };
    dimensions: { values: string[]; customer_weights: number[] };
  };
}

export async function generateFiles(options: DemoOptions): Promise<DemoFiles> {
  const directory = mkdtempSync(join(tmpdir(), 'demo-data-'));
  made.push(directory);
  await writeDemoFiles(options, directory);
  return {
    directory,
    sessions: readCsv(join(directory, 'sessions.csv')),
    customers: readCsv(join(directory, 'customers.csv')),
    products: readCsv(join(directory, 'products.csv')),
    groundTruth: JSON.parse(readFileSync(join(directory, 'ground-truth.json'), 'utf8')),
  };
}

/** Every directory `generateFiles` made; `removeGeneratedFiles` deletes them (call in afterAll). */
const made: string[] = [];

export function removeGeneratedFiles(): void {
  for (const directory of made.splice(0)) rmSync(directory, { recursive: true, force: true });
}

/** Cents of a two-decimal amount string, exactly. */
export function cents(amount: string): number {
  const match = /^(\d+)\.(\d\d)$/.exec(amount);
  if (!match) throw new Error(`'${amount}' is not an amount with two decimals`);
  return Number(match[1]) * 100 + Number(match[2]);
}

export const DAY_MS = 86_400_000;

export function dayNumber(timestamp: string, periodStart: string): number {
  return Math.floor((Date.parse(timestamp) - Date.parse(`${periodStart}T00:00:00Z`)) / DAY_MS);
}
