import { errors, type Client, type estypes } from '@elastic/elasticsearch';

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

/** One `_bulk` request: every item targets `index` (sent as `/{index}/_bulk`). */
interface Batch {
  index: string;
  /** One `action\nsource\n` pair per item, so single items can be retried. */
  items: string[];
  ids: string[];
  lines: number[];
}

const RETRYABLE_STATUS = (status: number) => status === 429 || status >= 500;

function isRetryable(error: unknown): boolean {
  if (error instanceof errors.ResponseError) return RETRYABLE_STATUS(error.statusCode ?? 0);
  return (
    error instanceof errors.ConnectionError ||
    error instanceof errors.TimeoutError ||
    error instanceof errors.NoLivingConnectionsError
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const emptyBatch = (index: string): Batch => ({ index, items: [], ids: [], lines: [] });

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
  private batch: Batch = emptyBatch('');
  private bytes = 0;
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
  }

  /**
   * Queues one document given as JSON text. Returns a promise when the batch was full and the
   * pipe busy (await it: back-pressure), otherwise undefined.
   */
  add(index: string, id: string, line: number, json: string): Promise<void> | undefined {
    if (this.failure) throw this.failure;
    let waiting: Promise<void> | undefined;
    if (index !== this.batch.index) {
      waiting = this.batch.items.length > 0 ? this.dispatch() : undefined;
      this.batch.index = index;
    }
    const item = `{"index":{"_id":${JSON.stringify(id)}}}\n${json}\n`;
    this.batch.items.push(item);
    this.batch.ids.push(id);
    this.batch.lines.push(line);
    this.bytes += item.length;
    if (this.bytes >= this.options.maxBatchBytes) {
      const dispatching = this.dispatch();
      return waiting ? waiting.then(() => dispatching) : dispatching;
    }
    return waiting;
  }

  /** add() for a document object; kept for callers that do not serialise themselves. */
  async index(ref: BulkItemRef, document: object): Promise<void> {
    await this.add(ref.index, ref.id, ref.line ?? 0, JSON.stringify(document));
  }

  /** Sends what is buffered and waits for every batch; throws if any batch failed for good. */
  async flush(): Promise<void> {
    await this.dispatch();
    await Promise.all(this.inFlight);
    if (this.failure) throw this.failure;
  }

  /** Hands the current batch over; resolves once it is in flight (a slot was free). */
  private dispatch(): Promise<void> {
    if (this.batch.items.length === 0) return this.queue;
    const batch = this.batch;
    this.batch = emptyBatch(batch.index);
    this.bytes = 0;
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
      .finally(() => this.inFlight.delete(sending));
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
        const response = (await this.client.transport.request(
          {
            method: 'POST',
            path: `/${encodeURIComponent(batch.index)}/_bulk`,
            // Only what is read below: keeps responses small for large batches.
            querystring: { filter_path: 'errors,items.*.status,items.*.error' },
            bulkBody: batch.items.join(''),
          },
          { maxRetries: 0, requestTimeout: this.options.requestTimeoutMs },
        )) as estypes.BulkResponse;
        const retry = emptyBatch(batch.index);
        if (!response.errors) {
          this.indexed += batch.items.length;
        } else {
          for (let i = 0; i < response.items.length; i += 1) {
            const result = Object.values(response.items[i]!)[0]!;
            if (result.status < 300) {
              this.indexed += 1;
            } else if (RETRYABLE_STATUS(result.status)) {
              retry.items.push(batch.items[i]!);
              retry.ids.push(batch.ids[i]!);
              retry.lines.push(batch.lines[i]!);
            } else {
              this.failed += 1;
              const reason = result.error
                ? `${result.error.type}: ${result.error.reason ?? ''}`
                : `status ${result.status}`;
              const ref = { index: batch.index, id: batch.ids[i]!, line: batch.lines[i]! };
              await this.options.onItemFailure?.(ref, result.status, reason);
            }
          }
        }
        this.options.onIndexed?.(this.indexed);
        if (retry.items.length === 0) return;
        cause = `${retry.items.length} items answered 429/5xx`;
        batch = retry;
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
