import type { RawValue } from '../sources/types';
import { parseDateText, type DateParseOptions } from './parse_dates';

/** Why a value (and so its row) was refused; the error report and the summary count by these. */
export type ValueProblem = 'missing_value' | 'invalid_date' | 'invalid_number' | 'invalid_boolean';

export type Parsed<T> =
  { ok: true; value: T } | { ok: false; problem: ValueProblem; expected: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(problem: ValueProblem, expected: string): Parsed<T> => ({
  ok: false,
  problem,
  expected,
});

/** Whether a UTF-16 unit is one String.prototype.trim removes, for the common ASCII cases. */
const startsBlank = (text: string) => text.charCodeAt(0) <= 32 || text.charCodeAt(0) > 126;

export function isBlank(value: RawValue): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value !== 'string') return false;
  // Most cells start with a visible ASCII character: no need to trim (allocate) those.
  return value.length === 0 || (startsBlank(value) && value.trim() === '');
}

/** Text for ids and labels: trimmed; numbers keep their canonical form. */
export function parseText(value: RawValue): Parsed<string | null> {
  if (isBlank(value)) return ok(null);
  if (value instanceof Date) return ok(value.toISOString());
  return ok(String(value).trim());
}

const TRUE = new Set(['true', '1', 'yes', 't', 'y']);
const FALSE = new Set(['false', '0', 'no', 'f', 'n']);

const TRUE_OK: Parsed<boolean | null> = { ok: true, value: true };
const FALSE_OK: Parsed<boolean | null> = { ok: true, value: false };

export function parseBoolean(value: RawValue): Parsed<boolean | null> {
  // The usual spellings first, without trimming or lower-casing.
  if (value === 'true') return TRUE_OK;
  if (value === 'false') return FALSE_OK;
  if (isBlank(value)) return ok(null);
  if (typeof value === 'boolean') return ok(value);
  if (typeof value === 'number' || typeof value === 'bigint') {
    if (Number(value) === 1) return ok(true);
    if (Number(value) === 0) return ok(false);
  }
  const text = String(value).trim().toLowerCase();
  if (TRUE.has(text)) return ok(true);
  if (FALSE.has(text)) return ok(false);
  return fail('invalid_boolean', 'true/false, 1/0, yes/no or t/f');
}

const DOT_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** Decimal numbers; with decimal separator `,`, `1.234,5` and `1234,5` read as 1234.5. */
export function parseNumber(value: RawValue, decimalSeparator: '.' | ','): Parsed<number | null> {
  if (isBlank(value)) return ok(null);
  if (typeof value === 'number')
    return Number.isFinite(value) ? ok(value) : fail('invalid_number', 'a finite number');
  if (typeof value === 'bigint') return ok(Number(value));
  if (typeof value === 'boolean' || value instanceof Date)
    return fail('invalid_number', 'a number');
  let text = String(value).trim();
  if (decimalSeparator === ',') text = text.replace(/\./g, '').replace(',', '.');
  if (!DOT_NUMBER.test(text)) {
    return fail(
      'invalid_number',
      `a decimal number with '${decimalSeparator}' as decimal separator`,
    );
  }
  return ok(Number(text));
}

export function parseDate(value: RawValue, options: DateParseOptions): Parsed<number | null> {
  if (isBlank(value)) return ok(null);
  if (value instanceof Date) {
    return Number.isNaN(value.getTime())
      ? fail('invalid_date', 'a valid date')
      : ok(value.getTime());
  }
  if (typeof value === 'number' || typeof value === 'bigint') {
    const number = Number(value);
    if (!Number.isInteger(number)) return fail('invalid_date', 'epoch seconds or milliseconds');
    return ok(Math.abs(number) >= 1e11 ? number : number * 1000);
  }
  const parsed = parseDateText(String(value), options);
  if (parsed === null) {
    const formats = ['ISO 8601', 'yyyy-mm-dd hh:mm', 'epoch seconds/ms', ...options.date_formats];
    return fail('invalid_date', formats.join(', '));
  }
  return ok(parsed);
}
