import type {
  ClvBacktestRow,
  ClvDailyRow,
  ClvMethod,
  ClvPAliveRow,
  ClvProfileFields,
  ClvSegmentRow,
  ClvSummaryRow,
  ClvTopCustomerRow,
} from '../../../../common/reports/clv';
import { isoDay } from '../../../../common/time';
import type { OrderSequences } from '../../analyses/order_sequences';
import type { Backtest } from './backtest';
import type { ForwardPrediction } from './forward';
import { DAY_MS, dayOf } from './summary';

export const TOP_CUSTOMERS = 100;
export const P_ALIVE_BIN = 0.05;
/** Earlier refreshes' forecasts stay in `clv/daily` while made within this many days. */
export const KEPT_FORECAST_DAYS = 364;

export const cents = (value: number): number => Math.round(value * 100) / 100;
const dayIso = (day: number): string => isoDay(day * DAY_MS);

/** Backtest rows per scored method, then the chosen method's forward prediction. */
export function dailyRows(
  backtest: Backtest,
  forward: ForwardPrediction,
  madeOn: string,
): ClvDailyRow[] {
  const rows: ClvDailyRow[] = [];
  for (const [method, predicted] of Object.entries(backtest.daily)) {
    if (method === 'actual' || !predicted) continue;
    predicted.forEach((value, d) =>
      rows.push({
        date: dayIso(backtest.cutoffDay + d),
        made_on: madeOn,
        kind: 'backtest',
        method: method as ClvMethod,
        predicted: cents(value),
        actual: cents(backtest.daily.actual[d]!),
      }),
    );
  }
  forward.dailyTotal.forEach((value, d) =>
    rows.push({
      date: dayIso(forward.endDay + d),
      made_on: madeOn,
      kind: 'forecast',
      method: forward.method,
      predicted: cents(value),
      actual: null,
    }),
  );
  return rows;
}

/**
 * Earlier refreshes' forecast rows kept beside the new one: those made within KEPT_FORECAST_DAYS,
 * with `actual` filled in from the context's orders for every day before `endDay`.
 */
export function keptForecastRows(
  previous: readonly ClvDailyRow[],
  sequences: OrderSequences,
  endDay: number,
  madeOn: string,
): ClvDailyRow[] {
  const oldest = dayIso(endDay - 1 - KEPT_FORECAST_DAYS);
  const kept = previous.filter(
    (row) => row.kind === 'forecast' && row.made_on !== madeOn && row.made_on >= oldest,
  );
  if (kept.length === 0) return [];
  const totals = new Map<string, number>();
  for (let row = 0; row < sequences.timeMs.length; row++) {
    const day = dayOf(sequences.timeMs[row]!);
    if (day >= endDay) continue;
    const key = dayIso(day);
    totals.set(key, (totals.get(key) ?? 0) + sequences.amount[row]!);
  }
  const last = dayIso(endDay - 1);
  return kept.map((row) => ({
    ...row,
    actual: row.date <= last ? cents(totals.get(row.date) ?? 0) : null,
  }));
}

export function backtestRows(backtest: Backtest): ClvBacktestRow[] {
  const naive = backtest.scores.naive.customerMae;
  const methods = (Object.keys(backtest.scores) as ClvMethod[]).sort(
    (a, b) => Number(a === 'naive') - Number(b === 'naive'),
  );
  return methods.map((method) => {
    const scores = backtest.scores[method]!;
    return {
      method,
      customers: backtest.customers,
      customer_mae: cents(scores.customerMae),
      customer_bias: cents(scores.customerBias),
      daily_total_mae: cents(scores.dailyTotalMae),
      mae_ratio: method === 'naive' ? 1 : naive > 0 ? scores.customerMae / naive : 0,
      chosen: method === backtest.chosen,
    };
  });
}

export function summaryRow(forward: ForwardPrediction, madeOn: string): ClvSummaryRow {
  const { prediction, pAlive } = forward;
  const known = sum(prediction.predictedValue);
  const newcomers =
    forward.method === 'naive'
      ? 0
      : forward.newcomers.dailyNewBuyers * forward.newcomers.meanFirstAmount * forward.horizonDays;
  return {
    made_on: madeOn,
    horizon_days: forward.horizonDays,
    method: forward.method,
    customers: prediction.predictedValue.length,
    predicted_revenue: cents(known + newcomers),
    known_customers_revenue: cents(known),
    newcomers_revenue: cents(newcomers),
    expected_orders: cents(sum(prediction.expectedPurchases)),
    mean_p_alive: pAlive && pAlive.length > 0 ? sum(pAlive) / pAlive.length : null,
  };
}

