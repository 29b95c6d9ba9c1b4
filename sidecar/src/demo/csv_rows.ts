import type { DemoCustomer } from './customers';
import { formatCents } from './format';
import type { DemoSession } from './sessions';

export const SESSIONS_HEADER =
  'order_id,client,session_start,session_end,payment_amount,discount_amount,purchased,promotion_id,dimension,has_basket,order_screen';
export const CUSTOMERS_HEADER = 'client,download_date,signup_date';
export const PRODUCTS_HEADER = 'order_id,product,category,price,quantity';

/** RFC 4180 quoting, only when a value needs it (our ids and names never do). */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function money(amount: number): string {
  return formatCents(Math.round(amount * 100));
}

export function sessionRow(session: DemoSession): string {
  return [
    session.order_id,
    csvField(session.client),
    session.session_start,
    session.session_end,
    money(session.payment_amount),
    money(session.discount_amount),
    String(session.purchased),
    csvField(session.promotion_id ?? ''),
    csvField(session.dimension),
    String(session.has_basket),
    String(session.order_screen),
  ].join(',');
}

export function customerRow(customer: DemoCustomer): string {
  return [csvField(customer.client), customer.download_date, customer.signup_date ?? ''].join(',');
}

/** The products.csv lines of one session (none unless it was an order). */
export function productRows(session: DemoSession): string[] {
  return session.basket.map((line) =>
    [
      session.order_id,
      csvField(line.product),
      csvField(line.category),
      money(line.price),
      String(line.quantity),
    ].join(','),
  );
}
