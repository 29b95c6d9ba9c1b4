/**
 * One `_bulk` request: every item targets `index` (sent as `/{index}/_bulk`). The body is written
 * into a reused buffer as documents arrive, so a batch leaves no strings behind to be promoted
 * into the old generation while it waits to be sent (that garbage was most of the peak memory).
 */
export interface Batch {
  index: string;
  buffer: Buffer;
  length: number;
  count: number;
  /**
   * Per item: where it starts in the buffer (`action\nsource\n`, so single items can be retried;
   * the `_id` is read back from the action line when an item fails) and its source line. Typed
   * arrays travel with the buffer: no per-item object outlives the batch's young generation.
   */
  offsets: Int32Array;
  lines: Int32Array;
}

/** Where item `i` ends in the buffer. */
function itemEnd(batch: Batch, i: number): number {
  return i + 1 < batch.count ? batch.offsets[i + 1]! : batch.length;
}

/** The `_id` of item `i`, read back from its action line. */
export function itemId(batch: Batch, i: number): string {
  const start = batch.offsets[i]!;
  const action = batch.buffer.toString('utf8', start, batch.buffer.indexOf(10, start));
  return (JSON.parse(action) as { index: { _id: string } }).index._id;
}

/** The items of `batch` at `positions`, as a batch of their own (for retries). */
export function subsetOf(batch: Batch, positions: number[]): Batch {
  const parts = positions.map((i) => batch.buffer.subarray(batch.offsets[i]!, itemEnd(batch, i)));
  const subset: Batch = {
    index: batch.index,
    buffer: Buffer.concat(parts),
    length: 0,
    count: positions.length,
    offsets: new Int32Array(positions.length),
    lines: new Int32Array(positions.length),
  };
  positions.forEach((i, k) => {
    subset.offsets[k] = subset.length;
    subset.lines[k] = batch.lines[i]!;
    subset.length += parts[k]!.length;
  });
  return subset;
}

/** A typed array twice as long with the same first elements. */
export function grown(array: Int32Array): Int32Array {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}
