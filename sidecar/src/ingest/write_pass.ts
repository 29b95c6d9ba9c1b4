import type { Client } from '@elastic/elasticsearch';
import type { IndexNames } from '../../../common/indices';
import type { IngestConfig } from '../../../common/mapping';
import { countMissing, joinBaskets, type JoinedOrder } from './basket_join';
import { downloadDocument, invoiceSession, orderDocument } from './build_documents';
import { BulkWriter, type BulkWriterOptions } from './bulk_writer';
import type { ErrorReport } from './error_report';
import { ExternalSorter, groupByKey } from './external_sort';
import type { ProgressListener } from './progress';
import type { Spools } from './read_pass';
import type { CustomerRecord, SourceRole } from './records';

export interface WriteResult {
  orders: number;
  downloads: number;
  duplicates: { sessions: number; customers: number };
  unmatchedProducts: number;
  sessionsWithoutCustomer: number;
  bulkFailures: number;
  bulkRetries: number;
}

interface WriteContext {
  client: Client;
  names: IndexNames;
  report: ErrorReport;
  labels: Partial<Record<SourceRole, string>>;
  tempDir: string;
  chunkRecords: number;
  bulk?: BulkWriterOptions;
  onProgress?: ProgressListener;
  onDocuments?: (written: number, total: number) => void;
}

/** Customers sorted by client: the last row of each client wins, earlier ones are reported. */
async function* latestCustomers(
  spool: ExternalSorter<CustomerRecord>,
  onDuplicate: (superseded: CustomerRecord, winner: CustomerRecord) => Promise<void>,
): AsyncGenerator<CustomerRecord> {
  for await (const group of groupByKey(spool.read(), (record) => record.client)) {
    const winner = group.records[group.records.length - 1]!;
    for (const superseded of group.records.slice(0, -1)) await onDuplicate(superseded, winner);
    yield winner;
  }
}

async function* clientsOf<T extends { client: string }>(
  spool: ExternalSorter<T>,
): AsyncGenerator<string> {
  for await (const group of groupByKey(spool.read(), (record) => record.client)) yield group.key;
}

/**
 * Pass 2: merges the sorted spools into complete documents and streams them into `downloads`
 * and `orders` with the bulk writer, then refreshes both indices. Runs only after pass 1 found
 * the error rate acceptable.
 */
/**
 * The usual bulk-load setting: no periodic refresh while loading (each refresh makes a segment),
 * one refresh at the end. Restored to the index default afterwards, even when the load fails.
 */
async function withoutPeriodicRefresh<T>(
  client: Client,
  indices: string[],
  load: () => Promise<T>,
): Promise<T> {
  await client.indices.putSettings({ index: indices, settings: { refresh_interval: '-1' } });
  try {
    return await load();
  } finally {
    await client.indices
      .putSettings({
        index: indices,
        settings: { index: { refresh_interval: null as unknown as string } },
      })
      .catch(() => undefined);
  }
}

export function writePass(
  config: IngestConfig,
  spools: Spools,
  context: WriteContext,
): Promise<WriteResult> {
  return withoutPeriodicRefresh(
    context.client,
    [context.names.orders, context.names.downloads],
    () => writeDocuments(config, spools, context),
  );
}

