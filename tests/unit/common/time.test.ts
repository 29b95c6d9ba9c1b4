import { describe, expect, it } from 'vitest';
import {
  calendarDaysBetween,
  calendarWeeksBetween,
  isoDay,
  periodStarts,
  startOfMonth,
  startOfWeek,
} from '../../../common/time';

const at = (iso: string): number => Date.parse(iso);

describe('calendar buckets', () => {
  it('labels a week by its Monday, and Sunday belongs to the week before Monday', () => {
    expect(isoDay(startOfWeek(at('2025-03-02T23:59:59Z')))).toBe('2025-02-24'); // Sunday
    expect(isoDay(startOfWeek(at('2025-03-03T00:00:00Z')))).toBe('2025-03-03'); // Monday
    expect(isoDay(startOfWeek(at('2025-03-05T12:00:00Z')))).toBe('2025-03-03'); // Wednesday
  });

  it('labels a month by its first day', () => {
    expect(isoDay(startOfMonth(at('2024-02-29T18:00:00Z')))).toBe('2024-02-01');
  });

  it('counts whole calendar days and weeks between periods, not elapsed hours', () => {
    expect(calendarDaysBetween(at('2025-03-01T23:00:00Z'), at('2025-03-02T01:00:00Z'))).toBe(1);
    expect(calendarDaysBetween(at('2025-03-01T01:00:00Z'), at('2025-03-01T23:00:00Z'))).toBe(0);
    expect(calendarWeeksBetween(at('2025-03-02T23:00:00Z'), at('2025-03-03T01:00:00Z'))).toBe(1);
    expect(calendarWeeksBetween(at('2025-03-03T01:00:00Z'), at('2025-03-09T23:00:00Z'))).toBe(0);
  });

  it('lists every period start without gaps', () => {
    const weeks = periodStarts(at('2025-03-02T10:00:00Z'), at('2025-03-17T10:00:00Z'), 'weekly');
    expect(weeks.map(isoDay)).toEqual(['2025-02-24', '2025-03-03', '2025-03-10', '2025-03-17']);
    const months = periodStarts(at('2024-12-15T00:00:00Z'), at('2025-02-01T00:00:00Z'), 'monthly');
    expect(months.map(isoDay)).toEqual(['2024-12-01', '2025-01-01', '2025-02-01']);
  });
});
