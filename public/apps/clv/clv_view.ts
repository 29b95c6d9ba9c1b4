import {
  CLV_METHODS,
  CLV_METHOD_LABELS,
  type ClvBacktestRow,
  type ClvDailyRow,
  type ClvMethod,
  type ClvPAliveRow,
  type ClvSegmentRow,
  type ClvSummaryRow,
} from '../../../common/reports/clv';
import { formatAmount, formatDay, formatNumber } from '../../components/format';

/** Forward forecasts drawn at once: more overlapping 6-month lines stop being told apart. */
export const FORECASTS_SHOWN = 6;

/** One line of the daily chart: actual revenue, a backtested method or one refresh's forecast. */
export interface DailyLine {
  id: string;
  name: string;
  /** `actual` draws neutral; a method or a refresh gets its colour from the chart. */
  role: 'actual' | ClvMethod | 'forecast';
  /** The chosen method, or the newest forecast: drawn thicker. */
  emphasised: boolean;
  points: Array<{ date: string; value: number }>;
}

const newestFirst = (a: string, b: string) => (a < b ? 1 : a > b ? -1 : 0);

/** Each date's actual revenue (rows of one day agree on it), dates ascending, unknown days left out. */
function actualPoints(rows: ClvDailyRow[]): Array<{ date: string; value: number }> {
  const byDate = new Map<string, number>();
  for (const row of rows) {
    if (row.actual !== null && !byDate.has(row.date)) byDate.set(row.date, row.actual);
  }
  return [...byDate]
    .sort(([a], [b]) => -newestFirst(a, b))
    .map(([date, value]) => ({ date, value }));
}

function predictedPoints(rows: ClvDailyRow[]): Array<{ date: string; value: number }> {
  return rows
    .map((row) => ({ date: row.date, value: row.predicted }))
    .sort((a, b) => -newestFirst(a.date, b.date));
}

/** The method of the newest refresh's forecast: the one the backtest chose. */
export function chosenMethod(rows: ClvDailyRow[]): ClvMethod | null {
  const forecasts = rows.filter((row) => row.kind === 'forecast');
  const newest = forecasts.map((row) => row.made_on).sort(newestFirst)[0];
  return forecasts.find((row) => row.made_on === newest)?.method ?? null;
}

/**
 * The newest refresh's backtest horizon: what happened and what each method predicted, in the
 * contract's method order, the chosen one emphasised.
 */
export function backtestLines(rows: ClvDailyRow[]): DailyLine[] {
  const backtest = rows.filter((row) => row.kind === 'backtest');
  const newest = backtest.map((row) => row.made_on).sort(newestFirst)[0];
  const mine = backtest.filter((row) => row.made_on === newest);
  const chosen = chosenMethod(rows);
  const lines: DailyLine[] = [
    { id: 'actual', name: 'Actual', role: 'actual', emphasised: false, points: actualPoints(mine) },
  ];
  for (const method of CLV_METHODS) {
    const ofMethod = mine.filter((row) => row.method === method);
    if (ofMethod.length === 0) continue;
    lines.push({
      id: method,
      name: `${CLV_METHOD_LABELS[method]}${method === chosen ? ' (chosen)' : ''}`,
      role: method,
      emphasised: method === chosen,
      points: predictedPoints(ofMethod),
    });
  }
  return lines;
}

/**
 * The forward forecasts of the newest `FORECASTS_SHOWN` refreshes, newest first and emphasised,
 * each its own line, then the actual revenue of the days that have passed (none before the first
 * forecast's days pass). `hidden` counts older refreshes left out.
 */
export function forecastLines(rows: ClvDailyRow[]): { lines: DailyLine[]; hidden: number } {
  const forecasts = rows.filter((row) => row.kind === 'forecast');
  const refreshes = [...new Set(forecasts.map((row) => row.made_on))].sort(newestFirst);
  const shown = refreshes.slice(0, FORECASTS_SHOWN);
  const lines: DailyLine[] = shown.map((madeOn, i) => {
    const ofRefresh = forecasts.filter((row) => row.made_on === madeOn);
    return {
      id: `forecast-${madeOn}`,
      name: `Made ${formatDay(madeOn)} (${CLV_METHOD_LABELS[ofRefresh[0]!.method]})`,
      role: 'forecast',
      emphasised: i === 0,
      points: predictedPoints(ofRefresh),
    };
  });
  const actual = actualPoints(forecasts);
  if (actual.length > 0) {
    lines.push({ id: 'actual', name: 'Actual', role: 'actual', emphasised: false, points: actual });
  }
  return { lines, hidden: refreshes.length - shown.length };
}

/**
 * The verdict in plain language: the stage's own (`params.verdict`) when it stored one, else
 * phrased from the rows: the chosen method against the naive baseline's per-customer error.
 */
