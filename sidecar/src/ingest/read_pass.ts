import type { IngestConfig, ParseOptions } from '../../../common/mapping';
import type { RawRow, RowSource } from '../sources/types';
import type { ErrorReport } from './error_report';
import { ExternalSorter } from './external_sort';
import type { ProgressListener } from './progress';
import type {
  CustomerRecord,
  OrderLineRecord,
  ProductRecord,
  SessionRecord,
  SourceRole,
} from './records';
import {
  validateCustomer,
  validateOrderLine,
  validateProduct,
  validateSession,
  type OrderLineOutcome,
  type Validated,
} from './validate_rows';

/** The first pass's output: valid records spooled and sorted by their join keys, plus counts. */
export interface Spools {
  sessions: ExternalSorter<SessionRecord> | null;
  customers: ExternalSorter<CustomerRecord> | null;
  products: ExternalSorter<ProductRecord> | null;
  orderLines: ExternalSorter<OrderLineRecord> | null;
  /** Order-lines mode: (customer, invoice date) pairs, for each customer's first invoice. */
  customerDates: ExternalSorter<{ client: string; date: number; line: number }> | null;
  rowsRead: Record<string, number>;
  excluded: Record<string, number>;
}

export interface OpenedSources {
  sessions?: RowSource;
  customers?: RowSource;
  products?: RowSource;
  order_lines?: RowSource;
}

interface PassContext {
  report: ErrorReport;
  tempDir: string;
  chunkRecords: number;
  onProgress?: ProgressListener;
  onRows?: (rows: number) => void;
}

const PROGRESS_EVERY_ROWS = 2_000;

/** Reads one source to the end, handing each row to `handle` and reporting progress. */
async function readAll(
  source: RowSource,
  orderBy: string,
  context: PassContext,
  handle: (row: RawRow) => Promise<void>,
): Promise<number> {
  let rows = 0;
  for await (const row of source.rows({ orderBy })) {
    rows += 1;
    await handle(row);
    if (rows % PROGRESS_EVERY_ROWS === 0) {
      const position = source.progress?.() ?? null;
      context.onProgress?.({
        stage: 'read',
        label: source.label,
        rows,
        fraction: position ? position.done / position.total : null,
      });
      context.onRows?.(rows);
    }
  }
  context.onProgress?.({ stage: 'read', label: source.label, rows, fraction: 1 });
  return rows;
}

async function spoolValidated<T>(
  role: SourceRole,
  source: RowSource,
  orderBy: string,
  sorter: ExternalSorter<T>,
  validate: (row: RawRow) => Validated<T>,
  context: PassContext,
): Promise<number> {
  const rows = await readAll(source, orderBy, context, async (row) => {
    const result = validate(row);
    if (result.problems) await context.report.add(role, source.label, row.line, result.problems);
    else await sorter.add(result.record);
  });
  await sorter.finish();
  return rows;
}

/**
 * Pass 1: every row of every source is read once, validated, and either spooled (sorted by its
 * join key) or written to the error report. Nothing reaches Elasticsearch in this pass, so the
 * error-rate decision is taken before anything users see changes.
 */
export async function readPass(
  config: IngestConfig,
  sources: OpenedSources,
  context: PassContext,
): Promise<Spools> {
  const parse: ParseOptions = config.parse;
  const sorter = <T>(name: string, keyOf: (record: T) => string) =>
    new ExternalSorter<T>(context.tempDir, name, keyOf, context.chunkRecords);
  const spools: Spools = {
    sessions: null,
    customers: null,
    products: null,
    orderLines: null,
    customerDates: null,
    rowsRead: {},
    excluded: {},
  };

  if (config.order_lines && sources.order_lines) {
    const mapping = config.order_lines;
    spools.orderLines = sorter<OrderLineRecord>('order-lines', (record) => record.invoice);
    spools.customerDates = sorter<{ client: string; date: number; line: number }>(
      'customer-dates',
      (record) => record.client,
    );
    const source = sources.order_lines;
    spools.rowsRead.order_lines = await readAll(
      source,
      mapping.columns.invoice,
      context,
      async (row) => {
        const outcome: OrderLineOutcome = validateOrderLine(row, mapping, parse);
        if ('excluded' in outcome) {
          spools.excluded[outcome.excluded] = (spools.excluded[outcome.excluded] ?? 0) + 1;
          await context.report.add('order_lines', source.label, row.line, [outcome.problem]);
        } else if (outcome.problems) {
          await context.report.add('order_lines', source.label, row.line, outcome.problems);
        } else {
          await spools.orderLines!.add(outcome.record);
          await spools.customerDates!.add({
            client: outcome.record.customer,
            date: outcome.record.date,
            line: row.line,
          });
        }
      },
    );
    await spools.orderLines.finish();
    await spools.customerDates.finish();
    return spools;
  }

  const { customers, sessions, products } = config;
  if (customers && sources.customers) {
    spools.customers = sorter<CustomerRecord>('customers', (record) => record.client);
    spools.rowsRead.customers = await spoolValidated(
      'customers',
      sources.customers,
      customers.columns.client,
      spools.customers,
      (row) => validateCustomer(row, customers, parse),
      context,
    );
  }
  if (sessions && sources.sessions) {
    spools.sessions = sorter<SessionRecord>('sessions', (record) => record.order_id);
    spools.rowsRead.sessions = await spoolValidated(
      'sessions',
      sources.sessions,
      sessions.columns.order_id,
      spools.sessions,
      (row) => validateSession(row, sessions, parse),
      context,
    );
  }
  if (products && sources.products) {
    spools.products = sorter<ProductRecord>('products', (record) => record.order_id);
    spools.rowsRead.products = await spoolValidated(
      'products',
      sources.products,
      products.columns.order_id,
      spools.products,
      (row) => validateProduct(row, products, parse),
      context,
    );
  }
  return spools;
}
