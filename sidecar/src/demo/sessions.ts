import { DAY_MS } from '../../../common/time';
import { basketCents, fillBasket } from './basket';
import {
  dayIndex,
  intensityAt,
  timeAtIntensity,
  totalIntensity,
  type DemoCalendar,
} from './calendar';
import type { DemoCatalogue } from './catalogue';
import type { DemoCustomer } from './customers';
import { formatTimestamp } from './format';
import { DEMO_PARAMETERS } from './parameters';
import { choosePromotion, type DemoPromotion } from './promotions';
import { Random } from './random';

export interface DemoBasketLine {
  product: string;
  category: string;
  price: number;
  quantity: number;
}

/** One row of sessions.csv plus its basket (the rows of products.csv). */
export interface DemoSession {
  order_id: string;
  client: string;
  session_start: string;
  session_end: string;
  payment_amount: number;
  discount_amount: number;
  purchased: boolean;
  promotion_id: string | null;
  dimension: string;
  has_basket: boolean;
  order_screen: boolean;
  /** Empty unless purchased; Σ price × quantity = payment_amount + discount_amount. */
  basket: DemoBasketLine[];
  /** session_start as epoch milliseconds (whole seconds). */
  startMs: number;
}

export interface DemoWorld {
  seed: number;
  calendar: DemoCalendar;
  catalogue: DemoCatalogue;
  promotions: DemoPromotion[];
}

export function orderId(sequence: number): string {
  return `s${String(sequence).padStart(9, '0')}`;
}

/**
 * A customer's sessions in time order, from its own random stream (seed, 'sessions', index).
 * Visits are a Poisson process at the customer's rate in calendar-intensity time (seasonality,
 * spike and outage included); each visit converts with the customer's conversion probability;
 * after an order the customer drops out with its drop-out probability (BG/NBD), after a visit
 * without purchase with a small fixed one. `firstSequence` numbers the first session.
 */
export function generateSessions(
  world: DemoWorld,
  customer: DemoCustomer,
  firstSequence: number,
): DemoSession[] {
  const { latent } = customer;
  const { calendar } = world;
  const sessions: DemoSession[] = [];
  if (latent.neverActive) return sessions;
  const settings = DEMO_PARAMETERS;
  const random = Random.stream(world.seed, 'sessions', customer.index);
  const endIntensity = totalIntensity(calendar);

  let startMs =
    customer.downloadMs +
    random.exponential(1 / settings.customers.firstSessionMeanMinutes) * 60_000;
  let orders = 0;
  let liftFromMs = Number.POSITIVE_INFINITY;
  const liftWindowMs = settings.promotions.liftWindowDays * DAY_MS;
  for (;;) {
    if (startMs >= calendar.endMs) break;
    const wholeStartMs = Math.floor(startMs / 1000) * 1000;
    const purchased = random.bernoulli(latent.conversion);
    const session: DemoSession = {
      order_id: orderId(firstSequence + sessions.length),
      client: customer.client,
      session_start: formatTimestamp(wholeStartMs),
      session_end: '',
      payment_amount: 0,
      discount_amount: 0,
      purchased,
      promotion_id: null,
      dimension: customer.dimension,
      has_basket: purchased,
      order_screen: purchased,
      basket: [],
      startMs: wholeStartMs,
    };
    let minutes: number;
    if (purchased) {
      const lifted = wholeStartMs > liftFromMs && wholeStartMs <= liftFromMs + liftWindowMs;
      const promotion = addOrder(world, random, session, {
        firstOrder: orders === 0,
        audience: latent.audience,
        spendLevel: latent.spendLevel,
        lift: lifted ? settings.promotions.liftEffect : 0,
      });
      if (promotion?.liftAfterFirstUse && liftFromMs === Number.POSITIVE_INFINITY) {
        liftFromMs = wholeStartMs;
      }
      orders += 1;
      minutes =
        settings.sessions.purchaseMinutes.minimum +
        random.exponential(1 / settings.sessions.purchaseMinutes.mean);
    } else {
      session.has_basket = random.bernoulli(settings.sessions.basketWithoutPurchase);
      session.order_screen =
        session.has_basket && random.bernoulli(settings.sessions.orderScreenWithoutPurchase);
      minutes =
        settings.sessions.browseMinutes.minimum +
        random.exponential(1 / settings.sessions.browseMinutes.mean);
    }
    session.session_end = formatTimestamp(wholeStartMs + Math.round(minutes * 60_000));
    sessions.push(session);

    const dropout = purchased ? latent.dropoutPerOrder : settings.customers.dropoutPerVisit;
    if (random.bernoulli(dropout)) break;
    const next = intensityAt(calendar, startMs) + random.exponential(latent.sessionsPerDay);
    if (next >= endIntensity) break;
    startMs = timeAtIntensity(calendar, next);
  }
  return sessions;
}

/**
 * Turns a session into an order: promotion, basket towards the customer's spend level (topped up
 * inside promo_lift's window), discount on the basket value, amount paid = basket − discount.
 */
function addOrder(
  world: DemoWorld,
  random: Random,
  session: DemoSession,
  order: { firstOrder: boolean; audience: 'a' | 'b'; spendLevel: number; lift: number },
): DemoPromotion | null {
  const { calendar, catalogue, promotions } = world;
  const valueShape = DEMO_PARAMETERS.customers.orderValueShape;
  const promotion = choosePromotion(
    promotions,
    random,
    calendar,
    dayIndex(calendar, session.startMs),
    order,
  );
  const targetCents = Math.round(order.spendLevel * random.gamma(valueShape, 1 / valueShape) * 100);
  const drafts = fillBasket(catalogue, random, targetCents);
  // The lift tops the basket up by lift × its own value (in expectation), so lifted orders are
  // worth exactly (1 + lift) × what they would have been — small baskets included.
  if (order.lift > 0) {
    fillBasket(catalogue, random, Math.round(basketCents(catalogue, drafts) * order.lift), drafts);
  }
  const grossCents = basketCents(catalogue, drafts);
  const discountCents = promotion ? Math.round(grossCents * promotion.discountRate) : 0;
  session.promotion_id = promotion?.id ?? null;
  session.discount_amount = discountCents / 100;
  session.payment_amount = (grossCents - discountCents) / 100;
  session.basket = drafts.map((draft) => {
    const product = catalogue.products[draft.product]!;
    return {
      product: product.name,
      category: product.category,
      price: product.priceCents / 100,
      quantity: draft.quantity,
    };
  });
  return promotion;
}
