/** One row read field by field: values parsed, every problem of the row collected with its column and value. */
import type { ParseOptions } from '../../../common/source_mapping';
import type { RawRow, RawValue } from '../sources/types';
import { keywordTooLong, type KeywordLimit } from './keyword_limits';
import { parseBoolean, parseDate, parseNumber, parseText, type Parsed } from './parse_values';
import type { RejectReason, RowProblem } from './records';

export type Validated<T> =
  { record: T; problems?: undefined } | { record?: undefined; problems: RowProblem[] };

const MAX_VALUE_CHARS = 200;
/** The largest amount whose cents are an exact integer in a double (2^53 − 1 cents). */
export const MAX_AMOUNT = Math.floor(Number.MAX_SAFE_INTEGER / 100);

function textOf(value: RawValue): string | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value.toISOString() : String(value);
}

/** A value as quoted in a message: an excerpt (the report records the full length). */
export function shown(value: RawValue): string | null {
  const text = textOf(value);
  return text !== null && text.length > MAX_VALUE_CHARS
    ? `${text.slice(0, MAX_VALUE_CHARS)}…`
    : text;
}

/** Reads mapped fields of one row, collecting every problem rather than stopping at the first. */
export class FieldReader {
  readonly problems: RowProblem[] = [];

  constructor(
    private readonly row: RawRow,
    private readonly parse: ParseOptions,
  ) {}

  private take<T>(
    field: string,
    column: string | undefined,
    required: boolean,
    parsed: (raw: RawValue) => Parsed<T | null>,
  ): T | null {
    if (column === undefined) return null;
    const raw = this.row.values[column];
    const result = parsed(raw);
    if (!result.ok) {
      this.problem(field, column, raw, result.problem, `'${shown(raw)}' is not ${result.expected}`);
      return null;
    }
    if (result.value === null && required) {
      this.problem(field, column, raw, 'missing_value', 'is required but empty');
    }
    return result.value;
  }

  problem(
    field: string,
    column: string | null,
    raw: RawValue,
    reason: RejectReason,
    detail: string,
  ): void {
    const where = column && column !== field ? `${field} (column ${column})` : field;
    // The full text: the report cuts it to an excerpt and records its length.
    this.problems.push({
      field,
      column,
      value: textOf(raw),
      reason,
      message: `${where} ${detail}`,
    });
  }

  raw(column: string | undefined): RawValue {
    return column === undefined ? null : this.row.values[column];
  }

  /** Text stored as a keyword: refused when Elasticsearch would refuse or not index it. */
  text(
    field: string,
    column: string | undefined,
    limit: KeywordLimit,
    required = false,
  ): string | null {
    const value = this.take(field, column, required, parseText);
    if (value === null) return null;
    const tooLong = keywordTooLong(value, limit);
    if (tooLong === null) return value;
    this.problem(field, column ?? null, this.raw(column), 'value_too_long', tooLong);
    return null;
  }

  bool(field: string, column: string | undefined, required = false): boolean | null {
    return this.take(field, column, required, parseBoolean);
  }

  date(field: string, column: string | undefined, required = false): number | null {
    return this.take(field, column, required, (raw) => parseDate(raw, this.parse));
  }

  amount(field: string, column: string | undefined, required = false): number | null {
    const value = this.take(field, column, required, (raw) =>
      parseNumber(raw, this.parse.decimal_separator),
    );
    if (value !== null && value < 0) {
      this.problem(
        field,
        column ?? null,
        this.raw(column),
        'negative_amount',
        `'${shown(this.raw(column))}' is negative`,
      );
      return null;
    }
    // Amounts are stored as integer cents: beyond this they would no longer be exact (nor fit
    // Elasticsearch's long), and the document would be refused.
    if (value !== null && !(value <= MAX_AMOUNT)) {
      this.problem(
        field,
        column ?? null,
        this.raw(column),
        'invalid_number',
        `'${shown(this.raw(column))}' is not an amount up to ${MAX_AMOUNT} (kept exactly in cents)`,
      );
      return null;
    }
    return value;
  }

  number(field: string, column: string | undefined, required = false): number | null {
    return this.take(field, column, required, (raw) =>
      parseNumber(raw, this.parse.decimal_separator),
    );
  }

  result<T>(record: T): Validated<T> {
    return this.problems.length > 0 ? { problems: this.problems } : { record };
  }
}
