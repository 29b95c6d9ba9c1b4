import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { dirname } from 'node:path';
import { once } from 'node:events';
import { REJECT_REASONS, type ReportReason, type RowProblem, type SourceRole } from './records';

/** One line of errors.ndjson. */
export interface ErrorReportEntry {
  source: SourceRole;
  label: string;
  line: number;
  field: string;
  column: string | null;
  value: string | null;
  reason: ReportReason;
  message: string;
  value_length?: number;
  message_length?: number;
  /** Further problems of the same row, if any (at most ALSO_KEPT). */
  also?: RowProblem[];
  also_omitted?: number;
}

const EXAMPLES_KEPT = 20;
const rejectReasons = new Set<string>(REJECT_REASONS);

/** Caps of one entry: a 20 MB cell must not make a 20 MB line (the report has to stay readable). */
export const VALUE_EXCERPT_CHARS = 200;
export const MESSAGE_MAX_CHARS = 1024;
/** Further problems of one row kept under `also` (the rest are counted in `also_omitted`). */
const ALSO_KEPT = 3;

/**
 * A problem with its value cut to an excerpt and its message to 1 KB, the original lengths
 * recorded. Applied wherever a problem is held or written, so no full copy outlives the row.
 */
export function capProblem(problem: RowProblem): RowProblem {
  const { value, message } = problem;
  if (
    (value === null || value.length <= VALUE_EXCERPT_CHARS) &&
    message.length <= MESSAGE_MAX_CHARS
  ) {
    return problem;
  }
  const capped: RowProblem = { ...problem };
  if (value !== null && value.length > VALUE_EXCERPT_CHARS) {
    capped.value = `${value.slice(0, VALUE_EXCERPT_CHARS)}…`;
    capped.value_length = problem.value_length ?? value.length;
  }
  if (message.length > MESSAGE_MAX_CHARS) {
    capped.message = `${message.slice(0, MESSAGE_MAX_CHARS)}…`;
    capped.message_length = problem.message_length ?? message.length;
  }
  return capped;
}

/**
 * The run's error report: one NDJSON line per refused or set-aside row (its first problem, with
 * the row's other problems under `also`), written as it happens so nothing is held in memory,
 * and counted by reason for the summary. Rows are counted once, by their first problem.
 */
export class ErrorReport {
  private stream: WriteStream | null = null;
  readonly rejectedByReason: Record<string, number> = {};
  readonly rejectedBySource: Record<string, number> = {};
  readonly noticesByReason: Record<string, number> = {};
  readonly examples: string[] = [];
  rejected = 0;
  entries = 0;

  constructor(readonly file: string) {}

  private open(): WriteStream {
    if (!this.stream) {
      mkdirSync(dirname(this.file), { recursive: true });
      this.stream = createWriteStream(this.file, { flags: 'w' });
    }
    return this.stream;
  }

  async add(
    source: SourceRole,
    label: string,
    line: number,
    problems: readonly RowProblem[],
  ): Promise<void> {
    if (problems.length === 0) return;
    const first = capProblem(problems[0]!);
    const entry: ErrorReportEntry = { source, label, line, ...first };
    if (problems.length > 1) entry.also = problems.slice(1, 1 + ALSO_KEPT).map(capProblem);
    if (problems.length > 1 + ALSO_KEPT) entry.also_omitted = problems.length - 1 - ALSO_KEPT;
    const counts = rejectReasons.has(first.reason) ? this.rejectedByReason : this.noticesByReason;
    counts[first.reason] = (counts[first.reason] ?? 0) + 1;
    if (rejectReasons.has(first.reason)) {
      this.rejected += 1;
      this.rejectedBySource[source] = (this.rejectedBySource[source] ?? 0) + 1;
    }
    this.entries += 1;
    if (this.examples.length < EXAMPLES_KEPT)
      this.examples.push(`${label} line ${line}: ${first.message}`);
    const stream = this.open();
    if (!stream.write(`${JSON.stringify(entry)}\n`)) await once(stream, 'drain');
  }

  /** Closes the file; an empty report still leaves an (empty) file so its path is always valid. */
  async close(): Promise<void> {
    const stream = this.open();
    await new Promise<void>((resolve, reject) =>
      stream.end((error?: Error | null) => (error ? reject(error) : resolve())),
    );
  }
}
