/**
 * The two segment schemes of RFM segmentation (../../shared/ANALYSES.md, "Segmentation"): the rule
 * table over k-means ranks and the quintile R×F map. Both live here so the sidecar that assigns
 * segments and the dashboard that explains them read the same table.
 */

/** An inclusive range of ranks 1–5. */
export interface RankRange {
  min: number;
  max: number;
}

export interface SegmentRule {
  segment: KmeansSegment;
  r: RankRange;
  f: RankRange;
  m: RankRange;
}

export const KMEANS_SEGMENTS = [
  'Champions',
  'Loyal Customers',
  'Potential Loyalist',
  'Need Attention',
  "Can't Lose Them",
  'At Risk',
  'Lost',
  'Newcomers',
] as const;
export type KmeansSegment = (typeof KMEANS_SEGMENTS)[number];

const ANY: RankRange = { min: 1, max: 5 };
const atLeast = (min: number): RankRange => ({ min, max: 5 });
const atMost = (max: number): RankRange => ({ min: 1, max });

/**
 * Ranks 1–5 of each metric's k-means clusters, 5 best (most recent, shortest gap between orders,
 * highest spend). First match wins; the last rule catches every r ≤ 2, and r ≥ 4 / r = 3 are
 * caught by Potential Loyalist / Need Attention, so every (r, f, m) gets exactly one segment.
 */
export const SEGMENT_RULES: readonly SegmentRule[] = [
  { segment: 'Champions', r: atLeast(4), f: atLeast(4), m: atLeast(4) },
  { segment: 'Loyal Customers', r: atLeast(3), f: atLeast(4), m: ANY },
  { segment: 'Potential Loyalist', r: atLeast(4), f: ANY, m: ANY },
  { segment: 'Need Attention', r: { min: 3, max: 3 }, f: ANY, m: ANY },
  { segment: "Can't Lose Them", r: atMost(2), f: atLeast(4), m: atLeast(4) },
  { segment: 'At Risk', r: atMost(2), f: atLeast(3), m: ANY },
  { segment: 'Lost', r: atMost(2), f: ANY, m: ANY },
];

/** One-order customers have no frequency: Newcomers when that order is this recent, else Lost. */
export const NEWCOMER_WINDOW_DAYS = 30;

const inRange = (rank: number, range: RankRange) => rank >= range.min && rank <= range.max;

/** The segment of ranks (r, f, m), each 1–5: the first rule that holds. */
export function segmentOfRanks(r: number, f: number, m: number): KmeansSegment {
  for (const rule of SEGMENT_RULES) {
    if (inRange(r, rule.r) && inRange(f, rule.f) && inRange(m, rule.m)) return rule.segment;
  }
  throw new Error(`ranks (r ${r}, f ${f}, m ${m}) are outside 1–5: no segment rule holds`);
}

/** A customer with exactly one order, `recencyDays` after it. */
export function singleOrderSegment(recencyDays: number): KmeansSegment {
  return recencyDays <= NEWCOMER_WINDOW_DAYS ? 'Newcomers' : 'Lost';
}

/** A rule as people read it: "r ≥ 4, f ≥ 4, m ≥ 4"; ranges covering 1–5 are left out. */
export function describeRule(rule: SegmentRule): string {
  const parts: string[] = [];
  for (const [name, range] of [
    ['r', rule.r],
    ['f', rule.f],
    ['m', rule.m],
  ] as const) {
    if (range.min === 1 && range.max === 5) continue;
    if (range.min === range.max) parts.push(`${name} = ${range.min}`);
    else if (range.max === 5) parts.push(`${name} ≥ ${range.min}`);
    else if (range.min === 1) parts.push(`${name} ≤ ${range.max}`);
    else parts.push(`${range.min} ≤ ${name} ≤ ${range.max}`);
  }
  return parts.join(', ');
}

export const QUINTILE_SEGMENTS = [
  'Champions',
  'Loyal',
  'Potential Loyalists',
  'New',
  'Promising',
  'Need Attention',
  'About to Sleep',
  "Can't Lose",
  'At Risk',
  'Hibernating',
] as const;
export type QuintileSegment = (typeof QUINTILE_SEGMENTS)[number];

/**
 * The standard RFM R×F map: `RF_GRID[r - 1][f - 1]` for recency score r and frequency score f
 * (quintiles, 5 = most recent / most orders). In the regex form it is usually written in:
 * [1-2][1-2] hibernating, [1-2][3-4] at risk, [1-2]5 can't lose, 3[1-2] about to sleep,
 * 33 need attention, [3-4][4-5] loyal, 41 promising, 51 new, [4-5][2-3] potential loyalists,
 * 5[4-5] champions. Monetary is scored too but, as in that map, does not enter the segment.
 */
export const RF_GRID: readonly (readonly QuintileSegment[])[] = [
  ['Hibernating', 'Hibernating', 'At Risk', 'At Risk', "Can't Lose"],
  ['Hibernating', 'Hibernating', 'At Risk', 'At Risk', "Can't Lose"],
  ['About to Sleep', 'About to Sleep', 'Need Attention', 'Loyal', 'Loyal'],
  ['Promising', 'Potential Loyalists', 'Potential Loyalists', 'Loyal', 'Loyal'],
  ['New', 'Potential Loyalists', 'Potential Loyalists', 'Champions', 'Champions'],
];

export function quintileSegment(r: number, f: number): QuintileSegment {
  const segment = RF_GRID[r - 1]?.[f - 1];
  if (!segment) throw new Error(`quintile scores (r ${r}, f ${f}) are outside 1–5`);
  return segment;
}

export type SegmentScheme = 'kmeans' | 'quintile';
export const SEGMENT_SCHEMES: readonly SegmentScheme[] = ['kmeans', 'quintile'];

export function segmentsOf(scheme: SegmentScheme): readonly string[] {
  return scheme === 'kmeans' ? KMEANS_SEGMENTS : QUINTILE_SEGMENTS;
}
