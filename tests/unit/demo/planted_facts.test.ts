import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DAY_MS,
  dayNumber,
  generateFiles,
  type DemoFiles,
  removeGeneratedFiles,
} from './demo_files';

/**
 * The facts the generator plants must be measurable in the raw files with plain counting, as a
 * later analysis would measure them. Big enough for tight tolerances (~20k customers, 4 months),
 * small enough to run in a few seconds.
 */
describe('demo data: planted facts are measurable in the raw files', () => {
  afterAll(removeGeneratedFiles);
  let files: DemoFiles;
  let dailyOrders: number[];
  const start = '2025-01-06';
  const days = 120;

  beforeAll(async () => {
    files = await generateFiles({ customers: 20_000, days, seed: 42, start });
    dailyOrders = new Array<number>(days).fill(0);
    for (const row of files.sessions.rows) {
      if (row.purchased === 'true') dailyOrders[dayNumber(row.session_start!, start)]! += 1;
    }
  });

  const weekday = (day: number): number => new Date(Date.parse(start) + day * DAY_MS).getUTCDay();
  const specialDays = (): number[] => [
    dayNumber(`${files.groundTruth.spike_day.date}T00:00:00Z`, start),
    dayNumber(`${files.groundTruth.outage_day.date}T00:00:00Z`, start),
  ];

  /** Orders on `day` ÷ mean orders on the same weekday one and two weeks before and after. */
  function ratioToSameWeekday(day: number): number {
    const neighbours = [-14, -7, 7, 14]
      .map((offset) => day + offset)
      .filter((other) => other >= 0 && other < days && !specialDays().includes(other));
    const baseline = neighbours.reduce((sum, other) => sum + dailyOrders[other]!, 0);
    return dailyOrders[day]! / (baseline / neighbours.length);
  }

  it('has ×1.4 orders on Saturdays and Sundays vs the surrounding Thu, Fri, Mon, Tue', () => {
    let weekendOrders = 0;
    let weekdayOrders = 0;
    for (let saturday = 2; saturday + 3 < days; saturday += 1) {
      if (weekday(saturday) !== 6) continue;
      const around = [saturday - 2, saturday - 1, saturday + 2, saturday + 3];
      if ([saturday, saturday + 1, ...around].some((day) => specialDays().includes(day))) continue;
      weekendOrders += dailyOrders[saturday]! + dailyOrders[saturday + 1]!;
      weekdayOrders += around.reduce((sum, day) => sum + dailyOrders[day]!, 0) / 2;
    }
    const uplift = weekendOrders / weekdayOrders;
    expect(uplift).toBeGreaterThan(1.3);
    expect(uplift).toBeLessThan(1.5);
  });

  it('has one spike day with about 3× the orders of its weekday', () => {
    expect(files.groundTruth.spike_day.factor).toBe(3);
    const [spike] = specialDays();
    const ratio = ratioToSameWeekday(spike!);
    expect(ratio).toBeGreaterThan(2.6);
    expect(ratio).toBeLessThan(3.4);
  });

  it('has one outage day with about 0.2× the orders of its weekday', () => {
    expect(files.groundTruth.outage_day.factor).toBe(0.2);
    const [, outage] = specialDays();
    const ratio = ratioToSameWeekday(outage!);
    expect(ratio).toBeGreaterThan(0.14);
    expect(ratio).toBeLessThan(0.26);
  });

  it('has no other day that far from its weekday', () => {
    for (let day = 14; day < days - 14; day += 1) {
      if (specialDays().includes(day)) continue;
      const ratio = ratioToSameWeekday(day);
      expect(ratio, `day ${day}`).toBeGreaterThan(0.7);
      expect(ratio, `day ${day}`).toBeLessThan(1.4);
    }
  });

  it('makes the three planted pairs lead the pairs by orders and by lift (support ≥ 30 orders)', () => {
    const basketOf = new Map<string, Set<string>>();
    for (const line of files.products.rows) {
      const basket = basketOf.get(line.order_id!) ?? new Set<string>();
      basket.add(line.product!);
      basketOf.set(line.order_id!, basket);
    }
    const orders = basketOf.size;
    const productOrders = new Map<string, number>();
    const pairOrders = new Map<string, number>();
    for (const basket of basketOf.values()) {
      const products = [...basket].sort();
      for (const product of products)
        productOrders.set(product, (productOrders.get(product) ?? 0) + 1);
      for (let i = 0; i < products.length; i += 1) {
        for (let j = i + 1; j < products.length; j += 1) {
          const key = `${products[i]}+${products[j]}`;
          pairOrders.set(key, (pairOrders.get(key) ?? 0) + 1);
        }
      }
    }
    const lifts = [...pairOrders]
      .filter(([, both]) => both >= 30)
      .map(([key, both]) => {
        const [a, b] = key.split('+') as [string, string];
        return { key, lift: (both * orders) / (productOrders.get(a)! * productOrders.get(b)!) };
      })
      .sort((x, y) => y.lift - x.lift);
    const planted = files.groundTruth.products.planted_pairs.map((pair) =>
      [...pair.products].sort().join('+'),
    );
    expect(
      lifts
        .slice(0, 3)
        .map((pair) => pair.key)
        .sort(),
    ).toEqual([...planted].sort());
    // A planted pair's lift is bounded by 1 / P(its popular anchor), about 3.5 for the top product.
    for (const pair of lifts.slice(0, 3)) expect(pair.lift).toBeGreaterThan(3);
    // Every other frequent pair is close to independence.
    expect(lifts[3]!.lift).toBeLessThan(2);
    // The products report ranks pairs by orders containing both: the planted pairs lead it too.
    const byOrders = [...pairOrders].sort((x, y) => y[1] - x[1]).slice(0, 3);
    expect(byOrders.map(([key]) => key).sort()).toEqual([...planted].sort());
  });

  /**
   * Per user of `promotion`: mean order amount in the 7 days after first use vs the 7 days
   * before (first-use order excluded; full windows inside the period; ≥1 order on each side).
   * Returns Σ after-means ÷ Σ before-means and the number of users.
   */
  function spendAfterFirstUse(promotion: string): { ratio: number; users: number } {
    const ordersOf = new Map<string, Array<{ at: number; amount: number; promotion: string }>>();
    for (const row of files.sessions.rows) {
      if (row.purchased !== 'true') continue;
      const list = ordersOf.get(row.client!) ?? [];
      list.push({
        at: Date.parse(row.session_start!),
        amount: Number(row.payment_amount),
        promotion: row.promotion_id!,
      });
      ordersOf.set(row.client!, list);
    }
    const periodStart = Date.parse(`${start}T00:00:00Z`);
    const periodEnd = periodStart + days * DAY_MS;
    const window = 7 * DAY_MS;
    let before = 0;
    let after = 0;
    let users = 0;
    for (const orders of ordersOf.values()) {
      const first = orders.find((order) => order.promotion === promotion);
      if (!first || first.at - window < periodStart || first.at + window > periodEnd) continue;
      const beforeAmounts = orders
        .filter((order) => order.at >= first.at - window && order.at < first.at)
        .map((order) => order.amount);
      const afterAmounts = orders
        .filter((order) => order.at > first.at && order.at <= first.at + window)
        .map((order) => order.amount);
      if (beforeAmounts.length === 0 || afterAmounts.length === 0) continue;
      users += 1;
      before += beforeAmounts.reduce((sum, x) => sum + x, 0) / beforeAmounts.length;
      after += afterAmounts.reduce((sum, x) => sum + x, 0) / afterAmounts.length;
    }
    return { ratio: after / before, users };
  }

  it("raises promo_lift users' spend by +25 % in the 7 days after first use", () => {
    const { ratio, users } = spendAfterFirstUse('promo_lift');
    expect(users).toBeGreaterThan(1000);
    expect(ratio).toBeGreaterThan(1.17);
    expect(ratio).toBeLessThan(1.33);
  });

  it("leaves promo_null users' spend unchanged (±7 %)", () => {
    const { ratio, users } = spendAfterFirstUse('promo_null');
    expect(users).toBeGreaterThan(1000);
    expect(ratio).toBeGreaterThan(0.93);
    expect(ratio).toBeLessThan(1.07);
  });

  it('splits customers and sessions 0.5 / 0.3 / 0.2 over location_1..3', () => {
    expect(files.groundTruth.dimensions.customer_weights).toEqual([0.5, 0.3, 0.2]);
    const clientDimension = new Map<string, string>();
    const sessionsBy: Record<string, number> = { location_1: 0, location_2: 0, location_3: 0 };
    for (const row of files.sessions.rows) {
      sessionsBy[row.dimension!]! += 1;
      clientDimension.set(row.client!, row.dimension!);
    }
    const customersBy: Record<string, number> = { location_1: 0, location_2: 0, location_3: 0 };
    for (const dimension of clientDimension.values()) customersBy[dimension]! += 1;
    const share = (counts: Record<string, number>, key: string): number =>
      counts[key]! / Object.values(counts).reduce((sum, x) => sum + x, 0);
    expect(share(customersBy, 'location_1')).toBeCloseTo(0.5, 1);
    expect(share(customersBy, 'location_2')).toBeCloseTo(0.3, 1);
    expect(share(customersBy, 'location_3')).toBeCloseTo(0.2, 1);
    expect(share(sessionsBy, 'location_1')).toBeCloseTo(0.5, 1);
    expect(share(sessionsBy, 'location_2')).toBeCloseTo(0.3, 1);
    expect(share(sessionsBy, 'location_3')).toBeCloseTo(0.2, 1);
  });

  it('has customers arriving over the whole period and a heterogeneous order count', () => {
    const downloadsByMonth = new Map<string, number>();
    for (const row of files.customers.rows) {
      const month = row.download_date!.slice(0, 7);
      downloadsByMonth.set(month, (downloadsByMonth.get(month) ?? 0) + 1);
    }
    expect([...downloadsByMonth.keys()].sort()).toEqual([
      '2025-01',
      '2025-02',
      '2025-03',
      '2025-04',
      '2025-05',
    ]);
    const ordersByClient = new Map<string, number>();
    for (const row of files.sessions.rows) {
      if (row.purchased === 'true') {
        ordersByClient.set(row.client!, (ordersByClient.get(row.client!) ?? 0) + 1);
      }
    }
    const counts = [...ordersByClient.values()];
    expect(counts.filter((n) => n === 1).length).toBeGreaterThan(counts.length * 0.15);
    expect(counts.filter((n) => n >= 10).length).toBeGreaterThan(counts.length * 0.05);
  });
});
