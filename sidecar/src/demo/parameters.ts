/**
 * Every knob of the synthetic world in one place. `ground-truth.json` copies these, so an
 * analysis can be checked against what was planted. Rates are per day, amounts in currency units.
 */
export const DEMO_PARAMETERS = {
  calendar: {
    /** Saturday and Sunday session intensity relative to a weekday. */
    weekendUplift: 1.4,
    /** Session intensity of the spike day and the outage day relative to their usual weekday. */
    spikeFactor: 3,
    outageFactor: 0.2,
    /**
     * Relative session intensity by UTC hour of day (normalised to shares): quiet nights, a lunch
     * peak and an evening peak.
     */
    hourProfile: [
      1.0, 0.6, 0.4, 0.3, 0.3, 0.5, 1.0, 2.0, 3.0, 3.5, 4.0, 4.5, 5.5, 5.5, 4.5, 4.0, 4.0, 4.5, 5.5,
      6.5, 7.0, 6.0, 4.0, 2.0,
    ],
  },
  customers: {
    /** Share of customers who download and never open a session. */
    neverActiveShare: 0.08,
    /** Share who sign up at all; of those, the share who sign up within minutes of downloading. */
    signupShare: 0.7,
    signupImmediateShare: 0.4,
    signupImmediateMeanMinutes: 20,
    signupLaterMeanDays: 3,
    /** Sessions per day ~ Gamma(shape, scale): heterogeneous visit rates (the NBD part). */
    sessionRate: { shape: 1.5, scale: 0.3 },
    /** P(a session ends in a purchase) ~ Beta(alpha, beta). */
    conversion: { alpha: 2.5, beta: 5 },
    /** P(becoming inactive after an order) ~ Beta(alpha, beta) (the BG part). */
    dropoutPerOrder: { alpha: 1.2, beta: 9 },
    /** P(becoming inactive after a session without purchase), the same for everyone. */
    dropoutPerVisit: 0.02,
    /** Mean gross order value ~ Gamma(shape, scale) per customer (the Gamma–Gamma part). */
    spendLevel: { shape: 4, scale: 16 },
    /** Each order's gross value = spend level × Gamma(shape, 1/shape) (mean 1). */
    orderValueShape: 8,
    /** Minutes from download to the first session ~ Exponential(mean). */
    firstSessionMeanMinutes: 30,
  },
  sessions: {
    /** Browsing sessions (no purchase) that still put something in the basket. */
    basketWithoutPurchase: 0.35,
    /** Of those, the share that reached the order screen. */
    orderScreenWithoutPurchase: 0.4,
    /** Session length: a minimum plus Exponential(mean), in minutes. */
    purchaseMinutes: { minimum: 3, mean: 9 },
    browseMinutes: { minimum: 0.5, mean: 4 },
  },
  products: {
    count: 200,
    /** Popularity of the product at rank r ∝ 1 / r^exponent. */
    zipfExponent: 1.0,
    /** Median unit price per category; each product's price = median × LogNormal(0, sigma). */
    categories: [
      { name: 'books', medianPrice: 12 },
      { name: 'music', medianPrice: 9 },
      { name: 'grocery', medianPrice: 5 },
      { name: 'beauty', medianPrice: 14 },
      { name: 'toys', medianPrice: 18 },
      { name: 'fashion', medianPrice: 30 },
      { name: 'sports', medianPrice: 32 },
      { name: 'home', medianPrice: 24 },
      { name: 'garden', medianPrice: 20 },
      { name: 'electronics', medianPrice: 55 },
    ],
    priceSigma: 0.4,
    /** Quantity of a line: 1, 2 or 3 with these probabilities. */
    quantityShares: [0.8, 0.15, 0.05],
    /** Baskets stop growing at this many distinct lines. */
    maxLines: 40,
    /**
     * Popularity ranks (1 = most popular) of the three planted pairs. Each pairs a top product
     * with a rare partner that follows it 90 % of the time, so the pairs lead the "orders with
     * both" report (chance pairs of top products cannot catch up) and their lift is far above 1.
     */
    plantedPairRanks: [
      [1, 60],
      [2, 80],
      [3, 100],
    ],
    /** When one product of a planted pair is added, its partner follows with this probability. */
    pairProbability: 0.9,
  },
  promotions: {
    /** P(an order that is not the customer's first uses a promotion). */
    usageShare: 0.25,
    /** P(a first order uses the welcome promotion). */
    welcomeShare: 0.3,
    /** The lifted promotion's effect on its users' gross order value, and for how long. */
    liftEffect: 0.25,
    liftWindowDays: 7,
    /**
     * promo_lift and promo_null go to disjoint audiences (a and b), as a campaign test would, so
     * no promo_null user's windows are touched by promo_lift's effect.
     */
    audienceAShare: 0.5,
    /** The flash sale runs for this many days, starting at this fraction of the period. */
    flashDays: 5,
    flashStartFraction: 0.15,
  },
  dimensions: {
    prefix: 'location_',
    /** Customer shares by number of dimension values; more values decay geometrically. */
    weightsByCount: { 1: [1], 2: [0.6, 0.4], 3: [0.5, 0.3, 0.2] } as Record<number, number[]>,
    geometricRatio: 0.6,
  },
} as const;

export type DemoParameters = typeof DEMO_PARAMETERS;
