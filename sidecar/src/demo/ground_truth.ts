import { DAY_MS, isoDay } from '../../../common/time';
import { dayLabel } from './calendar';
import { formatCents } from './format';
import type { DemoGenerator } from './generator';
import { DEMO_PARAMETERS } from './parameters';
import { PROMO_LIFT, PROMO_NULL } from './promotions';
import type { DemoTally } from './tally';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/**
 * ground-truth.json: every planted fact with its parameters and what the generator actually
 * produced, so analyses can be checked against the truth rather than against themselves.
 */
export function buildGroundTruth(generator: DemoGenerator, tally: DemoTally) {
  const { options, world, dimensions } = generator;
  const { calendar, catalogue, promotions } = world;
  const settings = DEMO_PARAMETERS;
  const dayOf = (day: number) => ({
    date: dayLabel(calendar, day),
    weekday: WEEKDAYS[(Math.floor((calendar.startMs + day * DAY_MS) / DAY_MS) + 3) % 7],
  });
  const lift = promotions.find((promotion) => promotion.id === PROMO_LIFT)!;
  return {
    generator: 'customer-analytics demo-data',
    seed: options.seed,
    period: {
      start: options.start,
      end: isoDay(options.endMs - DAY_MS),
      days: options.days,
      timezone: 'UTC',
    },
    files: {
      'customers.csv': tally.customers,
      'sessions.csv': tally.sessions,
      'products.csv': tally.basketLines,
    },
    customers: {
      count: tally.customers,
      never_active: tally.neverActive,
      signed_up: tally.signedUp,
      arrival: 'download dates spread over the whole period by weekday weight and hour profile',
      model: settings.customers,
      latent_summary: {
        sessions_per_day: tally.latent.sessionsPerDay.toJSON(),
        conversion: tally.latent.conversion.toJSON(),
        dropout_per_order: tally.latent.dropoutPerOrder.toJSON(),
        spend_level: tally.latent.spendLevel.toJSON(),
      },
      orders_per_buying_customer: tally.ordersPerCustomer.toJSON(),
    },
    sessions: {
      count: tally.sessions,
      orders: tally.orders,
      revenue: formatCents(tally.revenueCents),
      discount: formatCents(tally.discountCents),
      actions: settings.sessions,
      daily: Array.from({ length: options.days }, (_, day) => ({
        date: dayLabel(calendar, day),
        sessions: tally.dailySessions[day],
        orders: tally.dailyOrders[day],
      })),
    },
    seasonality: {
      weekend_uplift: settings.calendar.weekendUplift,
      weekend_days: ['Saturday', 'Sunday'],
      hour_of_day_shares: calendar.hourShares.map((share) => Math.round(share * 1e6) / 1e6),
    },
    spike_day: { ...dayOf(calendar.spikeDay), factor: settings.calendar.spikeFactor },
    outage_day: { ...dayOf(calendar.outageDay), factor: settings.calendar.outageFactor },
    products: {
      count: catalogue.products.length,
      categories: settings.products.categories.map((category) => category.name),
      zipf_exponent: settings.products.zipfExponent,
      planted_pairs: catalogue.plantedPairs.map(([a, b], i) => ({
        products: [a.name, b.name],
        categories: [a.category, b.category],
        popularity_ranks: [a.rank, b.rank],
        partner_probability: settings.products.pairProbability,
        orders_with_both: tally.pairOrders[i],
      })),
      top_products: catalogue.products.slice(0, 10).map((product) => ({
        product: product.name,
        category: product.category,
        price: formatCents(product.priceCents),
        popularity: Math.round(product.popularity * 1e6) / 1e6,
      })),
    },
    promotions: promotions.map((promotion) => ({
      id: promotion.id,
      discount_rate: promotion.discountRate,
      description: promotion.description,
      active_days: promotion.activeDays?.map((day) => dayLabel(calendar, day)) ?? null,
      orders: tally.promotionOrders.get(promotion.id) ?? 0,
      customers: tally.promotionCustomers.get(promotion.id) ?? 0,
    })),
    promo_lift: {
      id: lift.id,
      effect: lift.liftAfterFirstUse,
      window_days: settings.promotions.liftWindowDays,
      applies_to:
        "gross value of each user's orders in the window after their first use of the promotion (the first-use order itself excluded)",
    },
    promo_null: { id: PROMO_NULL, effect: 0 },
    dimensions: {
      column: 'dimension',
      values: dimensions.names,
      customer_weights: dimensions.weights,
      rule: "every session carries its customer's dimension",
      counts: Object.fromEntries(tally.byDimension),
    },
  };
}

export type GroundTruth = ReturnType<typeof buildGroundTruth>;
