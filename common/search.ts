import { z } from 'zod';
import { ALL_DIMENSIONS } from './documents';
import type { ClvProfileFields } from './reports/clv';
import { SEARCH_TYPES, type SearchType } from './reports/search';
import { API_BASE } from './routes';

/**
 * Search over the distinct values of products, categories, clients, promotions and dimension
 * values (ANALYSES.md "Search"): character 2- and 3-grams computed here, by the sidecar when it
 * indexes and by the server when it re-ranks, so both sides agree on what a gram is.
 */
export { SEARCH_TYPES, type SearchType } from './reports/search';

/** The field of `orders` each type's values come from (`basket.*` are nested). */
export const SEARCH_TYPE_FIELDS: Record<SearchType, string> = {
  product: 'basket.product',
  category: 'basket.category',
  client: 'client',
  promotion: 'promotion_id',
  dimension: 'dimension',
};

export const SEARCH_PATH = `${API_BASE}/search`;
export const ENTITY_PATH = `${API_BASE}/entity/{type}/{value}`;

export function entityPath(type: SearchType, value: string): string {
  return `${API_BASE}/entity/${encodeURIComponent(type)}/${encodeURIComponent(value)}`;
}

/** Candidates the grams query returns for re-ranking, and hits answered. */
export const SEARCH_CANDIDATES = 50;
export const SEARCH_RESULTS = 10;
/** Share of the query's grams a candidate must contain: a one-letter typo in a 4-letter word keeps 2 of 9. */
export const MIN_GRAM_SHARE = 0.2;

/** One document of the `search` index. */
export interface SearchDocument {
  type: SearchType;
  value: string;
  /** `normalizeForSearch(value)`: what a case- or accent-insensitive exact match compares. */
  normalized: string;
  grams: string[];
  gram_count: number;
  /** The run that first saw the value. */
  run_id: string;
}

/** Lower case, accents stripped (NFKD minus combining marks), runs of white space as one space. */
export function normalizeForSearch(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/gu, ' ').trim();
}

/**
 * The distinct 2- and 3-grams of the normalized text padded with one space on each side, so the
 * first and last letters weigh like the others (pg_trgm pads likewise). Grams count code points,
 * not UTF-16 units, so a non-BMP character is one character.
 */
export function characterNgrams(text: string): string[] {
  const normalized = normalizeForSearch(text);
  if (normalized.length === 0) return [];
  const chars = Array.from(` ${normalized} `);
  const grams = new Set<string>();
  for (const size of [2, 3]) {
    for (let i = 0; i + size <= chars.length; i++) grams.add(chars.slice(i, i + size).join(''));
  }
  return [...grams];
}

/** Dice coefficient of two gram sets: 2·|A∩B| / (|A|+|B|), 0 when both are empty. */
export function diceSimilarity(a: readonly string[], b: readonly string[]): number {
  if (a.length + b.length === 0) return 0;
  const inA = new Set(a);
  let shared = 0;
  for (const gram of new Set(b)) if (inA.has(gram)) shared++;
  return (2 * shared) / (inA.size + new Set(b).size);
}

// Control characters make no sense in a value typed by a person and would reach the query as is.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/u;
const text = (what: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, `${what} must not be empty`)
    .max(max, `${what} is longer than ${max} characters`)
    .refine((v) => !CONTROL.test(v), `${what} must not contain control characters`);

export const searchQuerySchema = z
  .object({ q: text('q', 200), type: z.enum(SEARCH_TYPES).optional() })
  .strict();
export type SearchQuery = z.infer<typeof searchQuerySchema>;

export interface SearchHit {
  type: SearchType;
  value: string;
  /** 1 for an exact match, else the Dice similarity of the grams, in [0, 1]. */
  score: number;
  exact: boolean;
}

export interface SearchResponse {
  query: string;
  hits: SearchHit[];
}

export const entityParamsSchema = z
  .object({ type: z.enum(SEARCH_TYPES), value: text('value', 512) })
  .strict();
export type EntityParams = z.infer<typeof entityParamsSchema>;

/** Order history pages of a client's view. */
export const ENTITY_HISTORY_PAGE_SIZE = 20;
export const ENTITY_HISTORY_MAX_PAGE = 499;

export const entityQuerySchema = z
  .object({
    dimension: text('dimension', 256).default(ALL_DIMENSIONS),
    page: z.coerce.number().int().min(0).max(ENTITY_HISTORY_MAX_PAGE).default(0),
  })
  .strict();
export type EntityQuery = z.infer<typeof entityQuerySchema>;

export interface EntityKpi {
  id: string;
  label: string;
  value: number | null;
  /** How to show it: money in currency units, a count, a plain number, or a day. */
  format: 'money' | 'count' | 'number' | 'date';
}

/** One daily chart of an entity view: one value per UTC day (yyyy-mm-dd), zeros kept. */
export interface EntityChart {
  id: string;
  title: string;
  format: 'money' | 'count' | 'ratio' | 'number';
  points: Array<{ period: string; value: number | null }>;
}

export interface EntityOrder {
  session_id: string;
  session_start: string;
  payment_amount: number;
  discount_amount: number;
  promotion_id: string | null;
  dimension: string | null;
  basket_size: number | null;
}

/** A stage's output the view shows when that stage has run for this entity (A/B, CLV, RFM). */
export type StageSection<T> = { available: true; data: T } | { available: false; message: string };

export interface ClientProfileView {
  recency_days: number | null;
  frequency_days: number | null;
  monetary: number | null;
  segment: string | null;
  quintile_segment: string | null;
  churned: boolean | null;
}

export interface EntityResponse {
  type: SearchType;
  value: string;
  dimension: string;
  /** False when no session of `orders` (in that dimension) holds the value. */
  found: boolean;
  kpis: EntityKpi[];
  charts: EntityChart[];
  /** Client view: its orders, newest first. */
  history?: { total: number; page: number; size: number; orders: EntityOrder[] };
  /** Client view: RFM values, segments, churn state (segments stage). */
  profile?: StageSection<ClientProfileView>;
  /** Client view: CLV prediction (clv stage): the fields it wrote to the client's profile. */
  clv?: StageSection<ClvProfileFields>;
  /** Product and promotion views: A/B before–after rows naming this entity. */
  ab?: StageSection<Array<Record<string, unknown>>>;
}
