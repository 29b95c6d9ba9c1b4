import {
  DEFAULT_MAD_K,
  type AnomalyListRow,
  type AnomalyOrdersRow,
  type AnomalyRfmRow,
  type AnomalyVectorRow,
} from '../../../../common/reports/anomalies';
import { DAY_MS, isoDay } from '../../../../common/time';
import { DEFAULT_AUTOENCODER, reconstruct, type AutoencoderSettings } from './autoencoder';
import { NO_INFLUENCER, influencerOf, type Candidate } from './influencer';
import { scoreErrors } from './scoring';
import { MIN_MEAN_VECTOR_COUNT, MIN_VECTORS, type DailyVectors } from './vectors';
import { weekdaySeries } from './weekday_baseline';

export interface AnomalySettings {
  k: number;
  autoencoder: AutoencoderSettings;
}

export const DEFAULT_ANOMALY_SETTINGS: AnomalySettings = {
  k: DEFAULT_MAD_K,
  autoencoder: DEFAULT_AUTOENCODER,
};

/** The days of a series: day i is `firstDayMs + i × DAY_MS`. */
export interface SeriesDays {
  firstDayMs: number;
  /** Influencer candidates indexed by the same days; empty for none. */
  candidates: readonly Candidate[];
}

const dateOf = (days: SeriesDays, day: number) => isoDay(days.firstDayMs + day * DAY_MS);

/** `anomalies/orders`, with the influencer of each anomalous day. */
export function ordersRows(
  orders: readonly number[],
  days: SeriesDays,
  k = DEFAULT_MAD_K,
): { rows: AnomalyOrdersRow[]; anomalousDays: boolean[]; sparse: boolean } {
  const series = weekdaySeries(orders, k);
  const rows = orders.map((count, day) => {
    const typical = series.typical[day]!;
    const anomalous = series.anomalous[day]!;
    const influencer = anomalous
      ? influencerOf(days.candidates, day, count - (typical ?? 0), series.anomalous)
      : NO_INFLUENCER;
    return {
      date: dateOf(days, day),
      orders: count,
      typical,
      pct_change: series.pctChange[day]!,
      score: series.scores[day]!,
      anomalous,
      ...influencer,
    };
  });
  return { rows, anomalousDays: series.anomalous, sparse: series.sparse };
}

/**
 * An autoencoder series' rows (`anomalies/funnel`, `anomalies/cohort`), or why it was skipped: fewer
 * than MIN_VECTORS vectors, or a first count (sessions, downloads) under MIN_MEAN_VECTOR_COUNT a day.
 * `excluded` are days left out of the influencers' baselines; `epochs` the autoencoder trained.
 */
export async function vectorRows(
  vectors: DailyVectors,
  days: SeriesDays,
  excluded: readonly boolean[],
  settings: AnomalySettings = DEFAULT_ANOMALY_SETTINGS,
): Promise<{ rows: AnomalyVectorRow[]; epochs: number } | { skipped: string }> {
  const count = vectors.rows.length;
  if (count < MIN_VECTORS) {
    return { skipped: `${count} days after the warm-up, the autoencoder needs ${MIN_VECTORS}` };
  }
  const mean = vectors.actual.reduce((sum, row) => sum + row[0]!, 0) / count;
  if (mean < MIN_MEAN_VECTOR_COUNT) {
    return { skipped: `${vectors.features[0]} average ${mean.toFixed(2)} a day, too few to score` };
  }
  const { rows: reconstructions, epochs } = await reconstruct(vectors.rows, settings.autoencoder);
  const errors = reconstructions.map((r) => r.error);
  const scored = scoreErrors(errors, settings.k, RECONSTRUCTION_MAD_FLOOR);
  const rows = reconstructions.map((r, i) => {
    const day = vectors.dayIndex[i]!;
    const actual = vectors.actual[i]![r.feature]!;
    const typical = vectors.offset[i]![r.feature]! + r.typical * vectors.unit[i]![r.feature]!;
    const anomalous = scored.anomalous[i]!;
    const influencer = anomalous
      ? influencerOf(days.candidates, day, actual - typical, excluded)
      : NO_INFLUENCER;
    return {
      date: dateOf(days, day),
      error: r.error,
      score: scored.scores[i]!,
      anomalous,
      feature: vectors.features[r.feature]!,
      actual,
      typical,
      ...influencer,
    };
  });
  return { rows, epochs };
}

/**
 * The floor of a reconstruction error's MAD: about half the MAD of the error of 6–8 components of
 * pure standard noise (simulated: 0.085–0.099), half because the model fits part of the noise.
 */
export const RECONSTRUCTION_MAD_FLOOR = 0.045;

const SERIES_ORDER = ['orders', 'funnel', 'cohort', 'rfm'];

/**
 * `anomalies/list`: every anomalous point, highest score first (then date, series, subject). An
 * rfm point's actual is the prediction and its typical the segment's current value.
 */
export function anomalyList(series: {
  orders: readonly AnomalyOrdersRow[];
  funnel: readonly AnomalyVectorRow[];
  cohort: readonly AnomalyVectorRow[];
  rfm: readonly AnomalyRfmRow[];
}): AnomalyListRow[] {
  const vector = (name: 'funnel' | 'cohort') =>
    series[name]
      .filter((r) => r.anomalous)
      .map<AnomalyListRow>((r) => ({
        date: r.date,
        series: name,
        subject: r.feature,
        score: r.score,
        actual: r.actual,
        typical: r.typical,
        influencer_kind: r.influencer_kind,
        influencer: r.influencer,
      }));
  const rows: AnomalyListRow[] = [
    ...series.orders
      .filter((r) => r.anomalous)
      .map<AnomalyListRow>((r) => ({
        date: r.date,
        series: 'orders',
        subject: 'orders',
        score: r.score,
        actual: r.orders,
        typical: r.typical ?? 0,
        influencer_kind: r.influencer_kind,
        influencer: r.influencer,
      })),
    ...vector('funnel'),
    ...vector('cohort'),
    ...series.rfm
      .filter((r) => r.anomalous)
      .map<AnomalyListRow>((r) => ({
        date: null,
        series: 'rfm',
        subject: `${r.segment}: ${r.metric}`,
        score: r.score,
        actual: r.predicted,
        typical: r.current,
        influencer_kind: null,
        influencer: null,
      })),
  ];
  return rows.sort(
    (a, b) =>
      b.score - a.score ||
      (a.date ?? '').localeCompare(b.date ?? '') ||
      SERIES_ORDER.indexOf(a.series) - SERIES_ORDER.indexOf(b.series) ||
      a.subject.localeCompare(b.subject),
  );
}
