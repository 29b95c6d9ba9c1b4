import { describe, expect, it } from 'vitest';
import {
  formatDataWindow,
  partialLastPeriod,
  partialPeriodNote,
  referenceDay,
} from '../../../public/components/charts/partial_period';

// Weeks start on Monday: 2025-06-23, 2025-06-30 (to Sunday 2025-07-06), 2025-07-07.
const WEEKS = ['2025-06-16', '2025-06-23', '2025-06-30'];

describe('the last day with data of a report', () => {
  it('is the UTC day of params.reference_time', () => {
    expect(referenceDay({ reference_time: '2025-07-04T18:23:00.000Z' })).toBe('2025-07-04');
    expect(referenceDay({ reference_time: '2025-07-04T23:59:59.999Z' })).toBe('2025-07-04');
  });

  it('is unknown without a usable reference_time', () => {
    expect(referenceDay(undefined)).toBeNull();
    expect(referenceDay({})).toBeNull();
    expect(referenceDay({ reference_time: null })).toBeNull();
    expect(referenceDay({ reference_time: 'yesterday' })).toBeNull();
  });
});

describe('the partial last period of a weekly or monthly chart', () => {
  it('a week the data leaves on its Friday is partial: 5 of 7 days', () => {
    expect(partialLastPeriod(WEEKS, 'week', '2025-07-04')).toEqual({
      key: '2025-06-30',
      lastDay: '2025-07-04',
      daysCovered: 5,
      daysInPeriod: 7,
    });
  });

  it('a week with data through its Sunday is complete; a Monday-only week is 1 of 7', () => {
    expect(partialLastPeriod(WEEKS, 'week', '2025-07-06')).toBeNull();
    expect(partialLastPeriod(WEEKS, 'week', '2025-06-30')).toMatchObject({
      daysCovered: 1,
      daysInPeriod: 7,
    });
  });

  it('takes the newest period whatever the order of the keys', () => {
    expect(
      partialLastPeriod(['2025-06-30', '2025-06-16', '2025-06-23'], 'week', '2025-07-01')?.key,
    ).toBe('2025-06-30');
  });

  it('a month counts its own length: 10 of 28 days in February 2025, 10 of 29 in 2024', () => {
    expect(partialLastPeriod(['2025-01-01', '2025-02-01'], 'month', '2025-02-10')).toEqual({
      key: '2025-02-01',
      lastDay: '2025-02-10',
      daysCovered: 10,
      daysInPeriod: 28,
    });
    expect(partialLastPeriod(['2024-02-01'], 'month', '2024-02-10')?.daysInPeriod).toBe(29);
    expect(partialLastPeriod(['2025-01-01'], 'month', '2025-01-31')).toBeNull();
  });

  it('marks nothing for days, hours of day, no keys, or no reference day', () => {
    expect(partialLastPeriod(['2025-07-03', '2025-07-04'], 'day', '2025-07-04')).toBeNull();
    expect(partialLastPeriod([0, 1, 23], 'hour', '2025-07-04')).toBeNull();
    expect(partialLastPeriod([], 'week', '2025-07-04')).toBeNull();
    expect(partialLastPeriod(WEEKS, 'week', null)).toBeNull();
  });

  it('a reference day before the last period (keys from elsewhere) marks nothing', () => {
    expect(partialLastPeriod(WEEKS, 'week', '2025-06-20')).toBeNull();
  });

  it('explains itself in a note', () => {
    const partial = partialLastPeriod(WEEKS, 'week', '2025-07-04')!;
    expect(partialPeriodNote(partial, 'week')).toBe(
      'The last week (w/c 30 Jun 2025) is partial: the data ends on 4 Jul 2025, 5 of its 7 days.',
    );
  });
});

describe('the data window beside a report', () => {
  const computed = (iso: string) => `<${iso}>`;

  it('names the day the data runs up to, then when it was computed', () => {
    expect(
      formatDataWindow(
        { reference_time: '2025-07-04T18:23:00.000Z' },
        '2026-12-03T10:00:00.000Z',
        computed,
      ),
    ).toBe('data up to 4 Jul 2025, computed <2026-12-03T10:00:00.000Z>');
  });

  it('without a reference time says only when it was computed', () => {
    expect(formatDataWindow({}, '2026-12-03T10:00:00.000Z', computed)).toBe(
      'computed <2026-12-03T10:00:00.000Z>',
    );
  });
});
