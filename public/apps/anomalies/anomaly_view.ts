import type { LineAnnotationDatum } from '@elastic/charts';
import type {
  AnomalyListRow,
  AnomalyOrdersRow,
  AnomalySeries,
  AnomalyVectorRow,
  InfluencerKind,
} from '../../../common/reports/anomalies';
import { ALL_DIMENSIONS } from '../../../common/documents';
import { formatDay, formatNumber, formatPercentChange } from '../../components/format';

export const SERIES_LABELS: Record<AnomalySeries, string> = {
  funnel: 'Daily funnel',
  cohort: 'Cohort',
  orders: 'Daily orders',
  rfm: 'RFM by segment',
};

/** `dimension North`, `promotion SPRING`, `category Shoes`; `–` when nothing stood out. */
export function formatInfluencer(kind: InfluencerKind | null, influencer: string | null): string {
  if (influencer === null) return '–';
  return kind === null ? influencer : `${kind} ${influencer}`;
}

/** Scores are 0–100 and only their order matters: whole numbers. */
export function formatScore(score: number): string {
  return formatNumber(score, 0);
}

/**
 * A value as the table and tooltips show it: counts whole, ratios and errors with enough decimals
 * to tell apart (0.034 and 0.031 would both read 0 as a count), no trailing zeros.
 */
export function formatValue(value: number): string {
  const abs = Math.abs(value);
  return value.toLocaleString('en-US', {
    maximumFractionDigits: abs >= 100 ? 1 : abs >= 1 ? 2 : 3,
  });
}

/** One line of a marker's tooltip: what, how severe, the values and what contributed most. */
export function anomalyLine(row: AnomalyListRow): string {
  const influencer = formatInfluencer(row.influencer_kind, row.influencer);
  return (
    `${SERIES_LABELS[row.series]} · ${row.subject}: score ${formatScore(row.score)}, ` +
    `actual ${formatValue(row.actual)} vs typical ${formatValue(row.typical)}, ` +
    `influencer ${influencer}`
  );
}

/**
 * Anomaly markers for a daily chart: one line-annotation datum per day with anomalies (epoch ms of
 * that UTC midnight, the x value daily charts use), the day's anomalies highest score first in the
 * details. Anomalies without a date (RFM segments) are about no day and get no marker.
 */
export function anomalyMarkers(rows: readonly AnomalyListRow[]): LineAnnotationDatum<number>[] {
  const rowsByDay = new Map<string, AnomalyListRow[]>();
  for (const row of rows) {
    if (row.date === null) continue;
    rowsByDay.set(row.date, [...(rowsByDay.get(row.date) ?? []), row]);
  }
  return [...rowsByDay.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([day, dayRows]) => {
      const sorted = [...dayRows].sort((a, b) => b.score - a.score);
      const top = formatScore(sorted[0]!.score);
      const count = sorted.length > 1 ? ` · ${sorted.length} anomalies` : '';
      return {
        dataValue: Date.parse(`${day}T00:00:00Z`),
        header: `Anomaly · ${formatDay(day)} · score ${top}${count}`,
        details: sorted.map(anomalyLine).join('\n'),
      };
    });
}

/** Where a date in the anomalies table leads: the Overview focused on that day, same dimension. */
export function dayLocation(day: string, dimension: string): { pathname: string; search: string } {
  const search = new URLSearchParams();
  if (dimension !== ALL_DIMENSIONS) search.set('dimension', dimension);
  search.set('day', day);
  return { pathname: '/overview', search: `?${search.toString()}` };
}

const DAY_MS = 86_400_000;

/** The UTC day `offsetDays` from `day`, as `yyyy-mm-dd`. */
export function shiftDay(day: string, offsetDays: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + offsetDays * DAY_MS).toISOString().slice(0, 10);
}

/** A valid `yyyy-mm-dd` UTC day, else null (a hand-edited URL must not break the page). */
export function parseDay(value: string | null): string | null {
  if (value === null || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const time = Date.parse(`${value}T00:00:00Z`);
  return Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== value ? null : value;
}

/** The rows of a daily report within `radiusDays` of `day` (inclusive), in their order. */
export function rowsAroundDay<Row extends { period: string }>(
  rows: readonly Row[],
  day: string,
  radiusDays: number,
): Row[] {
  const from = shiftDay(day, -radiusDays);
  const to = shiftDay(day, radiusDays);
  return rows.filter((row) => row.period >= from && row.period <= to);
}

/** One day of an anomaly chart: the plotted value, its score and what the tooltip adds. */
export interface AnomalyPoint {
  date: string;
  value: number | null;
  /** The typical value drawn as a reference line (daily orders), when the series has one. */
  typical: number | null;
  score: number;
  anomalous: boolean;
  influencer: string;
  /** What the error is about, e.g. `feature add_to_basket: actual 0.120 vs typical 0.310`. */
  detail: string;
}

/** Funnel or cohort rows: the reconstruction error per day, the worst feature as the detail. */
export function vectorPoints(rows: readonly AnomalyVectorRow[]): AnomalyPoint[] {
  return [...rows]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((row) => ({
      date: row.date,
      value: row.error,
      typical: null,
      score: row.score,
      anomalous: row.anomalous,
      influencer: formatInfluencer(row.influencer_kind, row.influencer),
      detail: `${row.feature}: actual ${formatValue(row.actual)} vs typical ${formatValue(row.typical)}`,
    }));
}

/** Daily orders as counts against the typical weekday, or as the % change from it. */
export function ordersPoints(
  rows: readonly AnomalyOrdersRow[],
  view: 'orders' | 'pct',
): AnomalyPoint[] {
  return [...rows]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((row) => ({
      date: row.date,
      value: view === 'orders' ? row.orders : row.pct_change === null ? null : row.pct_change * 100,
      typical: view === 'orders' ? row.typical : null,
      score: row.score,
      anomalous: row.anomalous,
      influencer: formatInfluencer(row.influencer_kind, row.influencer),
      detail:
        row.typical === null
          ? `${formatNumber(row.orders)} orders; no typical value yet (first 4 weeks)`
          : `${formatNumber(row.orders)} orders vs typical ${formatNumber(row.typical, 1)} ` +
            `(${formatPercentChange(row.pct_change === null ? null : row.pct_change * 100)})`,
    }));
}
