import { describe, expect, it } from 'vitest';
import { isoUtc, orderDocument, orderJson } from '../../../sidecar/src/ingest/build_documents';
import type { ProductRecord, SessionRecord } from '../../../sidecar/src/ingest/records';

const session = (overrides: Partial<SessionRecord> = {}): SessionRecord => ({
  order_id: 's1',
  client: 'c1',
  start: Date.UTC(2025, 2, 1, 10, 5),
  end: Date.UTC(2025, 2, 1, 10, 25, 30, 7),
  purchased: true,
  amount: 30.5,
  discount: 2,
  promotion_id: 'p1',
  dimension: 'North',
  actions: [true, null],
  line: 2,
  ...overrides,
});

const line = (product: string, price: number, quantity = 1): ProductRecord => ({
  order_id: 's1',
  product,
  category: 'fruit',
  price,
  quantity,
  line: 3,
});

describe('orders documents as JSON text', () => {
  it('writes exactly the document orderDocument builds', () => {
    const json = orderJson(session(), ['has_basket', 'order_screen'], [line('pear', 1.25, 2)]);
    expect(JSON.parse(json)).toEqual({
      session_id: 's1',
      client: 'c1',
      session_start: '2025-03-01T10:05:00.000Z',
      session_end: '2025-03-01T10:25:30.007Z',
      purchased: true,
      payment_amount: 30.5,
      discount_amount: 2,
      payment_cents: 3050,
      discount_cents: 200,
      promotion_id: 'p1',
      dimension: 'North',
      actions: { has_sessions: true, has_basket: true, order_screen: false, purchased: true },
      basket: [{ product: 'pear', category: 'fruit', price: 1.25, price_cents: 125, quantity: 2 }],
      basket_size: 1,
    });
  });

  it('stores money as integer cents, and the amounts as those cents / 100', () => {
    const record = session({ amount: 19.99, discount: 0.1 + 0.2 });
    const document = JSON.parse(orderJson(record, [], [line('milk', 1.005 * 3, 2)])) as {
      payment_amount: number;
      payment_cents: number;
      discount_amount: number;
      discount_cents: number;
      basket: Array<{ price: number; price_cents: number }>;
    };
    expect(document.payment_cents).toBe(1999);
    expect(document.payment_amount).toBe(19.99);
    expect(document.discount_cents).toBe(30);
    expect(document.discount_amount).toBe(0.3);
    // 3.0149999999999997 rounds to 301 cents.
    expect(document.basket[0]).toMatchObject({ price: 3.01, price_cents: 301 });
  });

  it('agrees with JSON.stringify(orderDocument()) on awkward values, key order included', () => {
    const cases: Array<[SessionRecord, string[], ProductRecord[] | null]> = [
      [session({ purchased: false, amount: 99, discount: 5 }), ['has_basket'], []],
      [session({ end: null, promotion_id: null, dimension: null, actions: [] }), [], null],
      [
        session({
          order_id: 'a"b\\c',
          client: 'ü\n\t😀',
          dimension: '\u2028',
          promotion_id: '\ud800\u0001',
        }),
        ['x', 'y'],
        [line('Cheese, "aged"', 7), line('milk\r\n', 0.1 + 0.2, 3)],
      ],
      [session({ amount: Number.POSITIVE_INFINITY, start: -86_400_001 }), [], [line('p', NaN)]],
    ];
    for (const [record, actions, basket] of cases) {
      expect(orderJson(record, actions, basket)).toBe(
        JSON.stringify(orderDocument(record, actions, basket)),
      );
    }
  });
});

describe('isoUtc', () => {
  it('formats like Date.prototype.toISOString', () => {
    const samples = [
      0,
      -1,
      86_399_999,
      -86_400_000,
      Date.UTC(2024, 1, 29, 23, 59, 59, 999),
      Date.UTC(9999, 11, 31, 23, 59, 59, 999),
      Date.UTC(1969, 11, 31, 12, 0, 0, 5),
    ];
    let seed = 3;
    for (let i = 0; i < 2_000; i += 1) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      samples.push((seed / 2 ** 31 - 0.3) * 6e12);
    }
    for (const ms of samples.map(Math.floor))
      expect(isoUtc(ms), String(ms)).toBe(new Date(ms).toISOString());
  });
});
