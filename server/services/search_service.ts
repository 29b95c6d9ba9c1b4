import type { ElasticsearchClient } from '@kbn/core/server';
import type { IndexNames } from '../../common/indices';
import {
  MIN_GRAM_SHARE,
  SEARCH_CANDIDATES,
  SEARCH_RESULTS,
  characterNgrams,
  diceSimilarity,
  normalizeForSearch,
  type SearchDocument,
  type SearchHit,
  type SearchQuery,
  type SearchResponse,
  type SearchType,
} from '../../common/search';

/** Ranks above any similarity: the value as typed, then the value up to case and accents. */
const EXACT_BOOST = 1_000;
const NORMALIZED_BOOST = 500;

/**
 * The candidates request: the exact value and its normalized form as boosted clauses, and the
 * query's grams as a `should` of which at least MIN_GRAM_SHARE must match, so a mistyped value
 * still shares most of its grams with the intended one. Only `type` and `value` come back.
 */
export function searchCandidatesRequest(index: string, query: SearchQuery) {
  const grams = characterNgrams(query.q);
  const minimumShould = Math.max(1, Math.floor(grams.length * MIN_GRAM_SHARE));
  const should = [
    { term: { value: { value: query.q, boost: EXACT_BOOST } } },
    { term: { normalized: { value: normalizeForSearch(query.q), boost: NORMALIZED_BOOST } } },
    {
      bool: {
        should: grams.map((gram) => ({ term: { grams: gram } })),
        minimum_should_match: minimumShould,
      },
    },
  ];
  return {
    index,
    ignore_unavailable: true,
    size: SEARCH_CANDIDATES,
    track_total_hits: false,
    _source: ['type', 'value'],
    query: {
      bool: {
        should,
        minimum_should_match: 1,
        ...(query.type ? { filter: [{ term: { type: query.type } }] } : {}),
      },
    },
  };
}

/**
 * Re-ranks candidates: exact matches first (as typed, then up to case and accents), then values
 * the query begins (someone typing part of a name types its start), each tier by the Dice
 * similarity of its grams with the query's (a short near-miss would otherwise beat the long name
 * being typed); ties by shorter value, then value, so the order is stable. Top SEARCH_RESULTS.
 */
export function rankCandidates(
  q: string,
  candidates: ReadonlyArray<{ type: SearchType; value: string }>,
): SearchHit[] {
  const queryGrams = characterNgrams(q);
  const normalized = normalizeForSearch(q);
  const ranked = candidates.map((c) => {
    const candidate = normalizeForSearch(c.value);
    const tier =
      c.value === q ? 3 : candidate === normalized ? 2 : candidate.startsWith(normalized) ? 1 : 0;
    const score = tier >= 2 ? 1 : diceSimilarity(queryGrams, characterNgrams(c.value));
    return { hit: { type: c.type, value: c.value, score, exact: tier >= 2 }, tier };
  });
  ranked.sort(
    (a, b) =>
      b.tier - a.tier ||
      b.hit.score - a.hit.score ||
      a.hit.value.length - b.hit.value.length ||
      (a.hit.value < b.hit.value ? -1 : a.hit.value > b.hit.value ? 1 : 0) ||
      (a.hit.type < b.hit.type ? -1 : a.hit.type > b.hit.type ? 1 : 0),
  );
  return ranked.slice(0, SEARCH_RESULTS).map((r) => r.hit);
}

/** The top values of the `search` index for a query, with their type and score. */
export async function searchValues(
  client: ElasticsearchClient,
  indices: IndexNames,
  query: SearchQuery,
): Promise<SearchResponse> {
  const response = await client.search<Pick<SearchDocument, 'type' | 'value'>>(
    searchCandidatesRequest(indices.search, query),
  );
  const candidates = response.hits.hits.flatMap((hit) => (hit._source ? [hit._source] : []));
  return { query: query.q, hits: rankCandidates(query.q, candidates) };
}
