import { DAY_MS, isoDay } from '../../../common/time';

export interface DemoOptions {
  customers: number;
  days: number;
  seed: number;
  /** First day of the period, `yyyy-mm-dd` (UTC). Default 2025-01-06, a Monday. */
  start?: string;
  /** Number of dimension values (`location_1` … `location_N`). Default 3. */
  dimensions?: number;
}

export interface ResolvedDemoOptions {
  customers: number;
  days: number;
  seed: number;
  start: string;
  dimensions: number;
  startMs: number;
  /** Exclusive end of the period: midnight after the last day. */
  endMs: number;
}

export const DEFAULT_START = '2025-01-06';
export const DEFAULT_DIMENSIONS = 3;
/** Client ids are `c` + 7 digits. */
export const MAX_CUSTOMERS = 9_999_999;
/** A spike, an outage and their same-weekday baselines need a few weeks. */
export const MIN_DAYS = 14;

/** Checks the options and fills the defaults; errors say which option and what is accepted. */
export function resolveDemoOptions(options: DemoOptions): ResolvedDemoOptions {
  const start = options.start ?? DEFAULT_START;
  const dimensions = options.dimensions ?? DEFAULT_DIMENSIONS;
  requireWhole('customers', options.customers, 1, MAX_CUSTOMERS);
  requireWhole('days', options.days, MIN_DAYS, 100_000);
  requireWhole('seed', options.seed, 0, Number.MAX_SAFE_INTEGER);
  requireWhole('dimensions', dimensions, 1, 50);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(start)) {
    throw new Error(`demo data: start '${start}' is not a date (expected yyyy-mm-dd)`);
  }
  const startMs = Date.parse(`${start}T00:00:00Z`);
  if (Number.isNaN(startMs) || isoDay(startMs) !== start) {
    throw new Error(`demo data: start '${start}' is not a calendar date (expected yyyy-mm-dd)`);
  }
  return {
    customers: options.customers,
    days: options.days,
    seed: options.seed,
    start,
    dimensions,
    startMs,
    endMs: startMs + options.days * DAY_MS,
  };
}

function requireWhole(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(
      `demo data: ${name} must be a whole number from ${min} to ${max}, got ${value}`,
    );
  }
}
