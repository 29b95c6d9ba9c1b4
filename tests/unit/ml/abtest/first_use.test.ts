import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../../../../common/time';
import { OrderItemsBuilder } from '../../../../sidecar/src/analyses/order_items';
import { PassOrdersBuilder } from '../../../../sidecar/src/analyses/order_sequences';
import { entityValues, firstUseWindows } from '../../../../sidecar/src/ml/abtest/first_use';

const T0 = Date.UTC(2024, 0, 1);
const day = (d: number) => T0 + d * DAY_MS;

/** Customer 0 uses P on day 10 (and again on day 12), customer 1 on day 3 (window before the data). */
function fixture() {
  const orders = new PassOrdersBuilder();
  const items = new OrderItemsBuilder();
  const add = (customer: number, d: number, amount: number, promotion: string | null, dim = 0) => {
    orders.add(customer, day(d), amount, dim);
    items.add(promotion, [{ product: 'apple' }, { product: 'apple' }]);
  };
  add(0, 2, 99, null); // before day 10 − 7: outside the window
  add(0, 4, 10, null);
  add(0, 9, 20, null, 1);
  add(0, 10, 500, 'P'); // time 0: in neither window
  add(0, 12, 30, 'P');
  add(0, 17, 40, null);
  add(0, 18, 99, null); // after day 17: outside
  add(1, 3, 10, 'P');
  add(1, 5, 10, null);
  return {
    pass: { ...orders.build(), items: items.build() },
    range: { fromMs: day(0), nowMs: day(30) },
  };
}

describe('first-use windows', () => {
  it('count and average the orders of [t0 − W, t0) and (t0, t0 + W], the first use only', () => {
    const { pass, range } = fixture();
    const windows = firstUseWindows(pass, 'promotion', -1, range, 7);
    expect(windows.names).toEqual(['P']);
    // Customer 1's first use (day 3) has no full window before it: left out.
    expect(Array.from(windows.offsets)).toEqual([0, 1]);
    expect(windows.countBefore[0]).toBe(2); // days 4 and 9
    expect(windows.amountBefore[0]).toBe(15);
    expect(windows.countAfter[0]).toBe(2); // days 12 and 17
    expect(windows.amountAfter[0]).toBe(35);
  });

  it('see only the orders of the context dimension value', () => {
    const { pass, range } = fixture();
    const windows = firstUseWindows(pass, 'promotion', 0, range, 7);
    expect(windows.countBefore[0]).toBe(1); // the day-9 order is in dimension 1
    expect(windows.amountBefore[0]).toBe(10);
  });

  it('treat a product repeated in one basket as one use, first use = first basket holding it', () => {
    const { pass, range } = fixture();
    const windows = firstUseWindows(pass, 'product', -1, range, 7);
    expect(windows.names).toEqual(['apple']);
    // customer 0's first apple is on day 2 (window before starts before the data): none kept.
    expect(Array.from(windows.offsets)).toEqual([0, 0]);
  });

  it('keep for the amount metric only customers with orders on both sides', () => {
    const { pass, range } = fixture();
    const windows = firstUseWindows(pass, 'promotion', -1, range, 3);
    // W = 3: customer 0: before [7, 10) holds day 9, after (10, 13] day 12; customer 1 now has a
    // full window (day 0 ≤ 3 − 3): nothing before, day 5 after.
    expect(entityValues(windows, 0, 'count')).toEqual({
      before: Float64Array.of(1, 0),
      after: Float64Array.of(1, 1),
    });
    expect(entityValues(windows, 0, 'amount').after).toEqual(Float64Array.of(30));
  });
});
