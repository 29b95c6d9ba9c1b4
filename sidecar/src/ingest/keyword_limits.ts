import type { IndexName } from '../../../common/indices';
import { ignoreAbove } from '../es/mappings';

/** Lucene refuses a term longer than this many UTF-8 bytes (and with it the whole document). */
export const TERM_MAX_BYTES = 32_766;
/** Elasticsearch refuses an `_id` longer than this many UTF-8 bytes. */
export const ID_MAX_BYTES = 512;

/** How long one text field may be so that Elasticsearch indexes it as it is. */
export interface KeywordLimit {
  maxBytes: number;
  /** The mapping's `ignore_above` (characters), when set. */
  maxChars: number | null;
  /** What the limit is, for the message. */
  why: string;
}

/** The limit of a keyword at `path` of `index`; `isId` when the value is also a document `_id`. */
export function keywordLimit(index: IndexName, path: string, isId = false): KeywordLimit {
  const maxChars = ignoreAbove(index, path);
  const maxBytes = isId ? ID_MAX_BYTES : TERM_MAX_BYTES;
  const why = isId
    ? `Elasticsearch's _id limit of ${ID_MAX_BYTES} bytes`
    : `Lucene's term limit of ${TERM_MAX_BYTES} bytes`;
  return {
    maxBytes,
    maxChars,
    why: maxChars === null ? why : `${why} and ${index}.${path}'s ignore_above of ${maxChars}`,
  };
}

/** Null when `value` fits, else what is wrong with it (for the row's problem message). */
export function keywordTooLong(value: string, limit: KeywordLimit): string | null {
  if (limit.maxChars !== null && value.length > limit.maxChars) {
    return `is ${value.length} characters long, above ${limit.why}`;
  }
  // UTF-8 takes at most 3 bytes per UTF-16 unit: only count bytes when it might not fit.
  if (value.length * 3 <= limit.maxBytes) return null;
  const bytes = Buffer.byteLength(value);
  return bytes > limit.maxBytes ? `is ${bytes} bytes long (UTF-8), above ${limit.why}` : null;
}

/** The keyword limits of every text field the ingest stores, by source field name. */
export const LIMITS = {
  sessionId: keywordLimit('orders', 'session_id', true),
  client: keywordLimit('orders', 'client', true),
  promotion: keywordLimit('orders', 'promotion_id'),
  dimension: keywordLimit('orders', 'dimension'),
  product: keywordLimit('orders', 'basket.product'),
  category: keywordLimit('orders', 'basket.category'),
} satisfies Record<string, KeywordLimit>;
