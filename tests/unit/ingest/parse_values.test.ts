import { describe, expect, it } from 'vitest';
import { parseDateText, zonedToUtc } from '../../../sidecar/src/ingest/parse_dates';
import { parseBoolean, parseDate, parseNumber } from '../../../sidecar/src/ingest/parse_values';

const utc = { timezone: 'UTC', date_formats: [] as string[] };
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

describe('dates', () => {
  it('reads ISO 8601 with Z, offsets, fractions, and a space instead of T', () => {
    expect(iso(parseDateText('2025-03-01T14:05:09Z', utc))).toBe('2025-03-01T14:05:09.000Z');
    expect(iso(parseDateText('2025-03-01T14:05:09.123456+02:00', utc))).toBe(
      '2025-03-01T12:05:09.123Z',
    );
    expect(iso(parseDateText('2025-03-01 14:05:09-0530', utc))).toBe('2025-03-01T19:35:09.000Z');
    expect(iso(parseDateText('2025-03-01 14:05:09+00', utc))).toBe('2025-03-01T14:05:09.000Z');
  });

  it('reads yyyy-mm-dd hh:mm and plain days as wall-clock time in the configured zone', () => {
    expect(iso(parseDateText('2025-03-01 14:05', utc))).toBe('2025-03-01T14:05:00.000Z');
    expect(iso(parseDateText('2025-03-01', utc))).toBe('2025-03-01T00:00:00.000Z');
    const berlin = { timezone: 'Europe/Berlin', date_formats: [] };
    expect(iso(parseDateText('2025-03-01 14:05', berlin))).toBe('2025-03-01T13:05:00.000Z');
    expect(iso(parseDateText('2025-07-01 14:05', berlin))).toBe('2025-07-01T12:05:00.000Z');
    const newYork = { timezone: 'America/New_York', date_formats: [] };
    expect(iso(parseDateText('2025-11-02 00:30', newYork))).toBe('2025-11-02T04:30:00.000Z');
  });

  it('resolves the spring-forward gap forward and keeps offsets in the text over the zone', () => {
    // 02:30 does not exist in Berlin on 2025-03-30; it is read as 03:30 CEST = 01:30 UTC.
    expect(
      iso(
        zonedToUtc(
          { year: 2025, month: 3, day: 30, hour: 2, minute: 30, second: 0, ms: 0 },
          'Europe/Berlin',
        ),
      ),
    ).toBe('2025-03-30T01:30:00.000Z');
    expect(
      iso(parseDateText('2025-03-01T14:05:00Z', { timezone: 'Asia/Tokyo', date_formats: [] })),
    ).toBe('2025-03-01T14:05:00.000Z');
  });

  it('reads epoch seconds and milliseconds', () => {
    expect(iso(parseDateText('1741082400', utc))).toBe('2025-03-04T10:00:00.000Z');
    expect(iso(parseDateText('1741082400123', utc))).toBe('2025-03-04T10:00:00.123Z');
    expect(
      iso(
        parseDate(1741082400, utc).ok
          ? (parseDate(1741082400, utc) as { value: number }).value
          : null,
      ),
    ).toBe('2025-03-04T10:00:00.000Z');
  });

  it('reads configured formats and refuses impossible dates', () => {
    const us = { timezone: 'UTC', date_formats: ['MM/dd/yyyy HH:mm', 'dd.MM.yyyy'] };
    expect(iso(parseDateText('12/1/2010 8:26', us))).toBe('2010-12-01T08:26:00.000Z');
    expect(iso(parseDateText('31.12.2024', us))).toBe('2024-12-31T00:00:00.000Z');
    expect(parseDateText('2025-02-30 10:00', utc)).toBeNull();
    expect(parseDateText('2025-13-45 10:00', utc)).toBeNull();
    expect(parseDateText('yesterday', utc)).toBeNull();
    expect(parseDate('soon', utc)).toEqual({
      ok: false,
      problem: 'invalid_date',
      expected: 'ISO 8601, yyyy-mm-dd hh:mm, epoch seconds/ms',
    });
  });
});

describe('booleans and numbers', () => {
  it('reads true/false, 1/0, yes/no, t/f in any case; blank is no value', () => {
    for (const text of ['true', 'TRUE', '1', 'yes', 'Yes', 't', 'T'])
      expect(parseBoolean(text)).toEqual({ ok: true, value: true });
    for (const text of ['false', '0', 'no', 'NO', 'f'])
      expect(parseBoolean(text)).toEqual({ ok: true, value: false });
    expect(parseBoolean('')).toEqual({ ok: true, value: null });
    expect(parseBoolean(1)).toEqual({ ok: true, value: true });
    expect(parseBoolean('maybe')).toMatchObject({ ok: false, problem: 'invalid_boolean' });
  });

  it('reads decimals with the configured separator', () => {
    expect(parseNumber('25.50', '.')).toEqual({ ok: true, value: 25.5 });
    expect(parseNumber(' -3 ', '.')).toEqual({ ok: true, value: -3 });
    expect(parseNumber('1e3', '.')).toEqual({ ok: true, value: 1000 });
    expect(parseNumber('1,5', '.')).toMatchObject({ ok: false, problem: 'invalid_number' });
    expect(parseNumber('1.234,5', ',')).toEqual({ ok: true, value: 1234.5 });
    expect(parseNumber('12,25', ',')).toEqual({ ok: true, value: 12.25 });
    expect(parseNumber('abc', '.')).toMatchObject({ ok: false, problem: 'invalid_number' });
    expect(parseNumber(7n, '.')).toEqual({ ok: true, value: 7 });
  });
});
