import type {
  ProductPairRow,
  ProductRevenueRow,
  TopTermRow,
} from '../../../common/reports/products';
import type { PeriodIndex } from './periods';

export const DEFAULT_TOP_N = 50;

/** Pair keys are two product indices packed into one safe integer: up to 2^26 products. */
const PAIR_SHIFT = 2 ** 26;

/**
 * Counts orders per unordered product pair while orders stream past, so no basket is kept:
 * memory is one map entry per distinct pair that occurred, keyed by two dictionary indices.
 */
export class PairCounter {
  private readonly counts = new Map<number, number>();

  constructor(private readonly products: ProductDictionary) {}

  /** One order: products may repeat across lines; a pair counts once per order. */
  addOrder(productIndices: readonly number[]): void {
    const distinct = [...new Set(productIndices)].sort((a, b) => a - b);
    for (let i = 0; i < distinct.length; i++) {
      for (let j = i + 1; j < distinct.length; j++) {
        const key = distinct[i]! * PAIR_SHIFT + distinct[j]!;
        this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
      }
    }
  }

  /** Top N by orders, ties by product names so reruns give the same list. */
  top(n: number): ProductPairRow[] {
    return [...this.counts]
      .map(([key, orders]) => {
        const a = this.products.name(Math.floor(key / PAIR_SHIFT));
        const b = this.products.name(key % PAIR_SHIFT);
        const [first, second] = a < b ? [a, b] : [b, a];
        return { first, second, orders };
      })
      .sort(
        (x, y) =>
          y.orders - x.orders || x.first.localeCompare(y.first) || x.second.localeCompare(y.second),
      )
      .slice(0, n)
      .map((pair, i) => ({ rank: i + 1, ...pair }));
  }
}

export class ProductDictionary {
  private readonly index = new Map<string, number>();
  private readonly names: string[] = [];

  indexOf(product: string): number {
    let i = this.index.get(product);
    if (i === undefined) {
      i = this.names.length;
      if (i >= PAIR_SHIFT) throw new Error(`more than ${PAIR_SHIFT} distinct products`);
      this.index.set(product, i);
      this.names.push(product);
    }
    return i;
  }

  name(i: number): string {
    return this.names[i]!;
  }
}

/** Σ unit price × quantity of basket lines, per day of the range. */
export class DailyProductRevenue {
  /** Integer cents per day: exact sums, the same whatever order the lines come in. */
  private readonly revenueCents: Float64Array;

  constructor(private readonly days: PeriodIndex) {
    this.revenueCents = new Float64Array(days.starts.length);
  }

  /** One basket line, price in integer cents; rounded to whole cents (quantities may be fractional). */
  addCents(timeMs: number, priceCents: number, quantity: number): void {
    const i = this.days.indexOf(timeMs);
    if (i >= 0) this.revenueCents[i]! += Math.round(priceCents * quantity);
  }

  /** One basket line, price in currency units. */
  add(timeMs: number, price: number, quantity: number): void {
    this.addCents(timeMs, Math.round(price * 100), quantity);
  }

  rows(): ProductRevenueRow[] {
    return this.days.starts.map((_, i) => ({
      period: this.days.label(i),
      revenue: this.revenueCents[i]! / 100,
    }));
  }
}

/** A terms bucket: the term, orders containing it, units sold. */
export interface TermCount {
  name: string;
  orders: number;
  quantity: number;
}

export function topTermRows(terms: readonly TermCount[], n: number): TopTermRow[] {
  return [...terms]
    .sort((a, b) => b.orders - a.orders || a.name.localeCompare(b.name))
    .slice(0, n)
    .map((term, i) => ({ rank: i + 1, ...term }));
}
