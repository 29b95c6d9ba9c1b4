import { errors, type Client, type estypes } from '@elastic/elasticsearch';

/** What a bulk item refers to, so a failure can be reported against its source row. */
export interface BulkItemRef {
  index: string;
  id: string;
  line?: number;
}

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

interface Batch {
  body: string[];
  refs: BulkItemRef[];
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

/**
 * Streams `index` operations into `_bulk`: batches by bytes, a bounded number of batches in flight
 * (callers awaiting index() are held back while the pipe is full), and retries with exponential
 * backoff when Elasticsearch is busy (429), failing (5xx) or unreachable. Only the items that
 * need it are retried; items refused for good are handed to onItemFailure. Every operation has
 * an explicit `_id`, so a retried batch that had partly landed cannot create duplicates.
 */
export class BulkWriter {
  private body: string[] = [];
  private refs: BulkItemRef[] = [];
  private bytes = 0;
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
      maxBatchBytes: 5 * 1024 * 1024,
      concurrency: 2,
      maxRetries: 10,
      initialBackoffMs: 500,
      maxBackoffMs: 30_000,
      requestTimeoutMs: 120_000,
      ...options,
    };
  }

  async index(ref: BulkItemRef, document: object): Promise<void> {
    if (this.failure) throw this.failure;
    const operation = `{"index":{"_index":${JSON.stringify(ref.index)},"_id":${JSON.stringify(ref.id)}}}\n${JSON.stringify(document)}\n`;
    this.body.push(operation);
    this.refs.push(ref);
    this.bytes += operation.length;
    if (this.bytes >= this.options.maxBatchBytes) await this.dispatch();
  }

  /** Sends what is buffered and waits for every batch; throws if any batch failed for good. */
  async flush(): Promise<void> {
    await this.dispatch();
    await Promise.all(this.inFlight);
    if (this.failure) throw this.failure;
  }

  private async dispatch(): Promise<void> {
    if (this.body.length === 0) return;
    const batch: Batch = { body: this.body, refs: this.refs };
    this.body = [];
    this.refs = [];
    this.bytes = 0;
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
            path: '/_bulk',
            // Only what is read below: keeps responses small for large batches.
            querystring: { filter_path: 'errors,items.*.status,items.*.error' },
            bulkBody: batch.body.join(''),
          },
          { maxRetries: 0, requestTimeout: this.options.requestTimeoutMs },
        )) as estypes.BulkResponse;
        const retry: Batch = { body: [], refs: [] };
        for (let i = 0; i < response.items.length; i += 1) {
          const result = Object.values(response.items[i]!)[0]!;
          if (result.status < 300) {
            this.indexed += 1;
          } else if (RETRYABLE_STATUS(result.status)) {
            retry.body.push(batch.body[i]!);
            retry.refs.push(batch.refs[i]!);
          } else {
            this.failed += 1;
            const reason = result.error
              ? `${result.error.type}: ${result.error.reason ?? ''}`
              : `status ${result.status}`;
            await this.options.onItemFailure?.(batch.refs[i]!, result.status, reason);
          }
        }
        this.options.onIndexed?.(this.indexed);
        if (retry.body.length === 0) return;
        cause = `${retry.body.length} items answered 429/5xx`;
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
