import { DAY_MS } from '../../../../common/time';
import type { InfluencerKind } from '../../../../common/reports/anomalies';
import type { PassOrders } from '../../analyses/order_sequences';
import { BASELINE_WEEKS } from './weekday_baseline';

/** A dimension value or promotion with its own daily orders. */
export interface Candidate {
  kind: InfluencerKind;
  name: string;
  daily: Float64Array;
}

export interface Influencer {
  influencer_kind: InfluencerKind | null;
  influencer: string | null;
}

export const NO_INFLUENCER: Influencer = { influencer_kind: null, influencer: null };

/** Each product of the pass's dictionary as an index into `names` (−1: no known category). */
interface CategoryIndex {
  names: string[];
  ofProduct: Int32Array;
}

function categoryIndex(
  productNames: readonly string[],
  categoryOf: ReadonlyMap<string, string>,
): CategoryIndex {
  const names: string[] = [];
  const index = new Map<string, number>();
  const ofProduct = Int32Array.from(productNames, (product) => {
    const category = categoryOf.get(product);
    if (category === undefined) return -1;
    if (!index.has(category)) index.set(category, names.push(category) - 1);
    return index.get(category)!;
  });
  return { names, ofProduct };
}

/**
 * The daily orders of every candidate of one context, in one walk over the pass's rows: each
 * dimension value (in `all` only, `dimensionIndex` < 0), each promotion, and each product category
 * (`categoryOf`: product → category; an order counts once per category in its basket).
 */
export function dailyCandidates(
  pass: PassOrders,
  dimensionIndex: number,
  dimensionNames: readonly string[],
  firstDayMs: number,
  dayCount: number,
  categoryOf: ReadonlyMap<string, string> = new Map(),
): Candidate[] {
  const inAll = dimensionIndex < 0;
  const byDimension = inAll ? dimensionNames.map(() => new Float64Array(dayCount)) : [];
  const items = pass.items;
  const byPromotion = (items?.promotionNames ?? []).map(() => new Float64Array(dayCount));
  const categories = categoryIndex(items?.productNames ?? [], categoryOf);
  const byCategory = categories.names.map(() => new Float64Array(dayCount));
  // The last row each category was counted for: a basket's second shoe is not a second order.
  const countedRow = new Int32Array(categories.names.length).fill(-1);
  for (let row = 0; row < pass.timeMs.length; row++) {
    const dimension = pass.dimension[row]!;
    if (!inAll && dimension !== dimensionIndex) continue;
    const day = Math.floor((pass.timeMs[row]! - firstDayMs) / DAY_MS);
    if (day < 0 || day >= dayCount) continue;
    if (inAll && dimension >= 0) byDimension[dimension]![day]!++;
    if (!items) continue;
    const promotion = items.promotion[row]!;
    if (promotion >= 0) byPromotion[promotion]![day]!++;
    for (let k = items.productOffsets[row]!; k < items.productOffsets[row + 1]!; k++) {
      const category = categories.ofProduct[items.product[k]!]!;
      if (category < 0 || countedRow[category] === row) continue;
      countedRow[category] = row;
      byCategory[category]![day]!++;
    }
  }
  const named =
    (kind: InfluencerKind, names: readonly string[]) => (daily: Float64Array, i: number) => ({
      kind,
      name: names[i]!,
      daily,
    });
  return [
    ...byDimension.map(named('dimension', dimensionNames)),
    ...byPromotion.map(named('promotion', items?.promotionNames ?? [])),
    ...byCategory.map(named('category', categories.names)),
  ];
}

/** A candidate's typical day: its mean over the previous 4 same weekdays not excluded. */
function candidateTypical(daily: Float64Array, day: number, excluded: readonly boolean[]): number {
  let sum = 0;
  let count = 0;
  for (let week = 1; week <= BASELINE_WEEKS; week++) {
    const earlier = day - 7 * week;
    if (earlier < 0 || excluded[earlier]) continue;
    sum += daily[earlier]!;
    count++;
  }
  return count ? sum / count : 0;
}

/**
 * The influencer of an anomalous day: the candidate whose orders moved furthest from their own
 * typical value (the same-weekday baseline of the orders series) in the direction of the day's
 * deviation (`direction` > 0: the day is high). Orders of a dimension value and of a promotion
 * are both counts of the same orders, so the largest move explains most of the day's deviation.
 * None when no candidate moved that way.
 */
export function influencerOf(
  candidates: readonly Candidate[],
  day: number,
  direction: number,
  excluded: readonly boolean[],
): Influencer {
  let best: Candidate | null = null;
  let bestMove = 0;
  for (const candidate of candidates) {
    const move =
      (candidate.daily[day]! - candidateTypical(candidate.daily, day, excluded)) *
      Math.sign(direction);
    if (move > bestMove) {
      best = candidate;
      bestMove = move;
    }
  }
  return best ? { influencer_kind: best.kind, influencer: best.name } : NO_INFLUENCER;
}
