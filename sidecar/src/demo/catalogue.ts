import { DEMO_PARAMETERS } from './parameters';
import { Random, cumulativeSums } from './random';

export interface DemoProduct {
  /** 1 = most popular. */
  rank: number;
  name: string;
  category: string;
  priceCents: number;
  /** Share of draws that pick this product (Zipf). */
  popularity: number;
  /** Index of the planted partner, or -1. */
  partner: number;
}

export interface DemoCatalogue {
  /** Indexed by rank − 1. */
  products: DemoProduct[];
  popularityCumulative: Float64Array;
  plantedPairs: Array<[DemoProduct, DemoProduct]>;
}

/**
 * ~200 products over 10 categories with Zipf popularity. Categories are dealt to popularity ranks
 * at random, so every category has popular and rare products. Names read like SKUs
 * (`books-007`), numbered within their category.
 */
export function buildCatalogue(seed: number): DemoCatalogue {
  const settings = DEMO_PARAMETERS.products;
  const random = Random.stream(seed, 'catalogue');
  const categoryOfRank = Array.from(
    { length: settings.count },
    (_, rank) => rank % settings.categories.length,
  );
  const dealt = random.shuffled(categoryOfRank);
  const perCategory = new Array<number>(settings.categories.length).fill(0);
  const weights = dealt.map((_, rank) => 1 / Math.pow(rank + 1, settings.zipfExponent));
  const totalWeight = weights.reduce((sum, weight) => sum + weight, 0);

  const products: DemoProduct[] = dealt.map((categoryIndex, index) => {
    const category = settings.categories[categoryIndex]!;
    perCategory[categoryIndex]! += 1;
    const price = category.medianPrice * Math.exp(settings.priceSigma * random.normal());
    return {
      rank: index + 1,
      name: `${category.name}-${String(perCategory[categoryIndex]).padStart(3, '0')}`,
      category: category.name,
      // Shop prices end in .99 (at least 0.99).
      priceCents: Math.max(1, Math.round(price)) * 100 - 1,
      popularity: weights[index]! / totalWeight,
      partner: -1,
    };
  });

  const plantedPairs = settings.plantedPairRanks.map(([rankA, rankB]) => {
    const a = products[rankA - 1]!;
    const b = products[rankB - 1]!;
    a.partner = rankB - 1;
    b.partner = rankA - 1;
    return [a, b] as [DemoProduct, DemoProduct];
  });
  return { products, popularityCumulative: cumulativeSums(weights), plantedPairs };
}
