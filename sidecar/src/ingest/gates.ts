/**
 * What must hold before a load is published, checked after the load and before anything users
 * see changes: every source has valid rows and stays within its own error budget, and a full
 * reload does not shrink a live index by more than half unless the user said it may.
 */
import type { Client } from '@elastic/elasticsearch';
import type { IndexNames } from '../../../common/indices';
import type { SourceRole } from './records';
import { errorRate } from './summary';

/** One row of the summary's per-source table. */
export interface SourceVerdict {
  source: SourceRole;
  label: string;
  read: number;
  loaded: number;
  rejected: number;
  rate: number;
  limit: number;
  /** `empty`: no valid row at all; `over_limit`: rate above limit. */
  verdict: 'ok' | 'over_limit' | 'empty';
}

/** Sources in the order they are loaded and reported. */
const ROLES: readonly SourceRole[] = ['customers', 'sessions', 'products', 'order_lines'];

/**
 * The per-source table. `setAside` are rows neither loaded nor errors (duplicates superseded by a
 * later row, order lines excluded by rule); a row is counted once, by its first problem.
 */
export function sourceVerdicts(input: {
  labels: Partial<Record<SourceRole, string>>;
  rowsRead: Record<string, number>;
  rejected: Record<string, number>;
  setAside: Partial<Record<SourceRole, number>>;
  limit: number;
}): SourceVerdict[] {
  return ROLES.filter((role) => input.labels[role] !== undefined).map((role) => {
    const read = input.rowsRead[role] ?? 0;
    const rejected = input.rejected[role] ?? 0;
    const loaded = Math.max(0, read - rejected - (input.setAside[role] ?? 0));
    const rate = errorRate(rejected, read);
    const verdict = loaded === 0 ? 'empty' : rate > input.limit ? 'over_limit' : 'ok';
    return {
      source: role,
      label: input.labels[role]!,
      read,
      loaded,
      rejected,
      rate,
      limit: input.limit,
      verdict,
    };
  });
}

const percent = (value: number) => `${(value * 100).toFixed(2)} %`;

/** Null when every source passed, else a message naming each failing source and why. */
export function budgetFailure(verdicts: readonly SourceVerdict[]): string | null {
  const failing = verdicts.filter((row) => row.verdict !== 'ok');
  if (failing.length === 0) return null;
  const reasons = failing.map((row) =>
    row.verdict === 'empty'
      ? `${row.source} source ${row.label} has no valid rows (${row.read} read, ${row.rejected} rejected)`
      : `${row.source} source ${row.label}: ${row.rejected} of ${row.read} rows were rejected (${percent(row.rate)}), above the maximum error rate of ${percent(row.limit)}`,
  );
  return `${reasons.join('; ')}: nothing was written to the indices users see (the staging copy was deleted), they are as they were`;
}

/** Documents behind an alias (or an older install's concrete index) now; null if none exists. */
async function liveCount(client: Client, name: string): Promise<number | null> {
  if (!(await client.indices.exists({ index: name }))) return null;
  return (await client.count({ index: name })).count;
}

/**
 * Null when publishing `loaded` keeps each live index at half its size or more (or shrinking was
 * allowed), else the message with both counts.
 */
export async function shrinkFailure(
  client: Client,
  names: IndexNames,
  loaded: { orders: number; downloads: number },
  allowShrink: boolean,
): Promise<string | null> {
  if (allowShrink) return null;
  const problems: string[] = [];
  for (const role of ['orders', 'downloads'] as const) {
    const live = await liveCount(client, names[role]);
    if (live !== null && loaded[role] * 2 < live) {
      problems.push(`${role} would go from ${live} to ${loaded[role]} documents`);
    }
  }
  if (problems.length === 0) return null;
  return (
    `this full reload would shrink live data by more than half (${problems.join('; ')}): nothing was published, the live indices are as they were. ` +
    'If the sources really lost that much, run again with --allow-shrink (or allow_shrink: true in the config)'
  );
}
