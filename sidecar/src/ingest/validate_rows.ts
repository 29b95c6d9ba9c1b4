import type {
  CustomersMapping,
  OrderLinesMapping,
  ParseOptions,
  ProductsMapping,
  SessionsMapping,
} from '../../../common/source_mapping';
import type { RawRow } from '../sources/types';
import { FieldReader, shown, type Validated } from './field_reader';
import { LIMITS } from './keyword_limits';
import type {
  CustomerRecord,
  OrderLineRecord,
  ProductRecord,
  RowProblem,
  SessionRecord,
} from './records';

export type { Validated } from './field_reader';

export function validateSession(
  row: RawRow,
  mapping: SessionsMapping,
  parse: ParseOptions,
): Validated<SessionRecord> {
  const columns = mapping.columns;
  const read = new FieldReader(row, parse);
  const orderId = read.text('order_id', columns.order_id, LIMITS.sessionId, true);
  const client = read.text('client', columns.client, LIMITS.client, true);
  const start = read.date('session_start', columns.session_start, true);
  const end = read.date('session_end', columns.session_end);
  const purchased = read.bool('purchased', columns.purchased, true);
  // A session without a purchase has no amount: whatever the source says is stored as 0.
  const amount =
    purchased === false ? 0 : read.amount('payment_amount', columns.payment_amount, true);
  const discount =
    purchased === false ? 0 : read.amount('discount_amount', columns.discount_amount);
  const promotion = read.text('promotion_id', columns.promotion_id, LIMITS.promotion);
  const dimension = read.text('dimension', columns.dimension, LIMITS.dimension);
  const actions = mapping.actions.map((action) => read.bool(action.name, action.column));
  if (start !== null && end !== null && end < start) {
    read.problem(
      'session_end',
      columns.session_end ?? null,
      read.raw(columns.session_end),
      'end_before_start',
      `'${shown(read.raw(columns.session_end))}' is before session_start '${shown(read.raw(columns.session_start))}'`,
    );
  }
  return read.result({
    order_id: orderId!,
    client: client!,
    start: start!,
    end,
    purchased: purchased!,
    amount: amount ?? 0,
    discount: discount ?? 0,
    promotion_id: promotion,
    dimension,
    actions,
    line: row.line,
  });
}

export function validateCustomer(
  row: RawRow,
  mapping: CustomersMapping,
  parse: ParseOptions,
): Validated<CustomerRecord> {
  const read = new FieldReader(row, parse);
  const client = read.text('client', mapping.columns.client, LIMITS.client, true);
  const download = read.date('download_date', mapping.columns.download_date, true);
  const signup = read.date('signup_date', mapping.columns.signup_date);
  const actions = mapping.actions.map((action) => read.date(action.name, action.column));
  return read.result({ client: client!, download: download!, signup, actions, line: row.line });
}

function quantityOf(read: FieldReader, column: string | undefined): number | null {
  if (column === undefined) return 1;
  const quantity = read.number('quantity', column);
  if (quantity === null) return 1;
  if (quantity <= 0) {
    read.problem(
      'quantity',
      column,
      read.raw(column),
      'invalid_quantity',
      `'${shown(read.raw(column))}' is not a positive quantity`,
    );
    return null;
  }
  return quantity;
}

export function validateProduct(
  row: RawRow,
  mapping: ProductsMapping,
  parse: ParseOptions,
): Validated<ProductRecord> {
  const columns = mapping.columns;
  const read = new FieldReader(row, parse);
  const orderId = read.text('order_id', columns.order_id, LIMITS.sessionId, true);
  const product = read.text('product', columns.product, LIMITS.product, true);
  const category = read.text('category', columns.category, LIMITS.category, true);
  const price = read.amount('price', columns.price, true);
  const quantity = quantityOf(read, columns.quantity);
  return read.result({
    order_id: orderId!,
    product: product!,
    category: category!,
    price: price!,
    quantity: quantity!,
    line: row.line,
  });
}

export type OrderLineOutcome =
  | Validated<OrderLineRecord>
  | { excluded: 'cancellation' | 'missing_customer'; problem: RowProblem };

/**
 * An invoice line. Cancellations (the configured invoice prefix, or a negative quantity) and
 * lines without a customer are set aside with their reason before any other check: they are
 * normal in such exports, not errors.
 */
export function validateOrderLine(
  row: RawRow,
  mapping: OrderLinesMapping,
  parse: ParseOptions,
): OrderLineOutcome {
  const columns = mapping.columns;
  const read = new FieldReader(row, parse);
  const invoice = read.text('invoice', columns.invoice, LIMITS.sessionId, true);
  const rawQuantity = read.number('quantity', columns.quantity, true);
  const prefix = mapping.cancellation_prefix;
  if (
    invoice !== null &&
    ((prefix && invoice.startsWith(prefix)) || (rawQuantity !== null && rawQuantity < 0))
  ) {
    const byPrefix = prefix !== null && invoice.startsWith(prefix);
    const field = byPrefix ? 'invoice' : 'quantity';
    const column = byPrefix ? columns.invoice : columns.quantity;
    return {
      excluded: 'cancellation',
      problem: {
        field,
        column,
        value: shown(read.raw(column)),
        reason: 'cancellation',
        message: byPrefix
          ? `invoice '${invoice}' starts with the cancellation prefix '${prefix}'`
          : `negative quantity ${rawQuantity} (a return)`,
      },
    };
  }
  const customer = read.text('customer', columns.customer, LIMITS.client);
  if (customer === null) {
    return {
      excluded: 'missing_customer',
      problem: {
        field: 'customer',
        column: columns.customer,
        value: null,
        reason: 'missing_customer',
        message: `invoice '${invoice ?? ''}' line has no customer`,
      },
    };
  }
  const product = read.text('product', columns.product, LIMITS.product, true);
  const category = columns.category
    ? read.text('category', columns.category, LIMITS.category, true)
    : product;
  const price = read.amount('unit_price', columns.unit_price, true);
  const date = read.date('invoice_date', columns.invoice_date, true);
  const dimension = read.text('dimension', columns.dimension, LIMITS.dimension);
  if (rawQuantity === 0) {
    read.problem(
      'quantity',
      columns.quantity,
      read.raw(columns.quantity),
      'invalid_quantity',
      `'0' is not a positive quantity`,
    );
  }
  return read.result({
    invoice: invoice!,
    product: product!,
    category: category!,
    quantity: rawQuantity!,
    price: price!,
    date: date!,
    customer,
    dimension,
    line: row.line,
  });
}