async function writeDocuments(
  config: IngestConfig,
  spools: Spools,
  context: WriteContext,
): Promise<WriteResult> {
  const { report, names, labels } = context;
  const result: WriteResult = {
    orders: 0,
    downloads: 0,
    duplicates: { sessions: 0, customers: 0 },
    unmatchedProducts: 0,
    sessionsWithoutCustomer: 0,
    bulkFailures: 0,
    bulkRetries: 0,
  };
  const expected =
    (spools.sessions?.count ?? 0) +
    (spools.customers?.count ?? 0) +
    (spools.orderLines?.count ?? 0);
  let queued = 0;
  const refusedByIndex: Record<string, number> = {};
  const writer = new BulkWriter(context.client, {
    ...context.bulk,
    onItemFailure: async (ref, status, reason) => {
      refusedByIndex[ref.index] = (refusedByIndex[ref.index] ?? 0) + 1;
      const role: SourceRole =
        ref.index === names.orders
          ? config.order_lines
            ? 'order_lines'
            : 'sessions'
          : config.order_lines
            ? 'order_lines'
            : 'customers';
      await report.add(role, labels[role] ?? role, ref.line ?? 0, [
        {
          field: '_id',
          column: null,
          value: ref.id,
          reason: 'bulk_rejected',
          message: `Elasticsearch refused document '${ref.id}' (status ${status}): ${reason}`,
        },
      ]);
    },
    onIndexed: (total) => context.onDocuments?.(total, expected),
  });
  const queue = async (
    index: string,
    id: string,
    line: number,
    document: object,
    label: string,
  ) => {
    await writer.index({ index, id, line }, document);
    queued += 1;
    if (queued % 2_000 === 0)
      context.onProgress?.({
        stage: 'write',
        label,
        rows: queued,
        fraction: expected > 0 ? writer.indexed / expected : null,
      });
  };

  const customerActions = config.customers?.actions.map((action) => action.name) ?? [];
  const sessionActions = config.sessions?.actions.map((action) => action.name) ?? [];

  // Customers first, so that sessions never reference a client that is not there yet.
  if (spools.customers) {
    const label = labels.customers ?? 'customers';
    const customers = latestCustomers(spools.customers, async (superseded, winner) => {
      result.duplicates.customers += 1;
      await report.add('customers', label, superseded.line, [
        {
          field: 'client',
          column: config.customers!.columns.client,
          value: superseded.client,
          reason: 'duplicate_client',
          message: `client '${superseded.client}' appears again on line ${winner.line}; the later row is kept`,
        },
      ]);
    });
    for await (const customer of customers) {
      await queue(
        names.downloads,
        customer.client,
        customer.line,
        downloadDocument(customer, customerActions),
        label,
      );
      result.downloads += 1;
    }
  }
  if (spools.customerDates) {
    // Order-lines mode: a customer's download date is their first invoice.
    for await (const group of groupByKey(spools.customerDates.read(), (record) => record.client)) {
      let first = group.records[0]!;
      for (const record of group.records) if (record.date < first.date) first = record;
      await queue(
        names.downloads,
        group.key,
        first.line,
        downloadDocument(
          { client: group.key, download: first.date, signup: null, actions: [], line: first.line },
          [],
        ),
        labels.order_lines ?? 'order lines',
      );
      result.downloads += 1;
    }
  }

  const sessionClients =
    spools.sessions && spools.customers
      ? new ExternalSorter<{ client: string }>(
          context.tempDir,
          'session-clients',
          (record) => record.client,
          context.chunkRecords * 4,
        )
      : null;
  let orders: AsyncIterable<JoinedOrder> | null = null;
  if (spools.sessions) {
    const sessionsLabel = labels.sessions ?? 'sessions';
    const productsLabel = labels.products ?? 'products';
    orders = joinBaskets(spools.sessions.read(), spools.products?.read() ?? null, {
      duplicateSession: async (superseded, winner) => {
        result.duplicates.sessions += 1;
        await report.add('sessions', sessionsLabel, superseded.line, [
          {
            field: 'order_id',
            column: config.sessions!.columns.order_id,
            value: superseded.order_id,
            reason: 'duplicate_order_id',
            message: `order_id '${superseded.order_id}' appears again on line ${winner.line}; the later row is kept`,
          },
        ]);
      },
      unmatchedProduct: async (line) => {
        result.unmatchedProducts += 1;
        await report.add('products', productsLabel, line.line, [
          {
            field: 'order_id',
            column: config.products!.columns.order_id,
            value: line.order_id,
            reason: 'unmatched_product',
            message: `order_id '${line.order_id}' matches no session`,
          },
        ]);
      },
    });
  } else if (spools.orderLines) {
    orders = (async function* () {
      for await (const group of groupByKey(spools.orderLines!.read(), (record) => record.invoice))
        yield invoiceSession(group.records);
    })();
  }
  if (orders) {
    const label = labels.sessions ?? labels.order_lines ?? 'sessions';
    for await (const { session, basket } of orders) {
      await queue(
        names.orders,
        session.order_id,
        session.line,
        orderDocument(session, sessionActions, basket),
        label,
      );
      result.orders += 1;
      if (sessionClients) await sessionClients.add({ client: session.client });
    }
  }
  await writer.flush();
  result.bulkFailures = writer.failed;
  result.bulkRetries = writer.retries;
  // Documents refused by Elasticsearch were queued but are not in the index.
  result.orders -= refusedByIndex[names.orders] ?? 0;
  result.downloads -= refusedByIndex[names.downloads] ?? 0;
  await context.client.indices.refresh({ index: [names.orders, names.downloads] });

  if (sessionClients && spools.customers) {
    await sessionClients.finish();
    // Counted per session, so clients are not de-duplicated here.
    result.sessionsWithoutCustomer = await countMissing(
      (async function* () {
        for await (const record of sessionClients.read()) yield record.client;
      })(),
      clientsOf(spools.customers),
    );
  }
  return result;
}
