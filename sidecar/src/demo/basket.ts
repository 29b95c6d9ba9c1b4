import type { DemoCatalogue } from './catalogue';
import { DEMO_PARAMETERS } from './parameters';
import type { Random } from './random';

/** One basket line before it is written: the product's index in the catalogue. */
export interface BasketDraft {
  product: number;
  quantity: number;
}

/**
 * Adds products to `lines` worth about `targetCents` more. Products come by Zipf popularity; a
 * planted pair's partner follows its mate with the pair probability. The step that would cross
 * the target is kept with probability (remaining / step value), which makes the expected added
 * value equal to the target exactly (see below for the first line of an empty basket).
 */
export function fillBasket(
  catalogue: DemoCatalogue,
  random: Random,
  targetCents: number,
  lines: BasketDraft[] = [],
): BasketDraft[] {
  const { maxLines } = DEMO_PARAMETERS.products;
  let totalCents = 0;
  if (lines.length === 0) {
    // A basket is never empty: the first step is chosen among a few draws for one that fits the
    // target (small spenders pick cheap things), or the cheapest when none does. Only in that
    // last case does the basket exceed its target on average.
    let first = drawStep(catalogue, random);
    for (
      let attempt = 1;
      first.cents > targetCents && attempt < FIRST_STEP_ATTEMPTS;
      attempt += 1
    ) {
      const another = drawStep(catalogue, random);
      if (another.cents < first.cents) first = another;
    }
    for (const line of first.lines) addLine(lines, line);
    totalCents += first.cents;
    if (first.cents >= targetCents) return lines;
  }
  while (lines.length < maxLines) {
    const step = drawStep(catalogue, random);
    const remaining = targetCents - totalCents;
    const crossing = step.cents > remaining;
    if (crossing && !random.bernoulli(remaining / step.cents)) break;
    for (const line of step.lines) addLine(lines, line);
    totalCents += step.cents;
    if (crossing) break;
  }
  return lines;
}

const FIRST_STEP_ATTEMPTS = 8;

/** One product by popularity (with its planted partner, sometimes) and its value in cents. */
function drawStep(
  catalogue: DemoCatalogue,
  random: Random,
): { lines: BasketDraft[]; cents: number } {
  const product = random.pickCumulative(catalogue.popularityCumulative);
  const lines = [{ product, quantity: drawQuantity(random) }];
  const partner = catalogue.products[product]!.partner;
  if (partner >= 0 && random.bernoulli(DEMO_PARAMETERS.products.pairProbability)) {
    lines.push({ product: partner, quantity: 1 });
  }
  return { lines, cents: basketCents(catalogue, lines) };
}

/** Quantities 1, 2 or 3; a product drawn twice adds to its line instead of a second line. */
function drawQuantity(random: Random): number {
  const shares = DEMO_PARAMETERS.products.quantityShares;
  let u = random.uniform();
  for (let i = 0; i < shares.length; i += 1) {
    u -= shares[i]!;
    if (u < 0) return i + 1;
  }
  return shares.length;
}

function addLine(lines: BasketDraft[], line: BasketDraft): void {
  const existing = lines.find((candidate) => candidate.product === line.product);
  if (existing) existing.quantity += line.quantity;
  else lines.push({ ...line });
}

export function basketCents(catalogue: DemoCatalogue, lines: readonly BasketDraft[]): number {
  let total = 0;
  for (const line of lines) total += catalogue.products[line.product]!.priceCents * line.quantity;
  return total;
}
