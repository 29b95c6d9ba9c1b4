import type { ProductsMapping, SessionsMapping } from '../../../common/source_mapping';
import type { RowSource } from '../sources/types';
import { joinBasketBatches, type JoinListener } from './basket_join';
import { orderJson } from './build_documents';
import { withRestarts, writeDocument, type LoadContext } from './load_context';
import type { NoticeSink } from './pending_notices';
import { recordsInKeyOrder, type SourceStream } from './record_streams';
import type { ProductRecord, SessionRecord } from './records';
import { validateProduct, validateSession } from './validate_rows';

export interface OrdersLoad {
  written: number;
  duplicates: number;
  unmatchedProducts: number;
  inputSorted: { sessions: boolean; products?: boolean };
}

const orderIdOf = (record: { order_id: string }) => record.order_id;

type Mapped<M> = { mapping: M; source: RowSource };

/**
 * What the join reports: a superseded duplicate session (a notice) and a products line whose
 * order_id matches no session (a rejected row of the products source: most often a mapping
 * mistake, so it counts against that source's error budget).
 */
function joinNotices(
  notices: NoticeSink,
  sessions: Mapped<SessionsMapping>,
  products: Mapped<ProductsMapping> | null,
  counts: { duplicates: number; unmatchedProducts: number },
): JoinListener {
  return {
    duplicateSession: async (superseded, winner) => {
      counts.duplicates += 1;
      await notices.add('sessions', sessions.source.label, superseded.line, [
        {
          field: 'order_id',
          column: sessions.mapping.columns.order_id,
          value: superseded.order_id,
          reason: 'duplicate_order_id',
          message: `order_id '${superseded.order_id}' appears again on line ${winner.line}; the later row is kept`,
        },
      ]);
    },
    unmatchedProduct: async (line) => {
      counts.unmatchedProducts += 1;
      await notices.add('products', products!.source.label, line.line, [
        {
          field: 'order_id',
          column: products!.mapping.columns.order_id,
          value: line.order_id,
          reason: 'unmatched_product',
          message: `order_id '${line.order_id}' matches no session`,
        },
      ]);
    },
  };
}

/**
 * Sessions (with their baskets when a products source is configured) into the staging `orders`
 * index, in one pass: both sources are read in order_id order side by side (see basket_join.ts),
 * each complete order is serialised once and queued to the bulk writer while reading goes on,
 * so Elasticsearch indexes while we parse. A source found unsorted is read again through the
 * external sort (withRestarts).
 */
export async function loadOrders(
  context: LoadContext,
  sessions: Mapped<SessionsMapping>,
  products: Mapped<ProductsMapping> | null,
): Promise<OrdersLoad> {
  const parse = context.config.parse;
  const sessionStream: SourceStream<SessionRecord> = {
    role: 'sessions',
    source: sessions.source,
    orderBy: sessions.mapping.columns.order_id,
    validate: (row) => validateSession(row, sessions.mapping, parse),
    keyOf: orderIdOf,
  };
  const productStream: SourceStream<ProductRecord> | null = products && {
    role: 'products',
    source: products.source,
    orderBy: products.mapping.columns.order_id,
    validate: (row) => validateProduct(row, products.mapping, parse),
    keyOf: orderIdOf,
  };
  const actionNames = sessions.mapping.actions.map((action) => action.name);
  const index = context.staging.orders;

  const result = await withRestarts(context, index, async (sort, notices) => {
    let written = 0;
    const coverage = context.coverage;
    coverage?.startSessions();
    // Sorting spools sessions, then products (the report keeps that order); streaming is lazy.
    const sessionRecords = await recordsInKeyOrder(sessionStream, context, sort);
    const productRecords = productStream
      ? await recordsInKeyOrder(productStream, context, sort, true)
      : null;
    const counts = { duplicates: 0, unmatchedProducts: 0 };
    const orders = joinBasketBatches(
      sessionRecords.batches,
      productRecords?.batches ?? null,
      joinNotices(notices, sessions, products, counts),
    );
    for await (const batch of orders) {
      for (const { session, basket } of batch) {
        const json = orderJson(session, actionNames, basket);
        const waiting = writeDocument(context, index, session.order_id, session.line, json);
        if (waiting) await waiting;
        const spooling = coverage?.addSession(session.client);
        if (spooling) await spooling;
      }
      written += batch.length;
    }
    const inputSorted = {
      sessions: sessionRecords.inputSorted(),
      ...(productRecords ? { products: productRecords.inputSorted() } : {}),
    };
    return { written, ...counts, inputSorted };
  });
  return {
    written: result.written - (context.refused[index] ?? 0),
    duplicates: result.duplicates,
    unmatchedProducts: result.unmatchedProducts,
    inputSorted: result.inputSorted,
  };
}
