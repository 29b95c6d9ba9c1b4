import type { DownloadDocument, OrderDocument } from '../../../common/documents';

/** mulberry32: a tiny seeded generator, so the fixture is the same on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const PRODUCTS = [
  { product: 'apple', category: 'fruit', price: 1.5 },
  { product: 'pear', category: 'fruit', price: 2 },
  { product: 'milk', category: 'dairy', price: 1.2 },
  { product: 'cheese', category: 'dairy', price: 4.75 },
  { product: 'bread', category: 'bakery', price: 2.4 },
  { product: 'cake', category: 'bakery', price: 9.9 },
];

export const FIXTURE_START_MS = Date.UTC(2025, 2, 3); // Monday 2025-03-03

/**
 * ~60 customers over 6 weeks in dimensions north/south (many customers in both), one customer in
 * `solo`, and `quiet` with sessions but no order. Every session has a dimension, so additive
 * reports of the values must sum to `all`.
 */
export function randomFixture(seed = 7): {
  orders: OrderDocument[];
  downloads: DownloadDocument[];
} {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const orders: OrderDocument[] = [];
  const downloads: DownloadDocument[] = [];
  const spanMs = 42 * 86_400_000;
  for (let c = 0; c < 60; c++) {
    const client = `c${String(c).padStart(2, '0')}`;
    const home = c === 0 ? 'solo' : c === 1 ? 'quiet' : pick(['north', 'south']);
    const downloadMs = FIXTURE_START_MS - 3 * 86_400_000 + Math.floor(next() * spanMs * 0.6);
    downloads.push({
      client,
      download_date: new Date(downloadMs).toISOString(),
      signup_date:
        next() < 0.6 ? new Date(downloadMs + next() * 3 * 86_400_000).toISOString() : null,
      actions:
        next() < 0.5
          ? { first_login: new Date(downloadMs + next() * 5 * 86_400_000).toISOString() }
          : {},
    });
    const sessions = c === 1 ? 3 : Math.floor(next() * 12);
    for (let s = 0; s < sessions; s++) {
      const startMs = downloadMs + Math.floor(next() * (FIXTURE_START_MS + spanMs - downloadMs));
      const dimension =
        home === 'north' || home === 'south'
          ? next() < 0.8
            ? home
            : pick(['north', 'south'])
          : home;
      const purchased = home !== 'quiet' && next() < 0.45;
      const hasBasket = purchased || next() < 0.5;
      const orderScreen = purchased || (hasBasket && next() < 0.4);
      const basket = purchased
        ? Array.from({ length: 1 + Math.floor(next() * 3) }, () => ({
            ...pick(PRODUCTS),
            quantity: 1 + Math.floor(next() * 3),
          }))
        : [];
      const gross = basket.reduce((sum, line) => sum + line.price * line.quantity, 0);
      const promotion = purchased && next() < 0.35 ? pick(['SPRING', 'WELCOME']) : null;
      const discount = promotion ? Math.round(gross * 10) / 100 : 0;
      orders.push({
        session_id: `${client}-s${s}`,
        client,
        session_start: new Date(startMs).toISOString(),
        session_end: new Date(startMs + 600_000).toISOString(),
        purchased,
        payment_amount: purchased ? Math.round((gross - discount) * 100) / 100 : 0,
        discount_amount: discount,
        promotion_id: promotion,
        dimension,
        actions: {
          has_sessions: true,
          purchased,
          has_basket: hasBasket,
          order_screen: orderScreen,
        },
        ...(purchased ? { basket, basket_size: basket.length } : { basket_size: 0 }),
      });
    }
  }
  // A week boundary: one customer orders Sunday 23:30 and again Monday 00:30.
  for (const [i, iso] of ['2025-03-09T23:30:00Z', '2025-03-10T00:30:00Z'].entries()) {
    orders.push({
      session_id: `edge-s${i}`,
      client: 'edge',
      session_start: iso,
      purchased: true,
      payment_amount: 10,
      discount_amount: 0,
      dimension: 'north',
      actions: { has_sessions: true, purchased: true, has_basket: true, order_screen: true },
      basket: [{ product: 'apple', category: 'fruit', price: 1.5, quantity: 2 }],
      basket_size: 1,
    });
  }
  downloads.push({ client: 'edge', download_date: '2025-03-09T10:00:00Z' });
  return { orders, downloads };
}
