/**
 * A date as `_source` holds it, in epoch milliseconds, read the way Elasticsearch's default date
 * format (strict_date_optional_time||epoch_millis) reads it: a time without a zone is UTC, as is a
 * bare date. NaN for absent (null, undefined, empty). Reading `_source` instead of formatted doc
 * values halves the node's work per downloaded customer.
 */
export function storedDateMs(value: unknown, where: string): number {
  if (value === null || value === undefined || value === '') return NaN;
  if (typeof value === 'number') return value;
  if (typeof value !== 'string')
    throw new Error(`${where}: expected a date, got ${JSON.stringify(value)}`);
  if (/^-?\d+$/.test(value)) return Number(value);
  const zoned = /T.*(Z|[+-]\d\d(:?\d\d)?)$/i.test(value) || !value.includes('T');
  const ms = Date.parse(zoned ? value : `${value}Z`);
  if (Number.isNaN(ms)) {
    throw new Error(`${where}: '${value}' is not a date (expected ISO 8601 or epoch milliseconds)`);
  }
  return ms;
}
