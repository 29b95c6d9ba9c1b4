import { describe, expect, it } from 'vitest';
import { CustomerTableBuilder } from '../../../sidecar/src/analyses/customer_table';
import type { PassOrders } from '../../../sidecar/src/analyses/order_sequences';
import { promotionCustomers } from '../../../sidecar/src/analyses/promotions';
import { VisitorCounter } from '../../../sidecar/src/analyses/visitors';

describe('VisitorCounter', () => {
  // Two dimension values (slots: all, a, b), three weeks. Buckets of a week come by client.
  const table = new CustomerTableBuilder([], 2);
  const [c0, c1, c2] = ['c0', 'c1', 'c2'].map((c) => table.indexOf(c)) as [number, number, number];
  const counter = new VisitorCounter(3, 3);
  // Week 0: c0 in a and b (one visitor for all), c1 in a.
  counter.add(0, c0, 0, false, false);
  counter.add(0, c0, 1, false, false);
  counter.add(0, c1, 0, false, false);
  // Week 1 (previous 7 days partly): c0 in a within the window, in b outside it; c2 without value.
  counter.add(1, c0, 0, false, true);
  counter.add(1, c0, 1, false, false);
  counter.add(1, c2, -1, false, true);
  // Week 2 (both windows meet it): c0 in b in both windows; c1 in a in the last 7 days only.
  counter.add(2, c0, 1, true, true);
  counter.add(2, c1, 0, true, false);
  table.addFirstSession(c0, 0, 1);
  table.addFirstSession(c0, 1, 2);
  table.addFirstSession(c1, 0, 3);
  table.addFirstSession(c2, -1, 4);
  const visitors = counter.build(table.build());

  it('counts a client once per week in all, once per value', () => {
    expect(visitors.weekly.map((w) => [...w])).toEqual([
      [2, 2, 2],
      [2, 1, 1],
      [1, 1, 1],
    ]);
  });

  it('counts a client once per window across the weeks the window spans', () => {
    expect([...visitors.previous7]).toEqual([2, 1, 1]);
    expect([...visitors.last7]).toEqual([2, 1, 1]);
  });

  it('totals are the clients with a first session in each slot', () => {
    expect([...visitors.total]).toEqual([3, 2, 1]);
  });

  it('refuses a dimension index outside the run', () => {
    expect(() => counter.add(0, c0, 2, false, false)).toThrow(/dimension index 2/);
  });
});

describe('promotionCustomers', () => {
  // Customers 5 and 7; rows by customer then time. Promotions: 0 = P, 1 = Q, -1 = none.
  const pass: PassOrders = {
    customer: Int32Array.from([5, 7]),
    offsets: Int32Array.from([0, 3, 5]),
    timeMs: Float64Array.from([1, 2, 3, 1, 2]),
    amount: Float64Array.from([1, 1, 1, 1, 1]),
    dimension: Int32Array.from([0, 1, 0, 1, -1]),
    items: {
      promotionNames: ['P', 'Q'],
      promotion: Int32Array.from([0, 0, 1, 0, -1]),
      productNames: [],
      productOffsets: new Int32Array(6),
      product: new Int32Array(0),
    },
  };

  it('counts each customer once per promotion, within the dimension value asked for', () => {
    expect(promotionCustomers(pass, -1)).toEqual(
      new Map([
        ['P', 2],
        ['Q', 1],
      ]),
    );
    expect(promotionCustomers(pass, 0)).toEqual(
      new Map([
        ['P', 1],
        ['Q', 1],
      ]),
    );
    expect(promotionCustomers(pass, 1)).toEqual(
      new Map([
        ['P', 2],
        ['Q', 0],
      ]),
    );
  });
});

describe('CustomerTableBuilder.sortByClient', () => {
  it('renumbers customers in client order, columns and lookups following', () => {
    const table = new CustomerTableBuilder(['login'], 1);
    table.setDownload('zed', 10, NaN, [11]);
    table.addFirstSession(table.indexOf('amy'), 0, 20);
    table.setDownload('amy', 5, 6, [NaN]);
    table.sortByClient();
    expect(table.indexOf('amy')).toBe(0);
    expect(table.indexOf('zed')).toBe(1);
    const built = table.build();
    expect(built.clients).toEqual(['amy', 'zed']);
    expect([...built.downloadMs]).toEqual([5, 10]);
    expect([...built.signupMs]).toEqual([6, NaN]);
    expect([...built.actions[0]!.timeMs]).toEqual([NaN, 11]);
    expect(built.firstSessionMs.map((c) => [...c])).toEqual([
      [20, NaN],
      [20, NaN],
    ]);
  });
});
