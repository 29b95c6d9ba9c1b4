import { createReadStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Sorts records by a string key in bounded memory: records are buffered up to `chunkRecords`,
 * each full buffer is sorted (stably) and written to a temporary NDJSON chunk file, and read()
 * merges the chunks. Equal keys come out in the order they were added (chunk order breaks ties),
 * which is what "the last duplicate wins" relies on.
 *
 * Already-sorted input is detected as it is added: then no chunk needs sorting and read() simply
 * concatenates the chunk files. Keys compare by UTF-16 code units (JS `<`), never by a database
 * collation, so an ORDER BY upstream only makes this cheaper, never decides correctness.
 */
export class ExternalSorter<T> {
  private buffer: T[] = [];
  private readonly chunkFiles: string[] = [];
  private previousKey: string | null = null;
  private inputSorted = true;
  private added = 0;

  constructor(
    private readonly directory: string,
    private readonly name: string,
    private readonly keyOf: (record: T) => string,
    private readonly chunkRecords = 50_000,
  ) {}

  get count(): number {
    return this.added;
  }

  /** True while every record so far came in key order. */
  get wasSorted(): boolean {
    return this.inputSorted;
  }

  async add(record: T): Promise<void> {
    const key = this.keyOf(record);
    if (this.previousKey !== null && key < this.previousKey) this.inputSorted = false;
    this.previousKey = key;
    this.buffer.push(record);
    this.added += 1;
    if (this.buffer.length >= this.chunkRecords) await this.spill();
  }

  private async spill(): Promise<void> {
    if (this.buffer.length === 0) return;
    const records = this.buffer;
    this.buffer = [];
    if (!this.inputSorted) {
      const keyOf = this.keyOf;
      records.sort((a, b) => {
        const ka = keyOf(a);
        const kb = keyOf(b);
        return ka < kb ? -1 : ka > kb ? 1 : 0;
      });
    }
    const file = join(this.directory, `${this.name}-${this.chunkFiles.length}.ndjson`);
    let text = '';
    for (const record of records) text += `${JSON.stringify(record)}\n`;
    await writeFile(file, text);
    this.chunkFiles.push(file);
  }

  /** Writes what is still buffered; call once after the last add(). */
  async finish(): Promise<void> {
    await this.spill();
  }

  /** Every record in key order; may be called more than once. */
  async *read(): AsyncGenerator<T> {
    if (this.inputSorted) {
      for (const file of this.chunkFiles) yield* readRecords<T>(file);
      return;
    }
    yield* this.merge();
  }

  /**
   * k-way merge. k = records / chunkRecords is small (20 for a million rows), so the smallest
   * head is found by a linear scan instead of a heap: simpler, and not slower at this size.
   */
  private async *merge(): AsyncGenerator<T> {
    const readers = this.chunkFiles.map((file) => readRecords<T>(file));
    const heads: Array<{ key: string; record: T } | null> = [];
    for (const reader of readers) {
      const first = await reader.next();
      heads.push(first.done ? null : { key: this.keyOf(first.value), record: first.value });
    }
    for (;;) {
      let smallest = -1;
      for (let i = 0; i < heads.length; i += 1) {
        const head = heads[i];
        if (head && (smallest === -1 || head.key < heads[smallest]!.key)) smallest = i;
      }
      if (smallest === -1) return;
      yield heads[smallest]!.record;
      const next = await readers[smallest]!.next();
      heads[smallest] = next.done ? null : { key: this.keyOf(next.value), record: next.value };
    }
  }
}

/** NDJSON records of one file, read in 1 MB blocks. */
export async function* readRecords<T>(file: string): AsyncGenerator<T> {
  let rest = '';
  for await (const block of createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    const text = rest + (block as string);
    let start = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      if (end > start) yield JSON.parse(text.slice(start, end)) as T;
      start = end + 1;
    }
    rest = text.slice(start);
  }
  if (rest.length > 0) yield JSON.parse(rest) as T;
}

/** Runs of adjacent records with the same key (input must be sorted by that key). */
export async function* groupByKey<T>(
  records: AsyncIterable<T>,
  keyOf: (record: T) => string,
): AsyncGenerator<{ key: string; records: T[] }> {
  let group: { key: string; records: T[] } | null = null;
  for await (const record of records) {
    const key = keyOf(record);
    if (group && group.key === key) {
      group.records.push(record);
      continue;
    }
    if (group) yield group;
    group = { key, records: [record] };
  }
  if (group) yield group;
}
