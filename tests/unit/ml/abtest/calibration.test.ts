import { describe, expect, it } from 'vitest';
import { Random } from '../../../../sidecar/src/demo/random';
import {
  DEFAULT_AB_SETTINGS,
  pairedOutcome,
} from '../../../../sidecar/src/ml/abtest/paired_outcome';
import { withQValues } from '../../../../sidecar/src/ml/abtest/reports';
import { promotionCustomers } from './null_data';

/** p and q do not depend on the bootstrap; few resamples keep thousands of null tests quick. */
const PVALUES_ONLY = { ...DEFAULT_AB_SETTINGS, resamples: 20, viewResamples: 0 };

/** Lower end of the 95 % Wilson interval of a share: above α means "significantly above α". */
function wilsonLower(hits: number, n: number): number {
  const z = 1.959964;
  const p = hits / n;
  const centre = p + (z * z) / (2 * n);
  const spread = z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  return (centre - spread) / (1 + (z * z) / n);
}

describe('calibration on data without effects', () => {
  it('200 null promotions: the share with p < 0.05 is within [2 %, 8 %] for each metric', () => {
    const random = Random.stream(1, 'calibration');
    const significant = { amount: 0, count: 0 };
    for (let p = 0; p < 200; p++) {
      const customers = promotionCustomers(random, 80 + random.int(200));
      for (const metric of ['amount', 'count'] as const) {
        const outcome = pairedOutcome(customers[metric], PVALUES_ONLY, `null-${p}-${metric}`);
        expect(outcome.status).toBe('tested');
        if (outcome.p! < 0.05) significant[metric]++;
      }
    }
    for (const metric of ['amount', 'count'] as const) {
      expect(significant[metric] / 200, metric).toBeGreaterThanOrEqual(0.02);
      expect(significant[metric] / 200, metric).toBeLessThanOrEqual(0.08);
    }
  });

  it('BH over 20 null tests per run: runs with any q < 0.05 are not significantly above 5 % (1,000 seeds)', () => {
    const runs = 1_000;
    let withFalseDiscovery = 0;
    for (let seed = 0; seed < runs; seed++) {
      const random = Random.stream(seed, 'fwer');
      const rows = [];
      for (let p = 0; p < 10; p++) {
        const customers = promotionCustomers(random, 80 + random.int(200));
        rows.push(pairedOutcome(customers.amount, PVALUES_ONLY, `a${p}`));
        rows.push(pairedOutcome(customers.count, PVALUES_ONLY, `c${p}`));
      }
      if (withQValues(rows).some((row) => row.q !== null && row.q < 0.05)) withFalseDiscovery++;
    }
    // Measured: 5.7 % on these 1,000 seeds (57 runs), 5.2 % on 2,000. Under the complete null BH's
    // chance of any discovery equals α for independent tests, so the share is 5 % up to sampling
    // noise: the check is that it does not sit significantly above 5 %.
    const share = withFalseDiscovery / runs;
    expect(wilsonLower(withFalseDiscovery, runs)).toBeLessThanOrEqual(0.05);
    expect(share).toBeLessThanOrEqual(0.065);
  }, 60_000);

  it('a planted +25 % amount lift on 300 customers is found with an interval around it', () => {
    const customers = promotionCustomers(Random.stream(3, 'lift'), 300, 0.25);
    const outcome = pairedOutcome(customers.amount, DEFAULT_AB_SETTINGS, 'lift');
    expect(outcome.p!).toBeLessThan(0.001);
    expect(outcome.uplift!).toBeGreaterThan(0.15);
    expect(outcome.uplift!).toBeLessThan(0.35);
    expect(outcome.uplift_ci_low!).toBeLessThan(outcome.uplift!);
    expect(outcome.uplift_ci_high!).toBeGreaterThan(outcome.uplift!);
    expect(outcome.ci_low!).toBeGreaterThan(0);
    // The original's view: a strong effect is rejected in most bootstrap resamples too.
    expect(outcome.h0_accepted_share!).toBeLessThan(0.2);
  });
});
