import { Random } from '../../demo/random';
import type { AbMetric, AbOutcome } from '../../../../common/reports/abtests';
import { pairedBootstrap, type BootstrapSettings } from './bootstrap';
import { chooseDistribution } from './distributions';
import {
  poissonRateTest,
  signedRankOrder,
  signedRankTest,
  tFromSummary,
  type TestResult,
} from './hypothesis_tests';

export interface AbSettings extends BootstrapSettings {
  seed: number;
  /** Fewer customers than this: `insufficient`, no test. */
  minCustomers: number;
}

export const DEFAULT_AB_SETTINGS: AbSettings = {
  seed: 20_240_613,
  resamples: 2_000,
  viewResamples: 200,
  alpha: 0.05,
  minCustomers: 20,
};

/** Per-customer values of one comparison: customer i's `before[i]` and `after[i]`. */
export interface PairedValues {
  metric: AbMetric;
  before: Float64Array;
  after: Float64Array;
  /**
   * Counts only: how many periods `before` averages over (segment change compares one period with
   * the mean of four); the Poisson rate test then weighs the totals by exposure.
   */
  beforePeriods?: number;
}

export function insufficientOutcome(metric: AbMetric, n: number): AbOutcome {
  return {
    metric,
    status: 'insufficient',
    n,
    mean_before: null,
    mean_after: null,
    difference: null,
    ci_low: null,
    ci_high: null,
    uplift: null,
    uplift_ci_low: null,
    uplift_ci_high: null,
    p: null,
    q: null,
    test: null,
    distribution: null,
    h0_accepted_share: null,
  };
}

function mean(values: Float64Array): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** The test the distribution check picked, as a function of resample weights (1s = the sample). */
function chosenTest(values: PairedValues): {
  test: 'paired_t' | 'wilcoxon' | 'poisson_rate';
  distribution: ReturnType<typeof chooseDistribution>;
  run: (weights: ArrayLike<number> | null) => TestResult;
} {
  const { before, after } = values;
  const n = before.length;
  const pooled = new Float64Array(2 * n);
  pooled.set(before);
  pooled.set(after, n);
  // The check runs on the customers' values (before and after pooled): when they look normal so
  // do their differences and the paired t test applies; skewed amounts (gamma) go to Wilcoxon.
  const distribution = chooseDistribution(pooled);
  const differences = new Float64Array(n);
  for (let i = 0; i < n; i++) differences[i] = after[i]! - before[i]!;
  if (values.metric === 'count') {
    const periods = values.beforePeriods ?? 1;
    return {
      test: 'poisson_rate',
      distribution,
      run: (weights) => {
        let totalBefore = 0;
        let totalAfter = 0;
        for (let i = 0; i < n; i++) {
          const w = weights ? weights[i]! : 1;
          totalBefore += w * before[i]!;
          totalAfter += w * after[i]!;
        }
        return poissonRateTest(
          Math.round(totalBefore * periods),
          Math.round(totalAfter),
          periods,
          1,
        );
      },
    };
  }
  if (distribution === 'normal') {
    return {
      test: 'paired_t',
      distribution,
      run: (weights) => {
        let sum = 0;
        let squares = 0;
        for (let i = 0; i < n; i++) {
          const w = weights ? weights[i]! : 1;
          sum += w * differences[i]!;
          squares += w * differences[i]! * differences[i]!;
        }
        const m = sum / n;
        return tFromSummary({ n, mean: m, variance: Math.max(0, (squares - n * m * m) / (n - 1)) });
      },
    };
  }
  const ranked = signedRankOrder(differences);
  return {
    test: 'wilcoxon',
    distribution,
    run: (weights) => signedRankTest(ranked, weights ?? undefined),
  };
}

/**
 * ANALYSES.md "Promotion / product before–after" for one entity and metric: the test the
 * distribution check picks, the mean difference with its seeded percentile bootstrap interval,
 * the uplift (difference / mean before) and the original's view. `key` names the comparison; its
 * stream of random numbers depends on nothing else, so adding an entity changes no other result.
 */
export function pairedOutcome(values: PairedValues, settings: AbSettings, key: string): AbOutcome {
  const n = values.before.length;
  if (n < settings.minCustomers) return insufficientOutcome(values.metric, n);
  const meanBefore = mean(values.before);
  const meanAfter = mean(values.after);
  const chosen = chosenTest(values);
  const random = Random.stream(settings.seed, key);
  const boot = pairedBootstrap(
    values.before,
    values.after,
    random,
    settings,
    (w) => chosen.run(w).p,
  );
  const uplift = meanBefore > 0 ? meanAfter / meanBefore - 1 : null;
  return {
    metric: values.metric,
    status: 'tested',
    n,
    mean_before: meanBefore,
    mean_after: meanAfter,
    difference: meanAfter - meanBefore,
    ci_low: boot.difference.low,
    ci_high: boot.difference.high,
    uplift,
    uplift_ci_low: uplift === null ? null : (boot.uplift?.low ?? null),
    uplift_ci_high: uplift === null ? null : (boot.uplift?.high ?? null),
    p: chosen.run(null).p,
    q: null,
    test: chosen.test,
    distribution: chosen.distribution,
    h0_accepted_share: boot.h0AcceptedShare,
  };
}
