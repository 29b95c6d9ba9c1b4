import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { rm } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { capProblem, type ErrorReport } from './error_report';
import type { RowProblem, SourceRole } from './records';

/** Anything notices can be written to: the report itself, or an attempt's pending notices. */
export interface NoticeSink {
  add(
    source: SourceRole,
    label: string,
    line: number,
    problems: readonly RowProblem[],
  ): Promise<void> | void;
}

type Entry = [SourceRole, string, number, readonly RowProblem[]];

const KEPT_IN_MEMORY = 5_000;

/**
 * Notices found while joining (duplicates, unmatched products, documents Elasticsearch refused)
 * are only true of an attempt that runs to the end: an attempt stopped because a source turned
 * out unsorted may have called a product unmatched whose session comes later in the file. They
 * are held here and handed to the report on commit(), or dropped on discard(). Beyond a few
 * thousand they go to a temporary file, so memory stays bounded.
 */
export class PendingNotices implements NoticeSink {
  private entries: Entry[] = [];
  private stream: WriteStream | null = null;
  count = 0;

  constructor(
    private readonly report: ErrorReport,
    private readonly file: string,
  ) {}

  async add(
    source: SourceRole,
    label: string,
    line: number,
    problems: readonly RowProblem[],
  ): Promise<void> {
    this.count += 1;
    this.entries.push([source, label, line, problems.map(capProblem)]);
    if (this.entries.length >= KEPT_IN_MEMORY) await this.spill();
  }

  private async spill(): Promise<void> {
    this.stream ??= createWriteStream(this.file, { flags: 'w' });
    const text = this.entries.map((entry) => `${JSON.stringify(entry)}\n`).join('');
    this.entries = [];
    if (!this.stream.write(text)) await once(this.stream, 'drain');
  }

  private async closeFile(): Promise<void> {
    const stream = this.stream;
    if (!stream) return;
    this.stream = null;
    await new Promise<void>((resolve, reject) =>
      stream.end((error?: Error | null) => (error ? reject(error) : resolve())),
    );
  }

  /** Writes every held notice to the report, in the order they were found. */
  async commit(): Promise<void> {
    if (this.stream) {
      await this.closeFile();
      const lines = createInterface({ input: createReadStream(this.file, 'utf8') });
      for await (const line of lines) {
        if (line.length > 0) await this.report.add(...(JSON.parse(line) as Entry));
      }
      await rm(this.file, { force: true });
    }
    for (const entry of this.entries) await this.report.add(...entry);
    this.entries = [];
  }

  async discard(): Promise<void> {
    this.entries = [];
    this.count = 0;
    await this.closeFile();
    await rm(this.file, { force: true });
  }
}