/** What each summary row (customer known at the end day) did over the last `days`. */
export function recentActivity(
  sequences: OrderSequences,
  forward: ForwardPrediction,
  days: number,
): { revenue: Float64Array; orders: Int32Array; totalSpend: Float64Array; allOrders: Int32Array } {
  const n = forward.summary.x.length;
  const revenue = new Float64Array(n);
  const orders = new Int32Array(n);
  const totalSpend = new Float64Array(n);
  const allOrders = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const i = forward.summary.sequence[k]!;
    for (let row = sequences.offsets[i]!; row < sequences.offsets[i + 1]!; row++) {
      const day = dayOf(sequences.timeMs[row]!);
      if (day >= forward.endDay) continue;
      totalSpend[k]! += sequences.amount[row]!;
      allOrders[k]! += 1;
      if (day >= forward.endDay - days) {
        revenue[k]! += sequences.amount[row]!;
        orders[k]! += 1;
      }
    }
  }
  return { revenue, orders, totalSpend, allOrders };
}

/** Per segment (in `segmentNames` order, absent segments left out). */
export function segmentRows(
  forward: ForwardPrediction,
  segmentOfRow: (k: number) => number,
  segmentNames: readonly string[],
  recent: { revenue: Float64Array; orders: Int32Array },
): ClvSegmentRow[] {
  const { predictedValue, expectedPurchases } = forward.prediction;
  const groups = segmentNames.map(() => ({ customers: 0, value: 0, orders: 0, rev: 0, now: 0 }));
  for (let k = 0; k < predictedValue.length; k++) {
    const g = groups[segmentOfRow(k)];
    if (!g) continue;
    g.customers++;
    g.value += predictedValue[k]!;
    g.orders += expectedPurchases[k]!;
    g.rev += recent.revenue[k]!;
    g.now += recent.orders[k]!;
  }
  const total = sum(predictedValue);
  return groups.flatMap((g, s) =>
    g.customers === 0
      ? []
      : [
          {
            segment: segmentNames[s]!,
            customers: g.customers,
            predicted_revenue: cents(g.value),
            share: total > 0 ? g.value / total : 0,
            expected_orders: cents(g.orders),
            current_revenue: cents(g.rev),
            current_orders: g.now,
          },
        ],
  );
}

export function topCustomerRows(
  forward: ForwardPrediction,
  clientOfRow: (k: number) => string,
  segmentOfRow: (k: number) => string | null,
  recent: { totalSpend: Float64Array; allOrders: Int32Array },
): ClvTopCustomerRow[] {
  const { predictedValue, expectedPurchases } = forward.prediction;
  const rows = Array.from(predictedValue.keys())
    .sort((a, b) => predictedValue[b]! - predictedValue[a]! || a - b)
    .slice(0, TOP_CUSTOMERS);
  return rows.map((k) => ({
    client: clientOfRow(k),
    predicted_value: cents(predictedValue[k]!),
    expected_orders: expectedPurchases[k]!,
    p_alive: forward.pAlive ? forward.pAlive[k]! : null,
    segment: segmentOfRow(k),
    orders: recent.allOrders[k]!,
    total_spend: cents(recent.totalSpend[k]!),
  }));
}

/** Customers per P(alive) bin of width P_ALIVE_BIN; the last bin includes 1. */
export function pAliveRows(pAlive: Float64Array | null): ClvPAliveRow[] {
  if (!pAlive) return [];
  const bins = Math.round(1 / P_ALIVE_BIN);
  const counts = new Array<number>(bins).fill(0);
  for (const p of pAlive) counts[Math.min(bins - 1, Math.floor(p * bins))]! += 1;
  return counts.map((customers, b) => ({
    from: cents(b * P_ALIVE_BIN),
    to: cents((b + 1) * P_ALIVE_BIN),
    customers,
  }));
}

export function profileFields(
  forward: ForwardPrediction,
  k: number,
  madeOn: string,
): ClvProfileFields {
  return {
    clv_predicted_value: cents(forward.prediction.predictedValue[k]!),
    clv_expected_orders: forward.prediction.expectedPurchases[k]!,
    clv_p_alive: forward.pAlive ? forward.pAlive[k]! : null,
    clv_model: forward.method,
    clv_made_on: madeOn,
  };
}

function sum(values: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i]!;
  return total;
}
