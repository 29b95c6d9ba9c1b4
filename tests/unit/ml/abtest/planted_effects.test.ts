import { describe, expect, it } from 'vitest';
import { PROMO_LIFT, PROMO_NULL } from '../../../../sidecar/src/demo';
import { firstUseWindows } from '../../../../sidecar/src/ml/abtest/first_use';
import {
  DEFAULT_AB_SETTINGS,
  pairedOutcome,
} from '../../../../sidecar/src/ml/abtest/paired_outcome';
import { promotionRows } from '../../../../sidecar/src/ml/abtest/reports';
import { demoPass } from './demo_pass';

describe('planted effects of the demo generator (pure functions over its orders)', () => {
  const { pass, range } = demoPass({ customers: 5_000, days: 90, seed: 5 });
  const rows = promotionRows(firstUseWindows(pass, 'promotion', -1, range, 7), DEFAULT_AB_SETTINGS);
  const row = (promotion: string, metric: string) =>
    rows.find((r) => r.promotion === promotion && r.metric === metric)!;

  it('promo_lift: amount significant (q < 0.05), uplift within ±10 pp of +25 %, CI excluding 0', () => {
    const lift = row(PROMO_LIFT, 'amount');
    expect(lift.status).toBe('tested');
    expect(lift.q!).toBeLessThan(0.05);
    expect(Math.abs(lift.uplift! - 0.25)).toBeLessThanOrEqual(0.1);
    expect(lift.ci_low!).toBeGreaterThan(0);
    expect(lift.uplift_ci_low!).toBeGreaterThan(0);
  });

  it('promo_null: neither metric significant', () => {
    for (const metric of ['amount', 'count']) {
      const none = row(PROMO_NULL, metric);
      expect(none.status, metric).toBe('tested');
      expect(none.q!, metric).toBeGreaterThanOrEqual(0.05);
    }
  });

  it('the welcome offer (first orders only) has no customer with orders before: insufficient, not tested', () => {
    const welcome = row('welcome_15', 'amount');
    expect(welcome).toMatchObject({ status: 'insufficient', n: 0, p: null, q: null, ci_low: null });
  });

  it('too few customers is labelled insufficient with the count, never tested', () => {
    const few = {
      metric: 'amount' as const,
      before: Float64Array.of(1, 2, 3),
      after: Float64Array.of(9, 9, 9),
    };
    expect(pairedOutcome(few, DEFAULT_AB_SETTINGS, 'few')).toMatchObject({
      status: 'insufficient',
      n: 3,
      p: null,
      difference: null,
      test: null,
    });
  });

  it('the same data and seed give the same intervals', () => {
    const again = promotionRows(
      firstUseWindows(pass, 'promotion', -1, range, 7),
      DEFAULT_AB_SETTINGS,
    );
    expect(again).toEqual(rows);
  });
});
