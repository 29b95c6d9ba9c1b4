import type { OrderDocument } from '../../../common/documents';

/** One purchased session of `client` with one basket line, for hand-checked search tests. */
export function order(
  id: string,
  client: string,
  fields: {
    product?: string;
    category?: string;
    promotion?: string;
    dimension?: string;
    day?: number;
  } = {},
): OrderDocument {
  const product = fields.product ?? 'Plain loaf';
  return {
    session_id: id,
    client,
    session_start: new Date(Date.UTC(2025, 2, 3 + (fields.day ?? 0), 12)).toISOString(),
    purchased: true,
    payment_amount: 10,
    discount_amount: fields.promotion ? 1 : 0,
    promotion_id: fields.promotion ?? null,
    dimension: fields.dimension ?? 'north',
    actions: { has_sessions: true, purchased: true },
    basket: [{ product, category: fields.category ?? 'bakery', price: 10, quantity: 1 }],
    basket_size: 1,
  };
}

/** Client ids that differ by one character from each other, and names with case and accents. */
export const SEARCH_ORDERS: OrderDocument[] = [
  order('s1', 'C0012345', { product: 'Crème brûlée', category: 'Desserts' }),
  order('s2', 'C0012346', { product: 'Chocolate', category: 'Sweets', promotion: 'SPRING-25' }),
  order('s3', 'C0098765', { product: 'Hot chocolate', category: 'Drinks', dimension: 'south' }),
  order('s4', 'D7777777', { product: 'choco', promotion: 'WELCOME', dimension: 'south' }),
  order('s5', 'C0012345', { product: 'Chocolate', category: 'Sweets', day: 1 }),
];
