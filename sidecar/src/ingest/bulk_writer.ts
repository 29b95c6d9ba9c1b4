import type { Client } from '@elastic/elasticsearch';
import { grown, itemId, subsetOf, type Batch } from './bulk_batch';
import { bulkRequest, isRetryable, RETRYABLE_STATUS, sleep } from './bulk_request';

/** What a bulk item refers to, so a failure can be reported against its source row. */
export interface BulkItemRef {
  index: string;
  id: string;
  line?: number;
}

/**
 * Batch size and requests in flight, shared with the raw `_bulk` anchor (bench/es-bulk.ts) so
 * the benchmark compares like with like. Measured on the 2-core host: 4 MB × 2 keeps both
 * Elasticsearch write threads busy without queueing; more in flight only adds memory.
 */
export const DEFAULT_BATCH_BYTES = 4 * 1024 * 1024;
export const DEFAULT_CONCURRENCY = 2;

export interface BulkWriterOptions {
  /** A batch is sent once its NDJSON body reaches this size. */
  maxBatchBytes?: number;
  /** Batches in flight at once; index() waits (back-pressure) while all are busy. */
  concurrency?: number;
  /** Retries of one batch after 429, 5xx or a lost connection, with exponential backoff. */
  maxRetries?: number;
  initialBackoffMs?: number;
  maxBackoffMs?: number;
  requestTimeoutMs?: number;
  /** An item Elasticsearch refused for good (e.g. a mapping conflict). */
  onItemFailure?: (ref: BulkItemRef, status: number, reason: string) => Promise<void> | void;
  onIndexed?: (total: number) => void;
  /** A batch is being retried (for logs). */
  onRetry?: (attempt: number, delayMs: number, cause: string) => void;
}

const INITIAL_ITEMS = 4096;

/** Room above maxBatchBytes, so the item that crosses the threshold still fits. */
const SLACK_BYTES = 1024 * 1024;

/**
 * Streams `index` operations into `_bulk`: batches by bytes (one target index per batch, so the
 * action line is just the `_id`, as in the raw anchor), a bounded number of batches in flight
 * (callers are held back while the pipe is full), and retries with exponential backoff when
 * Elasticsearch is busy (429), failing (5xx) or unreachable. Only the items that need it are
 * retried; items refused for good are handed to onItemFailure. Every operation has an explicit
 * `_id`, so a retried batch that had partly landed cannot create duplicates.
 *
 * Documents arrive already serialised (write()), so nothing is stringified twice; add() returns
 * a promise only when the caller has to wait, so the common path costs no microtask.
 */
export class BulkWriter {
  private readonly free: Buffer[] = [];
  private readonly freeItems: Int32Array[] = [];
  private batch: Batch;
  private queue: Promise<void> = Promise.resolve();
  private readonly inFlight = new Set<Promise<void>>();
  private failure: Error | null = null;
  private readonly options: Required<
    Omit<BulkWriterOptions, 'onItemFailure' | 'onIndexed' | 'onRetry'>
  > &
    BulkWriterOptions;
  indexed = 0;
  failed = 0;
  retries = 0;

  constructor(
    private readonly client: Client,
    options: BulkWriterOptions = {},
  ) {
    this.options = {
      maxBatchBytes: DEFAULT_BATCH_BYTES,
      concurrency: DEFAULT_CONCURRENCY,
      maxRetries: 10,
      initialBackoffMs: 500,
      maxBackoffMs: 30_000,
      requestTimeoutMs: 120_000,
      ...options,
    };
    this.batch = this.newBatch('', 0);
  }

  private newBatch(index: string, atLeast: number): Batch {
    const size = Math.max(this.options.maxBatchBytes + SLACK_BYTES, atLeast);
    let buffer = this.free.pop();
    if (!buffer || buffer.length < size) buffer = Buffer.allocUnsafe(size);
    const offsets = this.freeItems.pop() ?? new Int32Array(INITIAL_ITEMS);
    const lines = this.freeItems.pop() ?? new Int32Array(INITIAL_ITEMS);
    return { index, buffer, length: 0, count: 0, offsets, lines };
  }

  private release(batch: Batch): void {
    const standard = this.options.maxBatchBytes + SLACK_BYTES;
    if (batch.buffer.length === standard && this.free.length <= this.options.concurrency) {
      this.free.push(batch.buffer);
    }
    if (this.freeItems.length <= 2 * this.options.concurrency) {
      this.freeItems.push(batch.offsets, batch.lines);
    }
  }

