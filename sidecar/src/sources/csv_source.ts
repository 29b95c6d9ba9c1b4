import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { CsvSourceConfig } from '../../../common/source_mapping';
import { csvRecords, type CsvRecord } from './csv_records';
import { SourceError, takeSample, type RawRow, type RowSource } from './types';

const CANDIDATE_DELIMITERS = [',', ';', '\t', '|'] as const;
const HEADER_PROBE_BYTES = 64 * 1024;

/** The candidate that appears most often in the header line (outside quotes); `,` on a tie. */
export function detectDelimiter(headerLine: string, quote = '"'): string {
  let inQuotes = false;
  const counts = new Map<string, number>();
  for (const char of headerLine) {
    if (char === quote) inQuotes = !inQuotes;
    else if (!inQuotes && (CANDIDATE_DELIMITERS as readonly string[]).includes(char)) {
      counts.set(char, (counts.get(char) ?? 0) + 1);
    }
  }
  let best = ',';
  let bestCount = counts.get(',') ?? 0;
  for (const [delimiter, count] of counts) {
    if (count > bestCount) [best, bestCount] = [delimiter, count];
  }
  return best;
}

async function readHeaderLine(path: string, encoding: BufferEncoding): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(HEADER_PROBE_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEADER_PROBE_BYTES, 0);
    const text = buffer
      .subarray(0, bytesRead)
      .toString(encoding)
      .replace(/^\uFEFF/, '');
    return text.split(/\r?\n/, 1)[0] ?? '';
  } finally {
    await handle.close();
  }
}

/**
 * A CSV file, streamed: header row, any delimiter (or detected from the header), UTF-8 with or
 * without BOM, quoted fields spanning lines. Short rows are kept (their missing cells read as
 * empty, so validation names the field) rather than failing the whole file. Quote-free text is
 * split directly, anything quoted goes through csv-parse (see csv_records.ts); either way with
 * no per-record `info` or `columns` objects, since this is the ingest's hot loop.
 */
export class CsvSource implements RowSource {
  readonly label: string;
  private bytesDone: () => number = () => 0;
  private bytesTotal = 0;

  constructor(private readonly config: CsvSourceConfig) {
    this.label = basename(config.path);
  }

  private async delimiter(): Promise<string> {
    if (this.config.delimiter !== 'auto') return this.config.delimiter;
    return detectDelimiter(
      await readHeaderLine(this.config.path, this.config.encoding),
      this.config.quote,
    );
  }

  async columns(): Promise<string[]> {
    for await (const batch of this.records()) return batch[0]!.record.map((name) => name.trim());
    throw new SourceError(`${this.config.path} is empty: expected a header row`);
  }

  sample(limit = 5): Promise<RawRow[]> {
    return takeSample(this.rows(), limit);
  }

  progress(): { done: number; total: number } | null {
    return this.bytesTotal > 0 ? { done: this.bytesDone(), total: this.bytesTotal } : null;
  }

  /** Records with the line each starts on, in batches; empty lines skipped. */
  private async *records(): AsyncGenerator<CsvRecord[]> {
    let delimiter: string;
    try {
      this.bytesTotal = (await stat(this.config.path)).size;
      delimiter = await this.delimiter();
    } catch (error) {
      throw new SourceError(`cannot read ${this.config.path}: ${(error as Error).message}`, {
        cause: error,
      });
    }
    const input = createReadStream(this.config.path, { highWaterMark: 16 * 1024 });
    this.bytesDone = () => input.bytesRead;
    try {
      yield* csvRecords(input, {
        delimiter,
        quote: this.config.quote,
        encoding: this.config.encoding,
      });
    } catch (error) {
      throw new SourceError(`${this.config.path}: ${(error as Error).message}`, { cause: error });
    }
  }

  async *rows(): AsyncGenerator<RawRow> {
    for await (const batch of this.rowBatches()) yield* batch;
  }

  async *rowBatches(): AsyncGenerator<RawRow[]> {
    let header: string[] | null = null;
    for await (const batch of this.records()) {
      const rows: RawRow[] = [];
      for (const { record, line } of batch) {
        if (header === null) {
          header = record.map((name) => name.trim());
          continue;
        }
        const values: Record<string, string> = {};
        for (let i = 0; i < header.length; i += 1) values[header[i]!] = record[i] ?? '';
        rows.push({ line, values });
      }
      if (rows.length > 0) yield rows;
    }
  }
}
