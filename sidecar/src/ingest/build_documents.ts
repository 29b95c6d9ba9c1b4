import type { DownloadDocument, OrderDocument } from '../../../common/documents';
import type { CustomerRecord, OrderLineRecord, ProductRecord, SessionRecord } from './records';

const DAY_MS = 86_400_000;
/** Date parts by day number; a shop's sessions span a few hundred days, so this stays small. */
const dayTexts = new Map<number, string>();
const MAX_CACHED_DAYS = 20_000;
const TWO_DIGITS = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
const THREE_DIGITS = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));

/**
 * `new Date(ms).toISOString()`, several times faster: the date part is formatted once per day
 * and kept, the time of day comes from digit tables. Date.toISOString costs more than a
 * microsecond, twice per session.
 */
export function isoUtc(time: number): string {
  // Date truncates fractions of a millisecond toward zero; so do we.
  const ms = Math.trunc(time);
  const day = Math.floor(ms / DAY_MS);
  let dayText = dayTexts.get(day);
  if (dayText === undefined) {
    if (dayTexts.size >= MAX_CACHED_DAYS) dayTexts.clear();
    dayText = new Date(day * DAY_MS).toISOString().slice(0, -13);
    dayTexts.set(day, dayText);
  }
  let rest = ms - day * DAY_MS;
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Math.floor(rest / 1000);
  return (
    dayText +
    TWO_DIGITS[hours]! +
    ':' +
    TWO_DIGITS[minutes]! +
    ':' +
    TWO_DIGITS[seconds]! +
    '.' +
    THREE_DIGITS[rest - seconds * 1000]! +
    'Z'
  );
}

const iso = isoUtc;

/**
 * An amount in currency units as integer cents. Parsed amounts carry at most the source's
 * decimals (19.99 → 1998.9999999999998 before rounding), so rounding recovers the exact cents;
 * a third decimal is rounded to the nearest cent (half up).
 */
export function toCents(amount: number): number {
  return Math.round(amount * 100);
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
  const paymentCents = session.purchased ? toCents(session.amount) : 0;
  const discountCents = session.purchased ? toCents(session.discount) : 0;
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
    payment_amount: paymentCents / 100,
    discount_amount: discountCents / 100,
    payment_cents: paymentCents,
    discount_cents: discountCents,
    promotion_id: session.promotion_id,
    dimension: session.dimension,
    actions,
  };
  if (basket !== null) {
    document.basket = basket.map((line) => ({
      product: line.product,
      category: line.category,
      price: toCents(line.price) / 100,
      price_cents: toCents(line.price),
      quantity: line.quantity,
    }));
    document.basket_size = basket.length;
  }
  return document;
}

/** Characters JSON.stringify escapes (quotes, backslash, controls, surrogates). */
// eslint-disable-next-line no-control-regex -- control characters are exactly what JSON escapes
const NEEDS_ESCAPING = /["\\\u0000-\u001f\ud800-\udfff]/;
/** JSON.stringify(value) for a string; most ids and names need no escaping, and this is faster. */
const text = (value: string) => (NEEDS_ESCAPING.test(value) ? JSON.stringify(value) : `"${value}"`);
const textOrNull = (value: string | null) => (value === null ? 'null' : text(value));
/** JSON numbers: what JSON.stringify writes (non-finite values become null). */
const number = (value: number) => (Number.isFinite(value) ? String(value) : 'null');

/**
 * orderDocument() written straight as the JSON text the bulk writer sends: the same fields in the
 * same order, without building the object first (this runs once per session, and building plus
 * stringifying cost about twice as much). Action names are validated identifiers
 * (`[a-z][a-z0-9_]*`), so they need no escaping. A unit test holds it equal to orderDocument().
 */
export function orderJson(
  session: SessionRecord,
  actionNames: readonly string[],
  basket: ProductRecord[] | null,
): string {
  const purchased = session.purchased;
  const paymentCents = purchased ? toCents(session.amount) : 0;
  const discountCents = purchased ? toCents(session.discount) : 0;
  let json =
    `{"session_id":${text(session.order_id)},"client":${text(session.client)}` +
    `,"session_start":"${iso(session.start)}"` +
    `,"session_end":${session.end === null ? 'null' : `"${iso(session.end)}"`}` +
    `,"purchased":${purchased}` +
    `,"payment_amount":${number(paymentCents / 100)}` +
    `,"discount_amount":${number(discountCents / 100)}` +
    `,"payment_cents":${number(paymentCents)},"discount_cents":${number(discountCents)}` +
    `,"promotion_id":${textOrNull(session.promotion_id)}` +
    `,"dimension":${textOrNull(session.dimension)}` +
    `,"actions":{"has_sessions":true`;
  for (let i = 0; i < actionNames.length; i += 1) {
    json += `,"${actionNames[i]!}":${session.actions[i] ?? false}`;
  }
  json += `,"purchased":${purchased}}`;
  if (basket !== null) {
    json += ',"basket":[';
    for (let i = 0; i < basket.length; i += 1) {
      const line = basket[i]!;
      const priceCents = toCents(line.price);
      json +=
        `${i === 0 ? '' : ','}{"product":${text(line.product)},"category":${text(line.category)}` +
        `,"price":${number(priceCents / 100)},"price_cents":${number(priceCents)}` +
        `,"quantity":${number(line.quantity)}}`;
    }
    json += `],"basket_size":${basket.length}`;
  }
  return `${json}}`;
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
 * purchased session whose amount is Σ quantity × unit price (each line rounded to cents, summed
 * in integer cents) and whose basket is its lines. The
 * invoice's time is its earliest line's; its customer and dimension are its first line's.
 */
export function invoiceSession(lines: readonly OrderLineRecord[]): {
  session: SessionRecord;
  basket: ProductRecord[];
} {
  const first = lines[0]!;
  let amountCents = 0;
  let start = first.date;
  for (const line of lines) {
    amountCents += Math.round(line.quantity * toCents(line.price));
    if (line.date < start) start = line.date;
  }
  return {
    session: {
      order_id: first.invoice,
      client: first.customer,
      start,
      end: null,
      purchased: true,
      amount: amountCents / 100,
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
