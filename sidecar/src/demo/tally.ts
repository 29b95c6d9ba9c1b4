import { dayIndex } from './calendar';
import type { DemoCustomerBlock, DemoGenerator } from './generator';

/** Streaming mean / standard deviation / range (Welford), for the latent-parameter summaries. */
export class RunningSummary {
  count = 0;
  mean = 0;
  private m2 = 0;
  min = Number.POSITIVE_INFINITY;
  max = Number.NEGATIVE_INFINITY;

  add(value: number): void {
    this.count += 1;
    const delta = value - this.mean;
    this.mean += delta / this.count;
    this.m2 += delta * (value - this.mean);
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
  }

  toJSON(): { count: number; mean: number; sd: number; min: number; max: number } {
    const sd = this.count > 1 ? Math.sqrt(this.m2 / (this.count - 1)) : 0;
    return {
      count: this.count,
      mean: round(this.mean),
      sd: round(sd),
      min: this.count ? round(this.min) : 0,
      max: this.count ? round(this.max) : 0,
    };
  }
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

export interface PerValue {
  customers: number;
  sessions: number;
  orders: number;
}

/**
 * What was actually generated, counted as blocks stream past (constant memory: per-day and
 * per-value counters only). The ground truth reports these next to the parameters.
 */
export class DemoTally {
  customers = 0;
  neverActive = 0;
  signedUp = 0;
  sessions = 0;
  orders = 0;
  basketLines = 0;
  revenueCents = 0;
  discountCents = 0;
  readonly dailySessions: Float64Array;
  readonly dailyOrders: Float64Array;
  readonly byDimension = new Map<string, PerValue>();
  readonly promotionOrders = new Map<string, number>();
  readonly promotionCustomers = new Map<string, number>();
  readonly pairOrders: number[];
  readonly latent = {
    sessionsPerDay: new RunningSummary(),
    conversion: new RunningSummary(),
    dropoutPerOrder: new RunningSummary(),
    spendLevel: new RunningSummary(),
  };
  readonly ordersPerCustomer = new RunningSummary();

  constructor(private readonly generator: DemoGenerator) {
    const days = generator.options.days;
    this.dailySessions = new Float64Array(days);
    this.dailyOrders = new Float64Array(days);
    this.pairOrders = generator.world.catalogue.plantedPairs.map(() => 0);
    for (const name of generator.dimensions.names) {
      this.byDimension.set(name, { customers: 0, sessions: 0, orders: 0 });
    }
  }

  add(block: DemoCustomerBlock): void {
    const { customer, sessions } = block;
    const { calendar, catalogue } = this.generator.world;
    this.customers += 1;
    if (customer.latent.neverActive) this.neverActive += 1;
    if (customer.signup_date !== null) this.signedUp += 1;
    for (const [name, summary] of Object.entries(this.latent)) {
      summary.add(customer.latent[name as keyof typeof this.latent]);
    }
    const perValue = this.byDimension.get(customer.dimension)!;
    perValue.customers += 1;
    const promotionsUsed = new Set<string>();
    let customerOrders = 0;
    for (const session of sessions) {
      const day = dayIndex(calendar, session.startMs);
      this.sessions += 1;
      perValue.sessions += 1;
      this.dailySessions[day]! += 1;
      if (!session.purchased) continue;
      customerOrders += 1;
      this.orders += 1;
      perValue.orders += 1;
      this.dailyOrders[day]! += 1;
      this.basketLines += session.basket.length;
      this.revenueCents += Math.round(session.payment_amount * 100);
      this.discountCents += Math.round(session.discount_amount * 100);
      if (session.promotion_id) {
        const id = session.promotion_id;
        this.promotionOrders.set(id, (this.promotionOrders.get(id) ?? 0) + 1);
        promotionsUsed.add(id);
      }
      catalogue.plantedPairs.forEach(([a, b], i) => {
        const products = session.basket.map((line) => line.product);
        if (products.includes(a.name) && products.includes(b.name)) this.pairOrders[i]! += 1;
      });
    }
    if (customerOrders > 0) this.ordersPerCustomer.add(customerOrders);
    for (const id of promotionsUsed) {
      this.promotionCustomers.set(id, (this.promotionCustomers.get(id) ?? 0) + 1);
    }
  }
}
