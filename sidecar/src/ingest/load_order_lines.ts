import type { OrderLinesMapping } from '../../../common/source_mapping';
import type { RowSource } from '../sources/types';
import { downloadDocument, invoiceSession, orderJson } from './build_documents';
import { ExternalSorter, groupByKey } from './external_sort';
import { withRestarts, writeDocument, type LoadContext } from './load_context';
import { recordsInKeyOrder, recordsOf, type SourceStream } from './record_streams';
import type { OrderLineRecord } from './records';
import { validateOrderLine } from './validate_rows';

export interface OrderLinesLoad {
  orders: number;
  downloads: number;
  inputSorted: boolean;
}

interface CustomerDate {
  client: string;
  date: number;
  line: number;
}

/**
 * Order-lines-only data in one pass: lines are read in invoice order (streamed when sorted, else
 * through the external sort); each invoice becomes an order as soon as its last line is read.
 * Meanwhile every valid line's (customer, date) goes to an external sorter by customer, and the
 * customers' first invoices become `downloads` at the end.
 */
export async function loadOrderLines(
  context: LoadContext,
  mapping: OrderLinesMapping,
  source: RowSource,
): Promise<OrderLinesLoad> {
  const parse = context.config.parse;
  const stream: SourceStream<OrderLineRecord> = {
    role: 'order_lines',
    source,
    orderBy: mapping.columns.invoice,
    validate: (row) => validateOrderLine(row, mapping, parse),
    keyOf: (record) => record.invoice,
  };
  const { staging } = context;

  const loaded = await withRestarts(context, staging.orders, async (sort) => {
    let written = 0;
    const customerDates = new ExternalSorter<CustomerDate>(
      context.tempDir,
      `customer-dates-${sort ? 'sorted' : 'streamed'}`,
      (record) => record.client,
      context.chunkRecords,
    );
    const lines = await recordsInKeyOrder(stream, context, sort);
    for await (const group of groupByKey(recordsOf(lines.batches), stream.keyOf)) {
      for (const line of group.records) {
        await customerDates.add({ client: line.customer, date: line.date, line: line.line });
      }
      const { session, basket } = invoiceSession(group.records);
      const json = orderJson(session, [], basket);
      await writeDocument(context, staging.orders, session.order_id, session.line, json);
      written += 1;
    }
    await customerDates.finish();
    return { written, customerDates, inputSorted: lines.inputSorted() };
  });
  const orders = loaded.written - (context.refused[staging.orders] ?? 0);

  // A customer's download date is their first invoice.
  context.refused[staging.downloads] = 0;
  let downloads = 0;
  for await (const group of groupByKey(loaded.customerDates.read(), (record) => record.client)) {
    let first = group.records[0]!;
    for (const record of group.records) if (record.date < first.date) first = record;
    const document = downloadDocument(
      { client: group.key, download: first.date, signup: null, actions: [], line: first.line },
      [],
    );
    await writeDocument(
      context,
      staging.downloads,
      group.key,
      first.line,
      JSON.stringify(document),
    );
    downloads += 1;
  }
  await context.writer.flush();
  return {
    orders,
    downloads: downloads - (context.refused[staging.downloads] ?? 0),
    inputSorted: loaded.inputSorted,
  };
}
