import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cents, generateFiles, type DemoFiles, removeGeneratedFiles } from './demo_files';

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const AMOUNT = /^\d+\.\d{2}$/;
const BOOLEAN = /^(true|false)$/;

describe('demo data files: columns and consistency', () => {
  afterAll(removeGeneratedFiles);
  let files: DemoFiles;
  beforeAll(async () => {
    files = await generateFiles({ customers: 600, days: 60, seed: 3, start: '2025-03-03' });
  });

  it('has exactly the columns of the three sources', () => {
    expect(files.sessions.header).toEqual([
      'order_id',
      'client',
      'session_start',
      'session_end',
      'payment_amount',
      'discount_amount',
      'purchased',
      'promotion_id',
      'dimension',
      'has_basket',
      'order_screen',
    ]);
    expect(files.customers.header).toEqual(['client', 'download_date', 'signup_date']);
    expect(files.products.header).toEqual(['order_id', 'product', 'category', 'price', 'quantity']);
  });

  it('numbers customers c0000001… and sessions s000000001… in file order', () => {
    expect(files.customers.rows.length).toBe(600);
    expect(files.customers.rows[0]!.client).toBe('c0000001');
    expect(files.customers.rows[599]!.client).toBe('c0000600');
    files.sessions.rows.forEach((row, i) => {
      expect(row.order_id).toBe(`s${String(i + 1).padStart(9, '0')}`);
    });
  });

  it('writes every value in its format', () => {
    const dimensions = new Set(['location_1', 'location_2', 'location_3']);
    for (const row of files.sessions.rows) {
      expect(row.session_start).toMatch(TIMESTAMP);
      expect(row.session_end).toMatch(TIMESTAMP);
      expect(row.payment_amount).toMatch(AMOUNT);
      expect(row.discount_amount).toMatch(AMOUNT);
      expect(row.purchased).toMatch(BOOLEAN);
      expect(row.has_basket).toMatch(BOOLEAN);
      expect(row.order_screen).toMatch(BOOLEAN);
      expect(dimensions.has(row.dimension!)).toBe(true);
      expect(Date.parse(row.session_end!)).toBeGreaterThanOrEqual(Date.parse(row.session_start!));
    }
    for (const row of files.customers.rows) {
      expect(row.download_date).toMatch(TIMESTAMP);
      if (row.signup_date) {
        expect(row.signup_date).toMatch(TIMESTAMP);
        expect(Date.parse(row.signup_date)).toBeGreaterThanOrEqual(Date.parse(row.download_date!));
      }
    }
    const signedUp = files.customers.rows.filter((row) => row.signup_date !== '').length;
    expect(signedUp).toBeGreaterThan(300);
    expect(signedUp).toBeLessThan(600);
    for (const row of files.products.rows) {
      expect(row.price).toMatch(AMOUNT);
      expect(row.quantity).toMatch(/^[1-9]\d*$/);
    }
  });

  it('keeps sessions inside the period, after the download, under the customer dimension', () => {
    const periodStart = Date.parse('2025-03-03T00:00:00Z');
    const periodEnd = Date.parse('2025-05-02T00:00:00Z');
    const customers = new Map(files.customers.rows.map((row) => [row.client!, row]));
    const dimensionOf = new Map<string, string>();
    for (const row of files.sessions.rows) {
      const start = Date.parse(row.session_start!);
      expect(start).toBeGreaterThanOrEqual(periodStart);
      expect(start).toBeLessThan(periodEnd);
      const customer = customers.get(row.client!);
      expect(customer, row.client).toBeDefined();
      expect(start).toBeGreaterThanOrEqual(Date.parse(customer!.download_date!));
      const known = dimensionOf.get(row.client!) ?? row.dimension!;
      expect(row.dimension).toBe(known);
      dimensionOf.set(row.client!, known);
    }
  });

  it('implies the actions from purchased: purchased ⇒ order_screen ⇒ has_basket', () => {
    for (const row of files.sessions.rows) {
      if (row.purchased === 'true') expect(row.order_screen).toBe('true');
      if (row.order_screen === 'true') expect(row.has_basket).toBe('true');
    }
    const browsingWithBasket = files.sessions.rows.filter(
      (row) => row.purchased === 'false' && row.has_basket === 'true',
    );
    expect(browsingWithBasket.length).toBeGreaterThan(0);
  });

  it('gives sessions without purchase no amount, no discount and no promotion', () => {
    for (const row of files.sessions.rows.filter((r) => r.purchased === 'false')) {
      expect([row.payment_amount, row.discount_amount, row.promotion_id]).toEqual([
        '0.00',
        '0.00',
        '',
      ]);
    }
    for (const row of files.sessions.rows.filter((r) => r.discount_amount !== '0.00')) {
      expect(row.promotion_id).not.toBe('');
    }
  });

  it('lists basket lines for orders only, in session order, summing to amount + discount', () => {
    const basketCents = new Map<string, number>();
    let previous = '';
    for (const line of files.products.rows) {
      expect(line.order_id! >= previous).toBe(true);
      previous = line.order_id!;
      basketCents.set(
        line.order_id!,
        (basketCents.get(line.order_id!) ?? 0) + cents(line.price!) * Number(line.quantity),
      );
    }
    let orders = 0;
    for (const row of files.sessions.rows) {
      if (row.purchased === 'false') {
        expect(basketCents.has(row.order_id!)).toBe(false);
        continue;
      }
      orders += 1;
      expect(basketCents.get(row.order_id!), row.order_id).toBe(
        cents(row.payment_amount!) + cents(row.discount_amount!),
      );
    }
    expect(basketCents.size).toBe(orders);
    expect(orders).toBeGreaterThan(1000);
  });

  it('gives every product one category and one price', () => {
    const seen = new Map<string, string>();
    for (const line of files.products.rows) {
      const identity = `${line.category}|${line.price}`;
      expect(seen.get(line.product!) ?? identity).toBe(identity);
      seen.set(line.product!, identity);
    }
    const categories = new Set(files.products.rows.map((line) => line.category));
    expect(categories.size).toBe(10);
  });
});
