/**
 * Dates from any source to UTC milliseconds. Accepted, in this order: ISO 8601 (with `T` or a
 * space, seconds and fraction optional, `Z` or an offset optional), `yyyy-mm-dd hh:mm`, plain
 * `yyyy-mm-dd`, epoch seconds or milliseconds (digits only; 11+ digits are milliseconds), then
 * each configured format. Text without an offset is wall-clock time in the configured IANA zone.
 */

const ISO_LIKE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const EPOCH = /^-?\d{9,13}$/;
const EPOCH_MS_DIGITS = 11;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Throws a readable error for an unknown zone (checked once, when the config is loaded). */
export function assertTimeZone(timeZone: string): void {
  try {
    formatterFor(timeZone);
  } catch {
    throw new Error(`timezone '${timeZone}' is not an IANA zone (e.g. UTC, Europe/Berlin)`);
  }
}

/** The zone's offset from UTC, in ms, at the instant `utcMs`. */
function offsetMs(utcMs: number, timeZone: string): number {
  const parts = formatterFor(timeZone).formatToParts(new Date(utcMs));
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return asUtc - Math.floor(utcMs / 1000) * 1000;
}

/** Wall-clock fields in `timeZone` → UTC ms (DST gaps resolve forward, overlaps to the first). */
export function zonedToUtc(
  fields: {
    year: number;
    month: number;
    day: number;
    hour: number;
    minute: number;
    second: number;
    ms: number;
  },
  timeZone: string,
): number {
  const wall = Date.UTC(
    fields.year,
    fields.month - 1,
    fields.day,
    fields.hour,
    fields.minute,
    fields.second,
    fields.ms,
  );
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return wall;
  const first = wall - offsetMs(wall, timeZone);
  const second = wall - offsetMs(first, timeZone);
  return second;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function validFields(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
): boolean {
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 60) return false;
  if (day <= 28) return true;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 ? (leap ? 29 : 28) : DAYS_IN_MONTH[month - 1]!);
}

function fractionMs(text: string | undefined): number {
  return text ? Math.floor(Number(`0.${text}`) * 1000) : 0;
}

/** Two ASCII digits at `at`, or -1. */
function twoDigits(text: string, at: number): number {
  const high = text.charCodeAt(at) - 48;
  const low = text.charCodeAt(at + 1) - 48;
  return high >= 0 && high <= 9 && low >= 0 && low <= 9 ? high * 10 + low : -1;
}

/**
 * The most common form, `yyyy-mm-ddThh:mm:ss` with `Z` or `.sssZ` (machine exports, the demo
 * data), read by position: several times cheaper than the regex below, which handles everything
 * else. Undefined when the text is not exactly that form or its fields are out of range (then
 * the general path decides, so both paths accept and refuse the same texts).
 */
function parseIsoUtcFast(text: string): number | undefined {
  const length = text.length;
  if (length !== 20 && length !== 24) return undefined;
  const separator = text.charCodeAt(10);
  if (
    text.charCodeAt(4) !== 45 ||
    text.charCodeAt(7) !== 45 ||
    (separator !== 84 && separator !== 32) ||
    text.charCodeAt(13) !== 58 ||
    text.charCodeAt(16) !== 58 ||
    (text.charCodeAt(length - 1) | 32) !== 122
  )
    return undefined;
  let ms = 0;
  if (length === 24) {
    const high = twoDigits(text, 20);
    const last = text.charCodeAt(22) - 48;
    if (text.charCodeAt(19) !== 46 || high < 0 || last < 0 || last > 9) return undefined;
    ms = high * 10 + last;
  }
  const century = twoDigits(text, 0);
  const yy = twoDigits(text, 2);
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  const hour = twoDigits(text, 11);
  const minute = twoDigits(text, 14);
  const second = twoDigits(text, 17);
  if ((century | yy | month | day | hour | minute | second) < 0) return undefined;
  const year = century * 100 + yy;
  if (!validFields(year, month, day, hour, minute, second)) return undefined;
  return Date.UTC(year, month - 1, day, hour, minute, second, ms);
}

