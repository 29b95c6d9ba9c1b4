import { createHash } from 'node:crypto';
import {
  characterNgrams,
  normalizeForSearch,
  type SearchDocument,
  type SearchType,
} from '../../../common/search';

/** Elasticsearch refuses `_id`s over 512 bytes; longer values are named by their hash. */
const MAX_READABLE_ID_BYTES = 480;

/** Deterministic: indexing a value twice replaces its document instead of adding a copy. */
export function searchDocumentId(type: SearchType, value: string): string {
  const readable = `${type}:${value}`;
  if (Buffer.byteLength(readable, 'utf8') <= MAX_READABLE_ID_BYTES) return readable;
  return `${type}:sha256:${createHash('sha256').update(value, 'utf8').digest('hex')}`;
}

export function searchDocument(type: SearchType, value: string, runId: string): SearchDocument {
  const grams = characterNgrams(value);
  return {
    type,
    value,
    normalized: normalizeForSearch(value),
    grams,
    gram_count: grams.length,
    run_id: runId,
  };
}

/**
 * Elasticsearch's keyword order: unsigned UTF-8 bytes. JavaScript's `<` compares UTF-16 units,
 * which disagrees for characters above U+FFFF against U+E000–U+FFFF, so the merge of two sorted
 * streams compares bytes.
 */
export function compareKeywords(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}
