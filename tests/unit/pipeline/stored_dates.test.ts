import { describe, expect, it } from 'vitest';
import { storedDateMs } from '../../../sidecar/src/pipeline/queries/stored_dates';

describe('storedDateMs reads _source dates as Elasticsearch does', () => {
  it('ISO 8601 with a zone, without one (UTC), a bare date, epoch milliseconds', () => {
    expect(storedDateMs('2025-01-12T19:42:07Z', 'x')).toBe(Date.UTC(2025, 0, 12, 19, 42, 7));
    expect(storedDateMs('2025-01-12T19:42:07+02:00', 'x')).toBe(Date.UTC(2025, 0, 12, 17, 42, 7));
    expect(storedDateMs('2025-01-12T19:42:07.250', 'x')).toBe(
      Date.UTC(2025, 0, 12, 19, 42, 7, 250),
    );
    expect(storedDateMs('2025-01-12', 'x')).toBe(Date.UTC(2025, 0, 12));
    expect(storedDateMs('1736710927000', 'x')).toBe(1736710927000);
    expect(storedDateMs(1736710927000, 'x')).toBe(1736710927000);
  });

  it('absent is NaN', () => {
    expect(storedDateMs(null, 'x')).toBeNaN();
    expect(storedDateMs(undefined, 'x')).toBeNaN();
    expect(storedDateMs('', 'x')).toBeNaN();
  });

  it('anything else is an error naming where and what', () => {
    expect(() => storedDateMs('soon', 'downloads client c1 signup_date')).toThrow(
      "downloads client c1 signup_date: 'soon' is not a date (expected ISO 8601 or epoch milliseconds)",
    );
    expect(() => storedDateMs({ a: 1 }, 'downloads client c1 download_date')).toThrow(
      /download_date: expected a date, got \{"a":1\}/,
    );
  });
});
