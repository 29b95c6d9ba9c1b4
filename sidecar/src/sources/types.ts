/**
 * What every source yields: rows of raw values keyed by column name, each with the 1-based line
 * (files: the line the record starts on; databases: the row's position in the result) that error
 * reports point at. Files give strings; databases give their typed values, which the ingest's
 * value parsers accept as they are.
 */
export type RawValue = string | number | bigint | boolean | Date | null | undefined;

export interface RawRow {
  line: number;
  values: Record<string, RawValue>;
}

export interface RowStreamOptions {
  /**
   * A column the source should return rows sorted by when it can do so cheaply (databases:
   * ORDER BY). A hint only: the ingest checks the order itself and sorts when it must.
   */
  orderBy?: string;
}

export interface RowSource {
  /** Where the rows come from, for messages: `sessions.csv`, `postgres 127.0.0.1:5432/shop sessions`. */
  readonly label: string;
  columns(): Promise<string[]>;
  /** The first rows (5 by default), for connection tests and previews. */
  sample(limit?: number): Promise<RawRow[]>;
  rows(options?: RowStreamOptions): AsyncIterable<RawRow>;
  /**
   * The same rows in batches, when the source reads them that way anyway (CSV: one batch per
   * chunk of the file): the ingest then awaits once per batch instead of once per row.
   */
  rowBatches?(options?: RowStreamOptions): AsyncIterable<RawRow[]>;
  /** Bytes (or rows) done of a known total while `rows()` runs, when the source can tell. */
  progress?(): { done: number; total: number } | null;
}

/** Sources hand back this instead of a driver error so secrets never reach a message. */
export class SourceError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SourceError';
  }
}

/** Removes every occurrence of each secret from a message (drivers sometimes echo DSNs). */
export function redact(message: string, secrets: ReadonlyArray<string | undefined>): string {
  let result = message;
  for (const secret of secrets) {
    if (secret && secret.length > 0) result = result.split(secret).join('***');
  }
  return result;
}

export async function takeSample(rows: AsyncIterable<RawRow>, limit: number): Promise<RawRow[]> {
  const sample: RawRow[] = [];
  if (limit <= 0) return sample;
  for await (const row of rows) {
    sample.push(row);
    if (sample.length >= limit) break;
  }
  return sample;
}
