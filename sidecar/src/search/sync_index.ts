import type { Client } from '@elastic/elasticsearch';
import type { IndexNames } from '../../../common/indices';
import { SEARCH_TYPES, type SearchType } from '../../../common/search';
import { compareKeywords, searchDocument, searchDocumentId } from './search_documents';
import { indexedValues, items, orderValues, type OrderValue } from './value_streams';

/** Operations per `_bulk` request. */
const BULK_OPERATIONS = 5_000;

export interface TypeSync {
  type: SearchType;
  /** Distinct values in `orders`. */
  values: number;
  added: number;
  removed: number;
  /** Distinct values per dimension value. */
  valuesByDimension: Map<string, number>;
}

class BulkSink {
  private operations: object[] = [];
  private inFlight: Promise<void> = Promise.resolve();
  constructor(
    private readonly client: Client,
    private readonly index: string,
  ) {}

  async add(type: SearchType, value: string, runId: string): Promise<void> {
    this.operations.push(
      { index: { _index: this.index, _id: searchDocumentId(type, value) } },
      searchDocument(type, value, runId),
    );
    if (this.operations.length >= 2 * BULK_OPERATIONS) await this.flush();
  }

  async remove(type: SearchType, value: string): Promise<void> {
    this.operations.push({ delete: { _index: this.index, _id: searchDocumentId(type, value) } });
    if (this.operations.length >= 2 * BULK_OPERATIONS) await this.flush();
  }

  /**
   * Sends the buffered operations while the merge goes on reading: at most one request in
   * flight, so reading and indexing overlap without unbounded memory.
   */
  async flush(): Promise<void> {
    await this.inFlight;
    if (this.operations.length === 0) return;
    const operations = this.operations;
    this.operations = [];
    this.inFlight = this.send(operations);
    // Handled here so a refusal waits for the next flush or drain instead of crashing the process.
    this.inFlight.catch(() => undefined);
  }

  /** Waits for the last request; its refusal surfaces here. */
  async drain(): Promise<void> {
    await this.flush();
    await this.inFlight;
  }

  private async send(operations: object[]): Promise<void> {
    const response = await this.client.bulk({ operations });
    if (!response.errors) return;
    const failed = response.items.find(
      (item) => (item.index?.error ?? item.delete?.error) && item.delete?.status !== 404,
    );
    const result = failed?.index ?? failed?.delete;
    if (result) {
      throw new Error(
        `search index ${this.index}: ${result._id} was refused: ${result.error?.reason}`,
      );
    }
  }
}

/**
 * Brings one type of the `search` index in line with `orders` by merging two sorted streams (the
 * values in `orders`, the values already indexed): a value only in `orders` is added, a value only
 * in the index (its sessions were re-ingested away) is removed, a value in both is left alone. So a
 * run over unchanged data writes nothing.
 */
async function syncType(
  client: Client,
  names: IndexNames,
  type: SearchType,
  runId: string,
  sink: BulkSink,
): Promise<TypeSync> {
  const sync: TypeSync = { type, values: 0, added: 0, removed: 0, valuesByDimension: new Map() };
  const fromOrders = items(orderValues(client, names.orders, type));
  const fromIndex = items(indexedValues(client, names.search, type));
  let order = await fromOrders.next();
  let indexed = await fromIndex.next();
  const count = (found: OrderValue) => {
    sync.values++;
    for (const d of found.dimensions) {
      sync.valuesByDimension.set(d, (sync.valuesByDimension.get(d) ?? 0) + 1);
    }
  };
  while (!order.done || !indexed.done) {
    const current = order.done ? null : order.value;
    const cmp =
      current === null ? 1 : indexed.done ? -1 : compareKeywords(current.value, indexed.value);
    if (cmp < 0) {
      count(current!);
      await sink.add(type, current!.value, runId);
      sync.added++;
      order = await fromOrders.next();
    } else if (cmp > 0) {
      await sink.remove(type, indexed.value as string);
      sync.removed++;
      indexed = await fromIndex.next();
    } else {
      count(current!);
      order = await fromOrders.next();
      indexed = await fromIndex.next();
    }
  }
  return sync;
}

/** Syncs every type of the `search` index with `orders`; refreshes it when anything changed. */
export async function syncSearchIndex(
  client: Client,
  names: IndexNames,
  runId: string,
): Promise<TypeSync[]> {
  const sink = new BulkSink(client, names.search);
  const synced: TypeSync[] = [];
  for (const type of SEARCH_TYPES) synced.push(await syncType(client, names, type, runId, sink));
  await sink.drain();
  if (synced.some((s) => s.added + s.removed > 0)) {
    await client.indices.refresh({ index: names.search });
  }
  return synced;
}
