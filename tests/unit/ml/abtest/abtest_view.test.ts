import { describe, expect, it } from 'vitest';
import type { AbOutcome, PromotionPairRow } from '../../../../common/reports/abtests';
import {
  describeOutcome,
  differencePoints,
  originalViewPoints,
  pairCells,
  significantBars,
  type NamedOutcome,
} from '../../../../public/apps/abtests/abtest_view';

const tested = (
  name: string,
  metric: 'amount' | 'count',
  over: Partial<AbOutcome>,
): NamedOutcome => ({
  name,
  metric,
  status: 'tested',
  n: 120,
  mean_before: 40,
  mean_after: 50,
  difference: 10,
  ci_low: 4,
  ci_high: 16,
  uplift: 0.25,
  uplift_ci_low: 0.1,
  uplift_ci_high: 0.4,
  p: 0.001,
  q: 0.004,
  test: 'wilcoxon',
  distribution: 'gamma',
  h0_accepted_share: 0.05,
  ...over,
});

const insufficient: NamedOutcome = {
  ...tested('few', 'amount', {}),
  status: 'insufficient',
  n: 7,
  p: null,
  q: null,
  difference: null,
};

describe('A/B dashboard view models (the dashboard in the Customer Analytics app)', () => {
  it('describe a result with n, effect, CI, p and q, and an untested one by its count', () => {
    expect(describeOutcome(tested('a', 'amount', {}))).toBe(
      'n = 120 · effect +10.00 (+25.0%) · 95 % CI +4.00 to +16.00 · p 0.0010 · q 0.0040',
    );
    expect(describeOutcome(insufficient)).toBe('n = 7: too few customers, not tested');
  });

  it('plot the reject ratio of tested results only', () => {
    const points = originalViewPoints([tested('a', 'amount', {}), insufficient]);
    expect(points.map((p) => [p.key, p.n, p.rejectRatio])).toEqual([['a · amount', 120, 0.95]]);
    expect(points[0]!.series).toBe('Mean payment amount (q < 0.05)');
  });

  it('pair an entity’s count and amount differences', () => {
    const rows = [
      tested('a', 'amount', { difference: 10 }),
      tested('a', 'count', { difference: -0.2, q: 0.5 }),
      tested('b', 'amount', {}),
    ];
    expect(differencePoints(rows).map((p) => [p.name, p.x, p.y, p.series])).toEqual([
      ['a', -0.2, 10, 'Significant on either (q < 0.05)'],
    ]);
  });

  it('list significant increases largest first, decreases apart, non-significant left out', () => {
    const rows = [
      tested('small', 'amount', { uplift: 0.1, uplift_ci_low: 0.02, uplift_ci_high: 0.2 }),
      tested('big', 'amount', {}),
      tested('down', 'amount', { difference: -5, uplift: -0.1 }),
      tested('unsure', 'amount', { q: 0.2 }),
    ];
    const up = significantBars(rows, 'amount', 'increase');
    expect(up.map((b) => [b.name, b.uplift, b.low, b.high])).toEqual([
      ['big', 25, 10, 40],
      ['small', 10, 2, 20],
    ]);
    expect(significantBars(rows, 'amount', 'decrease').map((b) => b.name)).toEqual(['down']);
  });

  it('star significant pair cells and leave untested pairs without a value', () => {
    const pair = (b: string, over: Partial<AbOutcome>): PromotionPairRow => ({
      ...tested('', 'amount', over),
      promotion_a: 'x',
      promotion_b: b,
      n_a: 60,
      n_b: 60,
    });
    const cells = pairCells([
      pair('y', { difference: -19.4 }),
      pair('z', { status: 'insufficient', q: null, p: null }),
    ]);
    expect(cells.map((c) => [c.b, c.value, c.label])).toEqual([
      ['y', -19.4, '−19.4 ★'],
      ['z', null, 'n/a'],
    ]);
  });
});
