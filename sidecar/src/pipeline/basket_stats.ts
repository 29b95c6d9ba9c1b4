import { DailyProductRevenue, PairCounter, ProductDictionary } from '../analyses/products';
import type { PeriodIndex } from '../analyses/periods';
import type { PassOrder } from './order_pass';

/**
 * Product pairs and product revenue for every context, fed by the order pass one order at a time:
 * [0] = all, [d + 1] = dimension value d. Baskets are never kept.
 */
export class BasketStats {
  readonly products = new ProductDictionary();
  readonly pairs: PairCounter[];
  readonly revenue: DailyProductRevenue[];

  constructor(contextCount: number, days: PeriodIndex) {
    this.pairs = Array.from({ length: contextCount }, () => new PairCounter(this.products));
    this.revenue = Array.from({ length: contextCount }, () => new DailyProductRevenue(days));
  }

  add(order: PassOrder): void {
    if (order.basket.length === 0) return;
    const productIndices = order.basket.map((line) => this.products.indexOf(line.product));
    const contexts = order.dimensionIndex >= 0 ? [0, order.dimensionIndex + 1] : [0];
    for (const c of contexts) {
      this.pairs[c]!.addOrder(productIndices);
      for (const line of order.basket)
        this.revenue[c]!.addCents(order.timeMs, line.price_cents, line.quantity);
    }
  }
}
