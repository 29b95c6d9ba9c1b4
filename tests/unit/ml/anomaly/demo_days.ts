import type { CohortRow } from '../../../../common/reports/cohort';
import { DAY_MS, isoDay } from '../../../../common/time';
import { cohortEvents, cohortTable } from '../../../../sidecar/src/analyses/cohort';
import { OrderItemsBuilder } from '../../../../sidecar/src/analyses/order_items';
import {
  PassOrdersBuilder,
  type PassOrders,
} from '../../../../sidecar/src/analyses/order_sequences';
import { generateDemo } from '../../../../sidecar/src/demo';

export const DEMO_STEPS = ['has_sessions', 'has_basket', 'order_screen', 'purchased'];

/** A demo shop's days as the run would see them, built straight from the generator. */
export interface DemoDays {
  firstDayMs: number;
  days: number;
  spikeDay: number;
  outageDay: number;
  dimensions: string[];
  /** Sessions per funnel step, per day (the daily session buckets' counts). */
  stepCounts: Record<string, number>[];
  pass: PassOrders;
  /** Complete daily download→first-order cohort rows, one per day from day 0. */
  cohorts: CohortRow[];
}

/**
 * `extra` plants orders: `count` more purchased sessions on `day` in dimension value
 * `dimension`, each a new customer's only order (as a local promotion gone viral would look).
 */
export function demoDays(
  options: { customers: number; days: number; seed: number },
  extra?: { day: number; dimension: string; count: number },
): DemoDays {
  const generator = generateDemo(options);
  const { startMs: firstDayMs, days } = generator.options;
  const dimensions = generator.dimensions.names;
  const stepCounts = Array.from({ length: days }, () =>
    Object.fromEntries(DEMO_STEPS.map((s) => [s, 0])),
  );
  const builder = new PassOrdersBuilder();
  const items = new OrderItemsBuilder();
  const downloadMs: number[] = [];
  let customer = 0;
  for (const block of generator.customerBlocks()) {
    downloadMs.push(block.customer.downloadMs);
    for (const session of block.sessions) {
      const counts = stepCounts[Math.floor((session.startMs - firstDayMs) / DAY_MS)]!;
      counts.has_sessions!++;
      if (session.has_basket) counts.has_basket!++;
      if (session.order_screen) counts.order_screen!++;
      if (!session.purchased) continue;
      counts.purchased!++;
      builder.add(
        customer,
        session.startMs,
        session.payment_amount,
        dimensions.indexOf(session.dimension),
      );
      items.add(session.promotion_id, session.basket);
    }
    customer++;
  }
  if (extra) {
    const atMs = firstDayMs + extra.day * DAY_MS + 12 * 3_600_000;
    for (let i = 0; i < extra.count; i++) {
      downloadMs.push(atMs - 3_600_000);
      builder.add(customer++, atMs, 20, dimensions.indexOf(extra.dimension));
      items.add(null, []);
      const counts = stepCounts[extra.day]!;
      for (const step of DEMO_STEPS) counts[step]!++;
    }
  }
  const pass: PassOrders = { ...builder.build(), items: items.build() };
  const members = Int32Array.from(downloadMs.keys());
  const table = cohortTable(
    cohortEvents(pass, members, Float64Array.from(downloadMs)).download_first,
    'daily',
  );
  const byDay = new Map(table.map((row) => [row.period, row]));
  const cohorts = Array.from({ length: days - 15 }, (_, day) => {
    const period = isoDay(firstDayMs + day * DAY_MS);
    return byDay.get(period) ?? { period, cohort_size: 0, counts: new Array<number>(16).fill(0) };
  });
  const { spikeDay, outageDay } = generator.world.calendar;
  return { firstDayMs, days, spikeDay, outageDay, dimensions, stepCounts, pass, cohorts };
}
