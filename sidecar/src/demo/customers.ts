import { DAY_MS } from '../../../common/time';
import { drawDownloadTime, type DemoCalendar } from './calendar';
import { formatTimestamp } from './format';
import { DEMO_PARAMETERS } from './parameters';
import { Random } from './random';

/** What drives one customer's behaviour; never written to the CSVs. */
export interface CustomerLatent {
  neverActive: boolean;
  sessionsPerDay: number;
  conversion: number;
  dropoutPerOrder: number;
  /** Mean gross order value in currency units. */
  spendLevel: number;
  /** Which campaign audience the customer is in: promo_lift goes to 'a', promo_null to 'b'. */
  audience: 'a' | 'b';
}

export interface DemoCustomer {
  /** 0-based position in customers.csv. */
  index: number;
  client: string;
  download_date: string;
  signup_date: string | null;
  dimension: string;
  downloadMs: number;
  latent: CustomerLatent;
}

export function clientId(index: number): string {
  return `c${String(index + 1).padStart(7, '0')}`;
}

export function dimensionNames(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${DEMO_PARAMETERS.dimensions.prefix}${i + 1}`);
}

/** Customer shares of the dimension values: 0.5/0.3/0.2 for three, geometric beyond. */
export function dimensionWeights(count: number): number[] {
  const { weightsByCount, geometricRatio } = DEMO_PARAMETERS.dimensions;
  const table = weightsByCount[count];
  if (table) return [...table];
  const raw = Array.from({ length: count }, (_, i) => Math.pow(geometricRatio, i));
  const total = raw.reduce((sum, value) => sum + value, 0);
  return raw.map((value) => value / total);
}

/**
 * One customer's profile from its own random stream (seed, 'profile', index): customers can be
 * listed without generating sessions, and customer i never depends on customers before it.
 */
export function drawCustomer(
  seed: number,
  index: number,
  calendar: DemoCalendar,
  dimensions: { names: string[]; cumulative: Float64Array },
): DemoCustomer {
  const settings = DEMO_PARAMETERS.customers;
  const random = Random.stream(seed, 'profile', index);
  const downloadMs = drawDownloadTime(calendar, random);
  const dimension = dimensions.names[random.pickCumulative(dimensions.cumulative)]!;
  let signupMs: number | null = null;
  if (random.bernoulli(settings.signupShare)) {
    const delayMs = random.bernoulli(settings.signupImmediateShare)
      ? random.exponential(1 / settings.signupImmediateMeanMinutes) * 60_000
      : random.exponential(1 / settings.signupLaterMeanDays) * DAY_MS;
    signupMs = downloadMs + Math.floor(delayMs);
    if (signupMs >= calendar.endMs) signupMs = null;
  }
  const latent: CustomerLatent = {
    neverActive: random.bernoulli(settings.neverActiveShare),
    sessionsPerDay: random.gamma(settings.sessionRate.shape, settings.sessionRate.scale),
    conversion: random.beta(settings.conversion.alpha, settings.conversion.beta),
    dropoutPerOrder: random.beta(settings.dropoutPerOrder.alpha, settings.dropoutPerOrder.beta),
    spendLevel: random.gamma(settings.spendLevel.shape, settings.spendLevel.scale),
    audience: random.bernoulli(DEMO_PARAMETERS.promotions.audienceAShare) ? 'a' : 'b',
  };
  return {
    index,
    client: clientId(index),
    download_date: formatTimestamp(downloadMs),
    signup_date: signupMs === null ? null : formatTimestamp(signupMs),
    dimension,
    downloadMs,
    latent,
  };
}
