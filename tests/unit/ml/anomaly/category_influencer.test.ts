import { describe, expect, it } from 'vitest';
import type { PassOrders } from '../../../../sidecar/src/analyses/order_sequences';
import { dailyCandidates, influencerOf } from '../../../../sidecar/src/ml/anomaly/influencer';

const DAY_MS = 86_400_000;
const FIRST_DAY_MS = Date.UTC(2026, 0, 5);
const DAYS = 35;
const PLANTED_DAY = 33;

/**
 * One customer sequence per order is enough here: candidates read only the rows' day, dimension,
 * promotion and products. Every day: 10 orders, 5 in north and 5 in south, each with one shoe
 * (Shoes) and one hat (Hats); the planted day adds 8 orders of two socks each (Socks, 4 north,
 * 4 south), so Socks moves by 8, each dimension value by 4, Shoes and Hats not at all.
 */
function shop(): PassOrders {
  const rows: { day: number; dimension: number; products: number[] }[] = [];
  for (let day = 0; day < DAYS; day++) {
    for (let i = 0; i < 10; i++) rows.push({ day, dimension: i % 2, products: [0, 1] });
    if (day === PLANTED_DAY) {
      for (let i = 0; i < 8; i++) rows.push({ day, dimension: i % 2, products: [2, 2] });
    }
  }
  const productOffsets = new Int32Array(rows.length + 1);
  rows.forEach((row, r) => (productOffsets[r + 1] = productOffsets[r]! + row.products.length));
  return {
    customer: Int32Array.from(rows, (_, r) => r),
    offsets: Int32Array.from({ length: rows.length + 1 }, (_, r) => r),
    timeMs: Float64Array.from(rows, (row) => FIRST_DAY_MS + row.day * DAY_MS + 3_600_000),
    amount: new Float64Array(rows.length).fill(10),
    dimension: Int32Array.from(rows, (row) => row.dimension),
    items: {
      promotionNames: [],
      promotion: new Int32Array(rows.length).fill(-1),
      productNames: ['shoe', 'hat', 'sock'],
      productOffsets,
      product: Int32Array.from(rows.flatMap((row) => row.products)),
    },
  };
}

const CATEGORY_OF = new Map([
  ['shoe', 'Shoes'],
  ['hat', 'Hats'],
  ['sock', 'Socks'],
]);

describe('category influencers', () => {
  it('count an order once per category of its basket, per day', () => {
    const candidates = dailyCandidates(
      shop(),
      -1,
      ['north', 'south'],
      FIRST_DAY_MS,
      DAYS,
      CATEGORY_OF,
    );
    const daily = (name: string) => candidates.find((c) => c.name === name)!.daily;
    expect(candidates.map((c) => `${c.kind}:${c.name}`)).toEqual([
      'dimension:north',
      'dimension:south',
      'category:Shoes',
      'category:Hats',
      'category:Socks',
    ]);
    expect([daily('Shoes')[0], daily('Hats')[0], daily('Socks')[0]]).toEqual([10, 10, 0]);
    expect([daily('Socks')[PLANTED_DAY], daily('north')[PLANTED_DAY]]).toEqual([8, 9]);
  });

  it('name the category whose orders moved most on a high day', () => {
    const candidates = dailyCandidates(
      shop(),
      -1,
      ['north', 'south'],
      FIRST_DAY_MS,
      DAYS,
      CATEGORY_OF,
    );
    const excluded = new Array<boolean>(DAYS).fill(false);
    expect(influencerOf(candidates, PLANTED_DAY, +1, excluded)).toEqual({
      influencer_kind: 'category',
      influencer: 'Socks',
    });
  });

  it('without a category map there are no category candidates', () => {
    const candidates = dailyCandidates(shop(), -1, ['north', 'south'], FIRST_DAY_MS, DAYS);
    expect(candidates.every((c) => c.kind === 'dimension')).toBe(true);
  });
});
