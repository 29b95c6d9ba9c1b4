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
  /** Further problems of the same row, if any. */
  also?: Array<Omit<RowProblem, 'message'> & { message: string }>;
}

const EXAMPLES_KEPT = 20;
const rejectReasons = new Set<string>(REJECT_REASONS);

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
    const [first, ...others] = problems;
    if (!first) return;
    const entry: ErrorReportEntry = { source, label, line, ...first };
    if (others.length > 0) entry.also = others;
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
