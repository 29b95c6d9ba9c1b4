import type { RawRow, RowSource } from '../sources/types';
import type { ErrorReport } from './error_report';
import { ExternalSorter } from './external_sort';
import type { ProgressListener } from './progress';
import type { RowProblem, SourceRole } from './records';

/**
 * What validating one row gives: a record, or the problems that refuse it, or (order lines) a
 * reason the row is set aside by rule.
 */
export type RowOutcome<T> =
  | { record: T; problems?: undefined; excluded?: undefined }
  | { record?: undefined; problems: RowProblem[]; excluded?: undefined }
  | { record?: undefined; problems?: undefined; excluded: string; problem: RowProblem };

/**
 * A streamed source turned out not to be sorted by its join key: the load restarts it through
 * the external sorter.
 */
export class OutOfOrder extends Error {
  constructor(
    readonly role: SourceRole,
    readonly line: number,
    key: string,
    previous: string,
  ) {
    super(`${role} line ${line}: key '${key}' comes after '${previous}'`);
    this.name = 'OutOfOrder';
  }
}

/**
 * What the reads of one ingest have already done, shared by every attempt: a source read again
 * (after it turned out unsorted) reports and counts each bad row only once.
 */
export class ReadState {
  /** Per source: rows whose problems are already in the report. */
  private readonly reported = new Map<SourceRole, number>();
  /** Per source: rows of its last complete read. */
  readonly rowsRead: Record<string, number> = {};
  /** Order lines set aside by rule, by reason. */
  readonly excluded: Record<string, number> = {};

  isNew(role: SourceRole, row: number): boolean {
    return row > (this.reported.get(role) ?? 0);
  }

  markReported(role: SourceRole, row: number): void {
    if (this.isNew(role, row)) this.reported.set(role, row);
  }
}

export interface StreamContext {
  report: ErrorReport;
  state: ReadState;
  tempDir: string;
  chunkRecords: number;
  onProgress?: ProgressListener;
}

export interface SourceStream<T> {
  role: SourceRole;
  source: RowSource;
  /** The column the source is asked to sort by (databases: ORDER BY). */
  orderBy: string;
  validate: (row: RawRow) => RowOutcome<T>;
  keyOf: (record: T) => string;
}

const PROGRESS_EVERY_ROWS = 2_000;
const BATCH_ROWS = 1_000;
let spoolCount = 0;

/** A source's rows in batches: its own when it has them, else gathered from rows(). */
async function* rowBatches(source: RowSource, orderBy: string): AsyncGenerator<RawRow[]> {
  if (source.rowBatches) {
    yield* source.rowBatches({ orderBy });
    return;
  }
  let batch: RawRow[] = [];
  for await (const row of source.rows({ orderBy })) {
    batch.push(row);
    if (batch.length >= BATCH_ROWS) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/** Records one by one from batches (for the less busy readers: customers, order lines). */
export async function* recordsOf<T>(batches: AsyncIterable<T[]>): AsyncGenerator<T> {
  for await (const batch of batches) yield* batch;
}

/** Batches of about BATCH_ROWS records from records that come one by one (the sorter). */
export async function* batchesOf<T>(records: AsyncIterable<T>): AsyncGenerator<T[]> {
  let batch: T[] = [];
  for await (const record of records) {
    batch.push(record);
    if (batch.length >= BATCH_ROWS) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/**
 * The valid records of one complete read of a source, in source order and in batches (one await
 * per batch, not per row: this is the ingest's hot loop). Bad rows go to the report (once per
 * ingest, see ReadState). With `checkOrder`, a record whose key is smaller than the previous one
 * throws OutOfOrder. `stage` only labels progress: `write` when records go straight to
 * Elasticsearch, `read` when they are spooled for sorting.
 */
export async function* validRecords<T>(
  stream: SourceStream<T>,
  context: StreamContext,
  options: { checkOrder: boolean; stage: 'read' | 'write'; quiet?: boolean },
): AsyncGenerator<T[]> {
  const { role, source, validate, keyOf } = stream;
  const { report, state } = context;
  let rows = 0;
  let previous: string | null = null;
  let nextProgress = PROGRESS_EVERY_ROWS;
  // A source read alongside another (products next to sessions) stays quiet: one bar at a time.
  const onProgress = options.quiet ? undefined : context.onProgress;
  const progress = (fraction: number | null) =>
    onProgress?.({ stage: options.stage, label: source.label, rows, fraction });
  for await (const batch of rowBatches(source, stream.orderBy)) {
    const records: T[] = [];
    for (const row of batch) {
      rows += 1;
      const outcome = validate(row);
      if (outcome.record !== undefined) {
        state.markReported(role, rows);
        if (options.checkOrder) {
          const key = keyOf(outcome.record);
          if (previous !== null && key < previous) {
            throw new OutOfOrder(role, row.line, key, previous);
          }
          previous = key;
        }
        records.push(outcome.record);
        continue;
      }
      if (!state.isNew(role, rows)) continue;
      state.markReported(role, rows);
      if (outcome.excluded !== undefined) {
        state.excluded[outcome.excluded] = (state.excluded[outcome.excluded] ?? 0) + 1;
        await report.add(role, source.label, row.line, [outcome.problem]);
      } else {
        await report.add(role, source.label, row.line, outcome.problems ?? []);
      }
    }
    if (rows >= nextProgress) {
      nextProgress = rows + PROGRESS_EVERY_ROWS;
      const position = source.progress?.() ?? null;
      progress(position ? position.done / position.total : null);
    }
    if (records.length > 0) yield records;
  }
  state.rowsRead[role] = rows;
  progress(1);
}

/** One complete read of a source spooled through an external sorter (bounded memory). */
export async function sortedRecords<T>(
  stream: SourceStream<T>,
  context: StreamContext,
): Promise<ExternalSorter<T>> {
  const sorter = new ExternalSorter<T>(
    context.tempDir,
    `${stream.role}-${(spoolCount += 1)}`,
    stream.keyOf,
    context.chunkRecords,
  );
  for await (const batch of validRecords(stream, context, { checkOrder: false, stage: 'read' }))
    for (const record of batch) await sorter.add(record);
  await sorter.finish();
  return sorter;
}

/** A source's records in key order (in batches), and whether the source already came that way. */
export interface KeyOrdered<T> {
  batches: AsyncIterable<T[]>;
  /** Streamed: true (a disorder would have thrown); sorted: what the sorter saw. */
  inputSorted(): boolean;
}

/**
 * The records of a source in key order: streamed as they come (each key checked) on a first
 * attempt, spooled and sorted first when an earlier attempt found disorder.
 */
export async function recordsInKeyOrder<T>(
  stream: SourceStream<T>,
  context: StreamContext,
  sort: boolean,
  quiet = false,
): Promise<KeyOrdered<T>> {
  if (!sort) {
    return {
      batches: validRecords(stream, context, { checkOrder: true, stage: 'write', quiet }),
      inputSorted: () => true,
    };
  }
  const sorter = await sortedRecords(stream, context);
  return { batches: batchesOf(sorter.read()), inputSorted: () => sorter.wasSorted };
}
