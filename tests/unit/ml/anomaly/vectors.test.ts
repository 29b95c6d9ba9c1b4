import { describe, expect, it } from 'vitest';
import { vectorRows } from '../../../../sidecar/src/ml/anomaly/reports';
import { funnelVectors } from '../../../../sidecar/src/ml/anomaly/vectors';

const days = { firstDayMs: Date.parse('2025-01-06T00:00:00Z'), candidates: [] };
const steady = (length: number, sessions: number, purchased: number) =>
  Array.from({ length }, () => ({ has_sessions: sessions, purchased }));

describe('daily funnel vectors', () => {
  it('components in noise units: counts against the weekday baseline, rates against 28 days', () => {
    const counts = steady(40, 100, 20);
    counts[39] = { has_sessions: 100, purchased: 40 };
    const vectors = funnelVectors(['has_sessions', 'purchased'], counts);
    expect(vectors.features).toEqual(['has_sessions', 'purchased', 'purchased_rate']);
    expect(vectors.dayIndex).toEqual([35, 36, 37, 38, 39]); // 4 weeks of baseline + a week of trend
    expect(vectors.rows[0]).toEqual([0, 0, 0]);
    // purchased: (40 − 20) / √20; rate: (0.4 − 0.2) / √(0.2 × 0.8 / 100) = 0.2 / 0.04
    const last = vectors.rows[4]!;
    expect(last[0]).toBe(0);
    expect(last[1]).toBeCloseTo(20 / Math.sqrt(20), 12);
    expect(last[2]).toBeCloseTo(5, 12);
    expect(vectors.offset[4]).toEqual([100, 20, expect.closeTo(0.2, 12)]);
    expect(vectors.actual[4]).toEqual([100, 40, 0.4]);
  });

  it('an autoencoder series is skipped when too short or too sparse, and says why', async () => {
    const short = await vectorRows(funnelVectors(['has_sessions'], steady(62, 100, 0)), days, []);
    expect(short).toEqual({ skipped: '27 days after the warm-up, the autoencoder needs 28' });
    const sparse = await vectorRows(funnelVectors(['has_sessions'], steady(70, 9, 0)), days, []);
    expect(sparse).toEqual({ skipped: 'has_sessions average 9.00 a day, too few to score' });
  });
});
