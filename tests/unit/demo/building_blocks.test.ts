import { describe, expect, it } from 'vitest';
import { basketCents, fillBasket } from '../../../sidecar/src/demo/basket';
import {
  buildCalendar,
  intensityAt,
  timeAtIntensity,
  totalIntensity,
  weekdayOf,
} from '../../../sidecar/src/demo/calendar';
import { buildCatalogue } from '../../../sidecar/src/demo/catalogue';
import { dimensionWeights } from '../../../sidecar/src/demo/customers';
import { formatCents, formatTimestamp } from '../../../sidecar/src/demo/format';
import { resolveDemoOptions } from '../../../sidecar/src/demo/options';
import { Random } from '../../../sidecar/src/demo/random';

describe('seeded random numbers', () => {
  it('repeats a stream exactly and separates streams by name and index', () => {
    const draw = (random: Random) => Array.from({ length: 5 }, () => random.nextUint32());
    expect(draw(Random.stream(1, 'sessions', 7))).toEqual(draw(Random.stream(1, 'sessions', 7)));
    expect(draw(Random.stream(1, 'sessions', 7))).not.toEqual(
      draw(Random.stream(1, 'sessions', 8)),
    );
    expect(draw(Random.stream(1, 'sessions', 7))).not.toEqual(draw(Random.stream(1, 'profile', 7)));
    expect(draw(Random.stream(1, 'sessions', 7))).not.toEqual(
      draw(Random.stream(2, 'sessions', 7)),
    );
  });

  it('draws uniform, gamma and beta values with the right means', () => {
    const random = Random.stream(5, 'moments');
    const n = 100_000;
    let uniform = 0;
    let gamma = 0;
    let smallGamma = 0;
    let beta = 0;
    for (let i = 0; i < n; i += 1) {
      uniform += random.uniform();
      gamma += random.gamma(4, 16); // mean 64
      smallGamma += random.gamma(0.5, 2); // mean 1
      beta += random.beta(2.5, 5); // mean 1/3
    }
    expect(uniform / n).toBeCloseTo(0.5, 2);
    expect(gamma / n / 64).toBeCloseTo(1, 1.5);
    expect(smallGamma / n).toBeCloseTo(1, 1.5);
    expect(beta / n).toBeCloseTo(1 / 3, 2);
  });
});

describe('formatting', () => {
  it('writes timestamps to the second in UTC with a Z', () => {
    expect(formatTimestamp(Date.UTC(2025, 2, 1, 14, 5, 9, 999))).toBe('2025-03-01T14:05:09Z');
  });
  it('writes cents with exactly two decimals', () => {
    expect(formatCents(0)).toBe('0.00');
    expect(formatCents(5)).toBe('0.05');
    expect(formatCents(123456)).toBe('1234.56');
  });
});

describe('options', () => {
  it('fills defaults: start Monday 2025-01-06, three dimensions', () => {
    const options = resolveDemoOptions({ customers: 10, days: 30, seed: 1 });
    expect(options.start).toBe('2025-01-06');
    expect(options.dimensions).toBe(3);
    expect(options.endMs - options.startMs).toBe(30 * 86_400_000);
  });
  it('rejects impossible options with the option name', () => {
    expect(() => resolveDemoOptions({ customers: 0, days: 30, seed: 1 })).toThrow(/customers/);
    expect(() => resolveDemoOptions({ customers: 5, days: 7, seed: 1 })).toThrow(/days.*14/);
    expect(() =>
      resolveDemoOptions({ customers: 5, days: 30, seed: 1, start: '2025-02-30' }),
    ).toThrow(/start '2025-02-30'/);
  });
  it('weights dimension values 0.5/0.3/0.2 for three', () => {
    expect(dimensionWeights(3)).toEqual([0.5, 0.3, 0.2]);
    expect(dimensionWeights(1)).toEqual([1]);
    const five = dimensionWeights(5);
    expect(five.reduce((sum, x) => sum + x, 0)).toBeCloseTo(1, 10);
    expect(five[0]! > five[1]! && five[3]! > five[4]!).toBe(true);
  });
});

describe('calendar', () => {
  const calendar = buildCalendar(resolveDemoOptions({ customers: 1, days: 56, seed: 3 }));

  it('weights weekends ×1.4, the spike ×3 and the outage ×0.2', () => {
    // 2025-01-06 is a Monday: days 5 and 6 are the first weekend.
    expect(Array.from(calendar.dayFactors.slice(0, 7))).toEqual([1, 1, 1, 1, 1, 1.4, 1.4]);
    expect(calendar.dayFactors[calendar.spikeDay]).toBe(3);
    expect(calendar.dayFactors[calendar.outageDay]).toBe(0.2);
  });

  it('puts the spike on a Wednesday or Thursday and the outage on a Tuesday, a week apart', () => {
    const weekday = (day: number) => weekdayOf(calendar.startMs + day * 86_400_000);
    expect([2, 3]).toContain(weekday(calendar.spikeDay));
    expect(weekday(calendar.outageDay)).toBe(1);
    expect(Math.abs(calendar.spikeDay - calendar.outageDay)).toBeGreaterThanOrEqual(7);
    expect(calendar.spikeDay).toBeGreaterThanOrEqual(28);
  });

  it('maps intensity back to the same clock time', () => {
    for (const ms of [calendar.startMs + 1_000, calendar.startMs + 20.5 * 86_400_000]) {
      expect(timeAtIntensity(calendar, intensityAt(calendar, ms))).toBeCloseTo(ms, -1);
    }
    // Total intensity = 8 weeks × (5 + 2 × 1.4) days + spike (3 − 1) + outage (0.2 − 1).
    expect(totalIntensity(calendar)).toBeCloseTo(8 * 7.8 + 2 - 0.8, 9);
  });
});

describe('baskets', () => {
  const catalogue = buildCatalogue(11);

  it('has 200 products over 10 categories with Zipf popularity', () => {
    expect(catalogue.products).toHaveLength(200);
    expect(new Set(catalogue.products.map((p) => p.category)).size).toBe(10);
    expect(catalogue.products[0]!.popularity / catalogue.products[9]!.popularity).toBeCloseTo(
      10,
      6,
    );
    expect(catalogue.plantedPairs.map(([a, b]) => [a.rank, b.rank])).toEqual([
      [1, 60],
      [2, 80],
      [3, 100],
    ]);
  });

  it('fills baskets worth the target on average (small ones too), never empty', () => {
    const random = Random.stream(1, 'baskets');
    for (const targetCents of [1_500, 6_000, 12_000]) {
      let total = 0;
      const n = 20_000;
      for (let i = 0; i < n; i += 1) {
        const lines = fillBasket(catalogue, random, targetCents);
        expect(lines.length).toBeGreaterThan(0);
        total += basketCents(catalogue, lines);
      }
      expect(total / n / targetCents).toBeCloseTo(1, 1);
    }
  });

  it('tops a basket up by the asked value on average (the promo lift)', () => {
    const random = Random.stream(2, 'top-up');
    let base = 0;
    let added = 0;
    for (let i = 0; i < 20_000; i += 1) {
      const lines = fillBasket(catalogue, random, 5_000);
      const before = basketCents(catalogue, lines);
      fillBasket(catalogue, random, Math.round(before * 0.25), lines);
      base += before;
      added += basketCents(catalogue, lines) - before;
    }
    expect(added / base).toBeCloseTo(0.25, 1.5);
  });
});