export function backtestVerdict(
  rows: ClvBacktestRow[],
  params: Record<string, unknown> | undefined,
): string | null {
  const stored = params?.verdict;
  if (typeof stored === 'string' && stored.trim() !== '') return stored;
  const chosen = rows.find((row) => row.chosen);
  const naive = rows.find((row) => row.method === 'naive');
  if (!chosen || !naive) return null;
  const errors = `per-customer MAE ${formatAmount(chosen.customer_mae)} vs ${formatAmount(naive.customer_mae)}`;
  if (chosen.method !== 'naive') {
    const lower = formatNumber((1 - chosen.mae_ratio) * 100, 1);
    return `${CLV_METHOD_LABELS[chosen.method]} won: per-customer error ${lower} % lower than the naive baseline (${errors}).`;
  }
  const best = rows
    .filter((row) => row.method !== 'naive')
    .sort((a, b) => a.customer_mae - b.customer_mae)[0];
  if (!best) return 'Only the naive baseline was scored.';
  const higher = formatNumber((best.mae_ratio - 1) * 100, 1);
  return `The naive baseline won: ${CLV_METHOD_LABELS[best.method]}'s per-customer error is ${higher} % higher (per-customer MAE ${formatAmount(best.customer_mae)} vs ${formatAmount(naive.customer_mae)}).`;
}

/** Backtest rows in the contract's method order (models first, the naive baseline last). */
export function orderedBacktest(rows: ClvBacktestRow[]): ClvBacktestRow[] {
  return [...rows].sort((a, b) => CLV_METHODS.indexOf(a.method) - CLV_METHODS.indexOf(b.method));
}

/** The newest forward prediction (one row per refresh; carried-forward runs repeat it). */
export function latestSummary(rows: ClvSummaryRow[]): ClvSummaryRow | null {
  return [...rows].sort((a, b) => newestFirst(a.made_on, b.made_on))[0] ?? null;
}

/** Segments by predicted revenue, highest first; ties by name so the order is stable. */
export function segmentsByPrediction(rows: ClvSegmentRow[]): ClvSegmentRow[] {
  return [...rows].sort(
    (a, b) => b.predicted_revenue - a.predicted_revenue || a.segment.localeCompare(b.segment),
  );
}

export interface PAliveBar {
  key: string;
  label: string;
  value: number;
}

/** P(alive) bins left to right, keyed by their lower edge (`0.95`), labelled `0.95–1.00`. */
export function pAliveBars(rows: ClvPAliveRow[]): PAliveBar[] {
  return [...rows]
    .sort((a, b) => a.from - b.from)
    .map((row) => ({
      key: row.from.toFixed(2),
      label: `${row.from.toFixed(2)}–${row.to.toFixed(2)}`,
      value: row.customers,
    }));
}

const BG_NBD_PARAMETERS = [
  ['r', 'r'],
  ['alpha', 'α'],
  ['a', 'a'],
  ['b', 'b'],
] as const;
const GAMMA_GAMMA_PARAMETERS = [
  ['p', 'p'],
  ['q', 'q'],
  ['v', 'v'],
] as const;

function fitted(
  params: Record<string, unknown>,
  model: string,
  names: ReadonlyArray<readonly [string, string]>,
): string | null {
  const values = names.flatMap(([key, symbol]) => {
    const value = params[key];
    return typeof value === 'number' ? [`${symbol} = ${value.toPrecision(3)}`] : [];
  });
  return values.length === names.length ? `${model}: ${values.join(', ')}` : null;
}

/**
 * What the backtest's params say about the fit, as short phrases: the cutoff, the fitted BG/NBD
 * and Gamma-Gamma parameters and their log-likelihoods, the time unit and the tfjs backend. Keys
 * the stage did not store are left out.
 */
export function modelDetails(params: Record<string, unknown> | undefined): string[] {
  if (!params) return [];
  const details: string[] = [];
  if (typeof params.cutoff === 'string') details.push(`fitted up to ${formatDay(params.cutoff)}`);
  const bgNbd = fitted(params, 'BG/NBD', BG_NBD_PARAMETERS);
  const gammaGamma = fitted(params, 'Gamma-Gamma', GAMMA_GAMMA_PARAMETERS);
  if (bgNbd) details.push(bgNbd);
  if (gammaGamma) details.push(gammaGamma);
  const ll = params.log_likelihoods as Record<string, unknown> | null | undefined;
  if (ll && typeof ll.bg_nbd === 'number' && typeof ll.gamma_gamma === 'number') {
    details.push(
      `log-likelihoods ${formatNumber(ll.bg_nbd, 1)} (BG/NBD), ${formatNumber(ll.gamma_gamma, 1)} (Gamma-Gamma)`,
    );
  }
  if (typeof params.time_unit === 'string') details.push(`time unit: ${params.time_unit}`);
  const backend = params.tf_backend ?? params.backend;
  if (typeof backend === 'string') details.push(`tfjs backend: ${backend}`);
  return details;
}

/** Methods the backtest could not score (`params.failures`), with the stage's reason. */
export function backtestFailures(
  params: Record<string, unknown> | undefined,
): Array<{ method: string; reason: string }> {
  const failures = params?.failures;
  if (!Array.isArray(failures)) return [];
  return failures.flatMap((failure: unknown) => {
    const { method, reason } = (failure ?? {}) as { method?: unknown; reason?: unknown };
    if (typeof method !== 'string' || typeof reason !== 'string') return [];
    const label = (CLV_METHOD_LABELS as Record<string, string>)[method] ?? method;
    return [{ method: label, reason }];
  });
}
