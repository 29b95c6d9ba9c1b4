import { DAY_MS } from '../../../common/time';
import { weekdayOf, type DemoCalendar } from './calendar';
import { DEMO_PARAMETERS } from './parameters';
import type { Random } from './random';

export const PROMO_LIFT = 'promo_lift';
export const PROMO_NULL = 'promo_null';
export const PROMO_WELCOME = 'welcome_15';
export const PROMO_WEEKEND = 'weekend_5';
export const PROMO_FLASH = 'flash_20';

export interface DemoPromotion {
  id: string;
  /** Share of the basket value given back. */
  discountRate: number;
  /** Relative chance among the promotions an order may use. */
  weight: number;
  /** Effect on the user's gross order value in the window after first use (0 = none). */
  liftAfterFirstUse: number;
  description: string;
  /** Inclusive day range in which it can be used (null = the whole period). */
  activeDays: [number, number] | null;
  weekendOnly: boolean;
  firstOrderOnly: boolean;
  /** Offered only to customers of this audience (null = everyone). */
  audience: 'a' | 'b' | null;
}

export function buildPromotions(calendar: DemoCalendar): DemoPromotion[] {
  const settings = DEMO_PARAMETERS.promotions;
  const flashStart = Math.floor(calendar.days * settings.flashStartFraction);
  const base = {
    activeDays: null,
    weekendOnly: false,
    firstOrderOnly: false,
    liftAfterFirstUse: 0,
    audience: null,
  };
  return [
    {
      ...base,
      id: PROMO_LIFT,
      discountRate: 0.1,
      weight: 1,
      liftAfterFirstUse: settings.liftEffect,
      audience: 'a',
      description: `10% off for audience a; its users spend +${settings.liftEffect * 100}% per order in the ${settings.liftWindowDays} days after first use`,
    },
    {
      ...base,
      id: PROMO_NULL,
      discountRate: 0.1,
      weight: 1,
      audience: 'b',
      description: '10% off for audience b; no effect on later spend',
    },
    {
      ...base,
      id: PROMO_WELCOME,
      discountRate: 0.15,
      weight: 1,
      firstOrderOnly: true,
      description: "15% off the customer's first order",
    },
    {
      ...base,
      id: PROMO_WEEKEND,
      discountRate: 0.05,
      weight: 1,
      weekendOnly: true,
      description: '5% off on Saturdays and Sundays',
    },
    {
      ...base,
      id: PROMO_FLASH,
      discountRate: 0.2,
      weight: 2,
      activeDays: [flashStart, flashStart + settings.flashDays - 1],
      description: `20% off during a ${settings.flashDays}-day flash sale`,
    },
  ];
}

/**
 * The promotion an order uses, or null. First orders may take the welcome offer; later orders use
 * a promotion with a fixed probability, chosen by weight among those valid that day and offered
 * to the customer's audience.
 */
export function choosePromotion(
  promotions: readonly DemoPromotion[],
  random: Random,
  calendar: DemoCalendar,
  day: number,
  customer: { firstOrder: boolean; audience: 'a' | 'b' },
): DemoPromotion | null {
  const settings = DEMO_PARAMETERS.promotions;
  if (customer.firstOrder) {
    const welcome = promotions.find((promotion) => promotion.firstOrderOnly);
    return welcome && random.bernoulli(settings.welcomeShare) ? welcome : null;
  }
  if (!random.bernoulli(settings.usageShare)) return null;
  const weekend = weekdayOf(calendar.startMs + day * DAY_MS) >= 5;
  let total = 0;
  const eligible: DemoPromotion[] = [];
  for (const promotion of promotions) {
    if (promotion.firstOrderOnly) continue;
    if (promotion.audience && promotion.audience !== customer.audience) continue;
    if (promotion.weekendOnly && !weekend) continue;
    if (promotion.activeDays && (day < promotion.activeDays[0] || day > promotion.activeDays[1])) {
      continue;
    }
    eligible.push(promotion);
    total += promotion.weight;
  }
  let target = random.uniform() * total;
  for (const promotion of eligible) {
    target -= promotion.weight;
    if (target < 0) return promotion;
  }
  return eligible[eligible.length - 1] ?? null;
}
