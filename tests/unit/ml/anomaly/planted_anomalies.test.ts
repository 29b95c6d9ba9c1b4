import { beforeAll, describe, expect, it } from 'vitest';
import type { AnomalyVectorRow } from '../../../../common/reports/anomalies';
import { DAY_MS } from '../../../../common/time';
import { dailyCandidates } from '../../../../sidecar/src/ml/anomaly/influencer';
import { ordersRows, vectorRows } from '../../../../sidecar/src/ml/anomaly/reports';
import { cohortVectors, funnelVectors } from '../../../../sidecar/src/ml/anomaly/vectors';
import { DEMO_STEPS, demoDays, type DemoDays } from './demo_days';

const SHOP = { customers: 10_000, days: 365, seed: 7 };

interface Scored {
  date: string;
  score: number;
  anomalous: boolean;
}

function dayOf(shop: DemoDays, date: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - shop.firstDayMs) / DAY_MS);
}

/** The two highest-scoring days, and the anomalous days among the others. */
function planted(shop: DemoDays, rows: readonly Scored[]) {
  const ranked = [...rows].sort((a, b) => b.score - a.score);
  const special = new Set([shop.spikeDay, shop.outageDay]);
  const others = rows.filter((r) => !special.has(dayOf(shop, r.date)));
  return {
    top: ranked
      .slice(0, 2)
      .map((r) => dayOf(shop, r.date))
      .sort((a, b) => a - b),
    topAnomalous: ranked.slice(0, 2).every((r) => r.anomalous),
    falsePositiveShare: others.filter((r) => r.anomalous).length / others.length,
  };
}

describe('the demo shop’s planted spike and outage (365 days, 10,000 customers)', () => {
  let shop: DemoDays;
  beforeAll(() => {
    shop = demoDays(SHOP);
  });
  const seriesDays = () => ({ firstDayMs: shop.firstDayMs, candidates: [] });

  it('daily orders: the spike and the outage score highest; ≤ 2 % of the other days flagged', () => {
    const { rows } = ordersRows(
      shop.stepCounts.map((c) => c.purchased!),
      seriesDays(),
    );
    const found = planted(
      shop,
      rows.filter((r) => r.typical !== null),
    );
    expect(found.top).toEqual([shop.spikeDay, shop.outageDay].sort((a, b) => a - b));
    expect(found.topAnomalous).toBe(true);
    expect(found.falsePositiveShare).toBeLessThanOrEqual(0.02);
    const spike = rows[shop.spikeDay]!;
    expect(spike.pct_change!).toBeGreaterThan(1); // 3 × the usual sessions
    expect(rows[shop.outageDay]!.pct_change!).toBeLessThan(-0.6); // 0.2 ×
  });

  it('daily funnel: the spike and the outage score highest; ≤ 2 % of the other days flagged', async () => {
    const { anomalousDays } = ordersRows(
      shop.stepCounts.map((c) => c.purchased!),
      seriesDays(),
    );
    const { rows } = (await vectorRows(
      funnelVectors(DEMO_STEPS, shop.stepCounts, anomalousDays),
      seriesDays(),
      anomalousDays,
    )) as { rows: AnomalyVectorRow[] };
    const found = planted(shop, rows);
    expect(found.top).toEqual([shop.spikeDay, shop.outageDay].sort((a, b) => a - b));
    expect(found.topAnomalous).toBe(true);
    expect(found.falsePositiveShare).toBeLessThanOrEqual(0.02);
    const spike = rows.find((r) => dayOf(shop, r.date) === shop.spikeDay)!;
    expect(DEMO_STEPS).toContain(spike.feature); // a count, not a rate: the funnel kept its shape
    expect(spike.actual).toBeGreaterThan(2 * spike.typical);
  }, 120_000);

  it('cohorts: the spike day’s downloads make its cohort row the most anomalous', async () => {
    const { rows } = (await vectorRows(cohortVectors(shop.cohorts), seriesDays(), [])) as {
      rows: AnomalyVectorRow[];
    };
    const top = [...rows].sort((a, b) => b.score - a.score)[0] as AnomalyVectorRow;
    expect(dayOf(shop, top.date)).toBe(shop.spikeDay);
    expect(top.anomalous).toBe(true);
    expect(top.feature).toBe('downloads');
  }, 120_000);

  it('the same data give the same rows (seeded training)', async () => {
    const vectors = funnelVectors(DEMO_STEPS, shop.stepCounts);
    const a = await vectorRows(vectors, seriesDays(), []);
    const b = await vectorRows(vectors, seriesDays(), []);
    expect(b).toEqual(a);
  }, 120_000);
});

describe('influencer of an anomaly planted in one dimension value', () => {
  it('is that value in `all`', () => {
    // 120 extra orders on day 250 in location_3 (the smallest of the three values)
    const plantedDay = 250;
    const shop = demoDays(
      { customers: 4_000, days: 300, seed: 11 },
      { day: plantedDay, dimension: 'location_3', count: 120 },
    );
    const candidates = dailyCandidates(shop.pass, -1, shop.dimensions, shop.firstDayMs, shop.days);
    const { rows } = ordersRows(
      shop.stepCounts.map((c) => c.purchased!),
      { firstDayMs: shop.firstDayMs, candidates },
    );
    const row = rows[plantedDay]!;
    expect(row.anomalous).toBe(true);
    expect(row).toMatchObject({ influencer_kind: 'dimension', influencer: 'location_3' });
    // the demo's own spike moves every value ×3: the biggest value moves most
    expect(rows[shop.spikeDay]).toMatchObject({
      influencer_kind: 'dimension',
      influencer: 'location_1',
    });
  });
});