  /**
   * Queues one document given as JSON text. Returns a promise when a batch was handed over and
   * the pipe is busy (await it: back-pressure), otherwise undefined.
   */
  add(index: string, id: string, line: number, json: string): Promise<void> | undefined {
    if (this.failure) throw this.failure;
    let waiting: Promise<void> | undefined;
    const item = `{"index":{"_id":${JSON.stringify(id)}}}\n${json}\n`;
    let batch = this.batch;
    if (index !== batch.index && batch.count > 0) waiting = this.dispatch();
    batch = this.batch;
    batch.index = index;
    // UTF-8 takes at most 3 bytes per UTF-16 unit: only measure when it might not fit.
    const room = batch.buffer.length - batch.length;
    if (item.length * 3 > room) {
      const bytes = Buffer.byteLength(item);
      if (bytes > room) {
        if (batch.count > 0) waiting = chain(waiting, this.dispatch());
        if (bytes > this.batch.buffer.length) this.batch = this.newBatch(index, bytes);
        batch = this.batch;
      }
    }
    if (batch.count === batch.offsets.length) {
      batch.offsets = grown(batch.offsets);
      batch.lines = grown(batch.lines);
    }
    batch.offsets[batch.count] = batch.length;
    batch.lines[batch.count] = line;
    batch.count += 1;
    batch.length += batch.buffer.write(item, batch.length);
    if (batch.length >= this.options.maxBatchBytes) waiting = chain(waiting, this.dispatch());
    return waiting;
  }

  /** add() for a document object; for callers that do not serialise themselves. */
  async index(ref: BulkItemRef, document: object): Promise<void> {
    await this.add(ref.index, ref.id, ref.line ?? 0, JSON.stringify(document));
  }

  /**
   * Waits for the batches already handed over (in flight or waiting for a slot) without sending
   * the one being filled: after it, this writer sends nothing more. Never throws.
   */
  async settle(): Promise<void> {
    await this.queue;
    await Promise.allSettled(this.inFlight);
  }

  /** Sends what is buffered and waits for every batch; throws if any batch failed for good. */
  async flush(): Promise<void> {
    await this.dispatch();
    await Promise.all(this.inFlight);
    if (this.failure) throw this.failure;
  }

  /** Hands the current batch over; resolves once it is in flight (a slot was free). */
  private dispatch(): Promise<void> {
    if (this.batch.count === 0) return this.queue;
    const batch = this.batch;
    this.batch = this.newBatch(batch.index, 0);
    // Batches start in order, one at a time, so `concurrency` is never exceeded.
    const started = this.queue.then(() => this.start(batch));
    this.queue = started.catch(() => undefined);
    return started;
  }

  private async start(batch: Batch): Promise<void> {
    while (this.inFlight.size >= this.options.concurrency) await Promise.race(this.inFlight);
    if (this.failure) throw this.failure;
    const sending: Promise<void> = this.send(batch)
      .catch((error: unknown) => {
        this.failure ??= error instanceof Error ? error : new Error(String(error));
      })
      .finally(() => {
        this.inFlight.delete(sending);
        this.release(batch);
      });
    this.inFlight.add(sending);
  }

  private backoffMs(attempt: number): number {
    return Math.min(this.options.maxBackoffMs, this.options.initialBackoffMs * 2 ** (attempt - 1));
  }

  private async send(initial: Batch): Promise<void> {
    let batch = initial;
    const started = Date.now();
    for (let attempt = 1; ; attempt += 1) {
      let cause: string;
      try {
        const response = await bulkRequest(this.client, batch, this.options.requestTimeoutMs);
        const retry: number[] = [];
        if (response === null) {
          this.indexed += batch.count;
        } else {
          for (let i = 0; i < response.items.length; i += 1) {
            const result = Object.values(response.items[i]!)[0]!;
            if (result.status < 300) {
              this.indexed += 1;
            } else if (RETRYABLE_STATUS(result.status)) {
              retry.push(i);
            } else {
              this.failed += 1;
              const reason = result.error
                ? `${result.error.type}: ${result.error.reason ?? ''}`
                : `status ${result.status}`;
              const ref = { index: batch.index, id: itemId(batch, i), line: batch.lines[i]! };
              await this.options.onItemFailure?.(ref, result.status, reason);
            }
          }
        }
        this.options.onIndexed?.(this.indexed);
        if (retry.length === 0) return;
        cause = `${retry.length} items answered 429/5xx`;
        batch = subsetOf(batch, retry);
      } catch (error) {
        if (!isRetryable(error)) {
          throw new Error(`Elasticsearch refused a bulk request: ${(error as Error).message}`, {
            cause: error,
          });
        }
        cause = (error as Error).message;
      }
      if (attempt > this.options.maxRetries) {
        throw new Error(
          `Elasticsearch did not accept a bulk request after ${this.options.maxRetries} retries over ${Math.round((Date.now() - started) / 1000)} s (last cause: ${cause}); ` +
            'run the ingest again once the cluster is reachable: it is idempotent',
        );
      }
      const delay = this.backoffMs(attempt);
      this.retries += 1;
      this.options.onRetry?.(attempt, delay, cause);
      await sleep(delay);
    }
  }
}

function chain(first: Promise<void> | undefined, second: Promise<void>): Promise<void> {
  return first ? first.then(() => second) : second;
}
