import {
  DEFAULT_MAD_K,
  type AnomalyOrdersRow,
  type AnomalyRfmRow,
  type AnomalyVectorRow,
} from '../../../../common/reports/anomalies';
import { DAY_MS, HOUR_MS, isoDay, startOfDay } from '../../../../common/time';
import { cohortEvents, cohortTable } from '../../analyses/cohort';
import type { TimeRange } from '../../analyses/periods';
import { DEFAULT_AUTOENCODER } from '../../ml/anomaly/autoencoder';
import { dailyCandidates } from '../../ml/anomaly/influencer';
import { productCategories } from '../../ml/anomaly/product_categories';
import {
  anomalyList,
  ordersRows,
  vectorRows,
  type AnomalySettings,
  type SeriesDays,
} from '../../ml/anomaly/reports';
import { rfmAnomalyRows } from '../../ml/anomaly/rfm';
import { cohortVectors, funnelVectors } from '../../ml/anomaly/vectors';
import { clvSegmentsOf } from './clv';
import type { ProduceStep, ReportProducer, RunData } from './types';

/** The cohort table's last column: a cohort row is complete 15 days after its day. */
const COHORT_LAST_COLUMN = 15;

/**
 * Days of the range a series scores: every whole day, and the day of `now` once 23 hours of it
 * have passed (a day cut short earlier would read as an outage).
 */
export function scoredDayCount(range: TimeRange): number {
  const firstDayMs = startOfDay(range.fromMs);
  const nowDayMs = startOfDay(range.nowMs);
  const whole = Math.round((nowDayMs - firstDayMs) / DAY_MS);
  return range.nowMs - nowDayMs >= 23 * HOUR_MS ? whole + 1 : whole;
}

interface Series {
  orders: AnomalyOrdersRow[];
  funnel: AnomalyVectorRow[];
  cohort: AnomalyVectorRow[];
  rfm: AnomalyRfmRow[];
}

/** Cohort rows by day of the series (0 where no one downloaded), complete rows only. */
function cohortSeries(step: ProduceStep, dayCount: number, firstDayMs: number) {
  const { run, inputs } = step;
  const sequences = inputs.sequences();
  const members = inputs.members();
  if (!sequences || !members || !run.customers) return null;
  const table = cohortTable(
    cohortEvents(sequences, members, run.customers.downloadMs).download_first,
    'daily',
  );
  const byDay = new Map(table.map((row) => [row.period, row]));
  const complete = Math.max(0, dayCount - COHORT_LAST_COLUMN);
  return Array.from({ length: complete }, (_, day) => {
    const period = isoDay(firstDayMs + day * DAY_MS);
    return byDay.get(period) ?? { period, cohort_size: 0, counts: new Array<number>(16).fill(0) };
  });
}

/** Product → category, read once per run for the category influencers. */
const categoriesOfRun = new WeakMap<RunData, Promise<Map<string, string>>>();

function categoriesOf(run: RunData): Promise<Map<string, string>> {
  let categories = categoriesOfRun.get(run);
  if (!categories) {
    categories = productCategories(run.client, run.names.orders);
    categoriesOfRun.set(run, categories);
  }
  return categories;
}

/** Whether a series is shown by a selected report: its own, or the list of all anomalies. */
function wanted(step: ProduceStep, name: 'orders' | 'funnel' | 'cohort' | 'rfm'): boolean {
  return step.selected(`anomalies/${name}`) || step.selected('anomalies/list');
}

/**
 * Daily orders (their anomalous days are left out of the autoencoders' baselines, so they are
 * computed for either), then the funnel and cohort autoencoders, each only when a selected report
 * shows it: they are most of the stage's time.
 */
async function dailySeries(step: ProduceStep, settings: AnomalySettings, series: Series) {
  const { run, inputs, context } = step;
  if (!(['orders', 'funnel', 'cohort'] as const).some((name) => wanted(step, name))) return;
  const label = `anomalies (${context.dimension})`;
  const dayCount = scoredDayCount(run.range);
  const firstDayMs = startOfDay(run.range.fromMs);
  const categoryOf = run.pass?.items ? await categoriesOf(run) : new Map<string, string>();
  const candidates = run.pass
    ? dailyCandidates(
        run.pass,
        context.dimensionIndex,
        run.dimensions ?? [],
        firstDayMs,
        dayCount,
        categoryOf,
      )
    : [];
  const days: SeriesDays = { firstDayMs, candidates };
  const buckets = (await inputs.sessionPeriods())[0]!.slice(0, dayCount);
  const orders = ordersRows(
    buckets.map((b) => b.counts.purchased ?? 0),
    days,
    settings.k,
  );
  series.orders = orders.rows;
  if (orders.sparse) await run.log(`${label}: orders not scored: under one order a day`);
  const excluded = orders.anomalousDays;
  if (wanted(step, 'funnel')) {
    const vectors = funnelVectors(
      inputs.steps,
      buckets.map((b) => b.counts),
      excluded,
    );
    const funnel = await vectorRows(vectors, days, excluded, settings);
    if ('rows' in funnel) series.funnel = funnel.rows;
    else await run.log(`${label}: funnel skipped: ${funnel.skipped}`);
  }
  if (!wanted(step, 'cohort')) return;
  const cohorts = cohortSeries(step, dayCount, firstDayMs);
  const cohort = cohorts
    ? await vectorRows(cohortVectors(cohorts, excluded), days, excluded, settings)
    : { skipped: 'no customer table in this run' };
  if ('rows' in cohort) series.cohort = cohort.rows;
  else await run.log(`${label}: cohort skipped: ${cohort.skipped}`);
}

async function rfmSeries(step: ProduceStep, k: number, series: Series): Promise<void> {
  const segments = clvSegmentsOf(step.run, step.context.dimension);
  if (!segments || segments.length === 0) {
    await step.run.log(
      `anomalies (${step.context.dimension}): no rfm rows: the CLV stage wrote no clv/segments for this context`,
    );
    return;
  }
  series.rfm = rfmAnomalyRows(segments, k);
}

/** Anomalies (ANALYSES.md "Anomalies"): daily orders, funnel and cohorts, and segment drift. */
export const anomaliesProducer: ReportProducer = {
  family: 'anomalies',
  stage: 'anomalies',
  after: ['clv', 'segments'],
  reports: {
    'anomalies/orders': ['session_periods', 'order_pass'],
    'anomalies/funnel': ['session_periods', 'order_pass'],
    'anomalies/cohort': ['session_periods', 'order_pass', 'customers'],
    'anomalies/rfm': ['order_pass'],
    'anomalies/list': ['session_periods', 'order_pass', 'customers'],
  },
  async produce(step) {
    const settings: AnomalySettings = {
      k: step.run.anomalyMadK ?? DEFAULT_MAD_K,
      autoencoder: DEFAULT_AUTOENCODER,
    };
    const params = {
      ...step.inputs.baseParams,
      k: settings.k,
      seed: settings.autoencoder.seed,
      max_epochs: settings.autoencoder.maxEpochs,
      learning_rate: settings.autoencoder.learningRate,
    };
    const series: Series = { orders: [], funnel: [], cohort: [], rfm: [] };
    await dailySeries(step, settings, series);
    if (wanted(step, 'rfm')) await rfmSeries(step, settings.k, series);
    step.put('anomalies/orders', series.orders, params);
    step.put('anomalies/funnel', series.funnel, params);
    step.put('anomalies/cohort', series.cohort, params);
    step.put('anomalies/rfm', series.rfm, params);
    step.put('anomalies/list', anomalyList(series), params);
  },
};
