/** One `_bulk` request of a batch, and which failures are worth retrying. */
import { errors, type Client, type estypes } from '@elastic/elasticsearch';
import type { Batch } from './bulk_batch';

/** 429 (busy) and 5xx: the same items may well be accepted later. */
export const RETRYABLE_STATUS = (status: number) => status === 429 || status >= 500;

/** The start of an answer in which no item failed (filter_path keeps `errors` first). */
const ALL_INDEXED = /^\{"errors":false[,}]/;

/** A `_bulk` request answered with an HTTP error status as a whole. */
class BulkStatusError extends Error {
  constructor(
    readonly statusCode: number,
    body: string,
  ) {
    super(`HTTP ${statusCode}: ${body.slice(0, 500)}`);
    this.name = 'BulkStatusError';
  }
}

export function isRetryable(error: unknown): boolean {
  if (error instanceof BulkStatusError) return RETRYABLE_STATUS(error.statusCode);
  if (error instanceof errors.ResponseError) return RETRYABLE_STATUS(error.statusCode ?? 0);
  return (
    error instanceof errors.ConnectionError ||
    error instanceof errors.TimeoutError ||
    error instanceof errors.NoLivingConnectionsError
  );
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One `_bulk` request. The answer is read as text and parsed only when some item failed: a
 * parsed answer is an object per item (thousands per request), most of the ingest's garbage
 * that lived long enough to reach the old generation. Null: every item was indexed.
 */
export async function bulkRequest(
  client: Client,
  batch: Batch,
  requestTimeoutMs: number,
): Promise<estypes.BulkResponse | null> {
  const response = (await client.transport.request(
    {
      method: 'POST',
      path: `/${encodeURIComponent(batch.index)}/_bulk`,
      // Only what is read below: keeps answers small for large batches.
      querystring: { filter_path: 'errors,items.*.status,items.*.error' },
      bulkBody: batch.buffer.subarray(0, batch.length),
    },
    {
      maxRetries: 0,
      requestTimeout: requestTimeoutMs,
      asStream: true,
      meta: true,
    },
  )) as { statusCode: number | null; body: AsyncIterable<Buffer> };
  const chunks: Buffer[] = [];
  for await (const chunk of response.body) chunks.push(chunk);
  const text = Buffer.concat(chunks).toString('utf8');
  const status = response.statusCode ?? 0;
  if (status >= 300) throw new BulkStatusError(status, text);
  if (ALL_INDEXED.test(text)) return null;
  return JSON.parse(text) as estypes.BulkResponse;
}