function parseIsoLike(text: string, timeZone: string): number | null {
  const fast = parseIsoUtcFast(text);
  if (fast !== undefined) return fast;
  const match = ISO_LIKE.exec(text);
  if (!match) return null;
  const [, y, mo, d, h, mi, s, frac, zone] = match;
  const fields = {
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    hour: Number(h ?? 0),
    minute: Number(mi ?? 0),
    second: Number(s ?? 0),
    ms: fractionMs(frac),
  };
  if (
    !validFields(fields.year, fields.month, fields.day, fields.hour, fields.minute, fields.second)
  )
    return null;
  if (!zone) return zonedToUtc(fields, timeZone);
  const wall = Date.UTC(
    fields.year,
    fields.month - 1,
    fields.day,
    fields.hour,
    fields.minute,
    fields.second,
    fields.ms,
  );
  if (zone.toUpperCase() === 'Z') return wall;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const offset = (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || 0)) * 60_000;
  return wall - sign * offset;
}

interface CompiledFormat {
  regex: RegExp;
  groups: Array<'yyyy' | 'MM' | 'dd' | 'HH' | 'mm' | 'ss' | 'SSS'>;
}

const TOKEN_PATTERNS = {
  yyyy: '(\\d{4})',
  MM: '(\\d{1,2})',
  dd: '(\\d{1,2})',
  HH: '(\\d{1,2})',
  mm: '(\\d{2})',
  ss: '(\\d{2})',
  SSS: '(\\d{1,3})',
} as const;
const compiled = new Map<string, CompiledFormat>();

/** `dd/MM/yyyy HH:mm` → a regex with one group per token; other characters match literally. */
export function compileFormat(format: string): CompiledFormat {
  const cached = compiled.get(format);
  if (cached) return cached;
  const groups: CompiledFormat['groups'] = [];
  let pattern = '';
  for (let i = 0; i < format.length;) {
    const token = (['yyyy', 'SSS', 'MM', 'dd', 'HH', 'mm', 'ss'] as const).find((t) =>
      format.startsWith(t, i),
    );
    if (token) {
      groups.push(token);
      pattern += TOKEN_PATTERNS[token];
      i += token.length;
    } else {
      pattern += format[i]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      i += 1;
    }
  }
  if (!groups.includes('yyyy') || !groups.includes('MM') || !groups.includes('dd')) {
    throw new Error(
      `date format '${format}' needs yyyy, MM and dd (tokens: yyyy MM dd HH mm ss SSS)`,
    );
  }
  const result = { regex: new RegExp(`^${pattern}$`), groups };
  compiled.set(format, result);
  return result;
}

function parseWithFormat(text: string, format: string, timeZone: string): number | null {
  const { regex, groups } = compileFormat(format);
  const match = regex.exec(text);
  if (!match) return null;
  const value = (token: CompiledFormat['groups'][number]) => {
    const index = groups.indexOf(token);
    return index === -1 ? 0 : Number(match[index + 1]);
  };
  const fields = {
    year: value('yyyy'),
    month: value('MM'),
    day: value('dd'),
    hour: value('HH'),
    minute: value('mm'),
    second: value('ss'),
    ms: value('SSS'),
  };
  if (
    !validFields(fields.year, fields.month, fields.day, fields.hour, fields.minute, fields.second)
  )
    return null;
  return zonedToUtc(fields, timeZone);
}

export interface DateParseOptions {
  timezone: string;
  date_formats: string[];
}

/** UTC ms, or null when the text is not a date in any accepted form. */
export function parseDateText(text: string, options: DateParseOptions): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const iso = parseIsoLike(trimmed, options.timezone);
  if (iso !== null) return iso;
  if (EPOCH.test(trimmed)) {
    const digits = trimmed.replace('-', '').length;
    return digits >= EPOCH_MS_DIGITS ? Number(trimmed) : Number(trimmed) * 1000;
  }
  for (const format of options.date_formats) {
    const parsed = parseWithFormat(trimmed, format, options.timezone);
    if (parsed !== null) return parsed;
  }
  return null;
}
