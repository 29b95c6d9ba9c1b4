import type { DownloadDocument, OrderDocument } from '../../../common/documents';
import type { CustomerRecord, OrderLineRecord, ProductRecord, SessionRecord } from './records';

const iso = (ms: number) => new Date(ms).toISOString();

/** Money sums of many lines: rounded to a millionth so float noise (0.1 + 0.2) never shows. */
export function roundMoney(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/**
 * One `orders` document. `actions` holds has_sessions (always true), the configured actions in
 * funnel order (an empty flag counts as false) and purchased. A session without a purchase
 * stores amount and discount as 0. `basket_size` is the number of basket lines.
 */
export function orderDocument(
  session: SessionRecord,
  actionNames: readonly string[],
  basket: ProductRecord[] | null,
): OrderDocument {
  const actions: Record<string, boolean> = { has_sessions: true };
  actionNames.forEach((name, index) => {
    actions[name] = session.actions[index] ?? false;
  });
  actions.purchased = session.purchased;
  const document: OrderDocument = {
    session_id: session.order_id,
    client: session.client,
    session_start: iso(session.start),
    session_end: session.end === null ? null : iso(session.end),
    purchased: session.purchased,
    payment_amount: session.purchased ? session.amount : 0,
    discount_amount: session.purchased ? session.discount : 0,
    promotion_id: session.promotion_id,
    dimension: session.dimension,
    actions,
  };
  if (basket !== null) {
    document.basket = basket.map((line) => ({
      product: line.product,
      category: line.category,
      price: line.price,
      quantity: line.quantity,
    }));
    document.basket_size = basket.length;
  }
  return document;
}

/** orderDocument() as the JSON text the bulk writer sends. */
export function orderJson(
  session: SessionRecord,
  actionNames: readonly string[],
  basket: ProductRecord[] | null,
): string {
  return JSON.stringify(orderDocument(session, actionNames, basket));
}

/** One `downloads` document; dated customer actions under `actions` (null when not given). */
export function downloadDocument(
  customer: CustomerRecord,
  actionNames: readonly string[],
): DownloadDocument {
  const document: DownloadDocument = {
    client: customer.client,
    download_date: iso(customer.download),
    signup_date: customer.signup === null ? null : iso(customer.signup),
  };
  if (actionNames.length > 0) {
    document.actions = {};
    actionNames.forEach((name, index) => {
      const date = customer.actions[index];
      document.actions![name] = date === null || date === undefined ? null : iso(date);
    });
  }
  return document;
}

/**
 * Order-lines-only data: one invoice (all its lines, adjacent after sorting by invoice) becomes a
 * purchased session whose amount is Σ quantity × unit price and whose basket is its lines. The
 * invoice's time is its earliest line's; its customer and dimension are its first line's.
 */
export function invoiceSession(lines: readonly OrderLineRecord[]): {
  session: SessionRecord;
  basket: ProductRecord[];
} {
  const first = lines[0]!;
  let amount = 0;
  let start = first.date;
  for (const line of lines) {
    amount += line.quantity * line.price;
    if (line.date < start) start = line.date;
  }
  return {
    session: {
      order_id: first.invoice,
      client: first.customer,
      start,
      end: null,
      purchased: true,
      amount: roundMoney(amount),
      discount: 0,
      promotion_id: null,
      dimension: first.dimension,
      actions: [],
      line: first.line,
    },
    basket: lines.map((line) => ({
      order_id: line.invoice,
      product: line.product,
      category: line.category,
      price: line.price,
      quantity: line.quantity,
      line: line.line,
    })),
  };
}
