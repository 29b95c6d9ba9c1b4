import { describe, expect, it } from 'vitest';
import {
  characterNgrams,
  diceSimilarity,
  entityParamsSchema,
  entityQuerySchema,
  normalizeForSearch,
  searchQuerySchema,
} from '../../../common/search';
import { rankCandidates } from '../../../server/services/search_service';
import { compareKeywords, searchDocumentId } from '../../../sidecar/src/search/search_documents';

describe('character n-grams', () => {
  it('are the distinct 2- and 3-grams of the value padded with one space each side', () => {
    expect(characterNgrams('Milk').sort()).toEqual(
      [' m', 'mi', 'il', 'lk', 'k ', ' mi', 'mil', 'ilk', 'lk '].sort(),
    );
  });

  it('count a repeated gram once', () => {
    // " aaa " → 2-grams " a", "aa", "a "; 3-grams " aa", "aaa", "aa ".
    expect(characterNgrams('aaa').sort()).toEqual([' a', ' aa', 'a ', 'aa', 'aa ', 'aaa'].sort());
  });

  it('ignore case, accents and runs of white space', () => {
    expect(normalizeForSearch('  Crème   BRÛLÉE ')).toBe('creme brulee');
    expect(characterNgrams('Crème')).toEqual(characterNgrams('creme'));
  });

  it('count a character outside the BMP as one character', () => {
    expect(characterNgrams('😀a').sort()).toEqual([' 😀', '😀a', 'a ', ' 😀a', '😀a '].sort());
  });

  it('are empty for blank text', () => {
    expect(characterNgrams('   ')).toEqual([]);
  });
});

describe('Dice similarity', () => {
  it('is 2|A∩B| / (|A|+|B|)', () => {
    expect(diceSimilarity(['a', 'b', 'c'], ['b', 'c', 'd', 'e'])).toBeCloseTo(4 / 7, 12);
    expect(diceSimilarity(['a'], ['a'])).toBe(1);
    expect(diceSimilarity(['a'], ['b'])).toBe(0);
    expect(diceSimilarity([], [])).toBe(0);
  });

  it('of "milk" and its transposition "mlik" shares " m" and "k " of 9 grams each', () => {
    expect(diceSimilarity(characterNgrams('milk'), characterNgrams('mlik'))).toBeCloseTo(
      (2 * 2) / 18,
      12,
    );
  });
});

describe('re-ranking candidates', () => {
  const candidates = [
    { type: 'product' as const, value: 'Hot chocolate' },
    { type: 'product' as const, value: 'choco' },
    { type: 'category' as const, value: 'Choco' },
    { type: 'product' as const, value: 'Chocolate' },
  ];

  it('puts the value as typed first, then the value up to case, then by similarity', () => {
    const hits = rankCandidates('Choco', candidates);
    expect(hits.map((h) => [h.type, h.value, h.exact])).toEqual([
      ['category', 'Choco', true],
      ['product', 'choco', true],
      ['product', 'Chocolate', false],
      ['product', 'Hot chocolate', false],
    ]);
    expect(hits[0]!.score).toBe(1);
    expect(hits[2]!.score).toBeGreaterThan(hits[3]!.score);
  });

  it('puts values the query begins before closer but shorter near-misses', () => {
    const hits = rankCandidates('Chocol', [
      { type: 'product', value: 'choco' },
      { type: 'product', value: 'Chocolate' },
    ]);
    expect(hits.map((h) => h.value)).toEqual(['Chocolate', 'choco']);
    // Dice alone would prefer the near-miss: 18/24 against 22/32.
    expect(hits[1]!.score).toBeCloseTo(18 / 24, 12);
    expect(hits[0]!.score).toBeCloseTo(22 / 32, 12);
  });

  it('scores a one-letter typo above a different id', () => {
    const hits = rankCandidates('C0012345', [
      { type: 'client', value: 'C0099999' },
      { type: 'client', value: 'C0012346' },
    ]);
    expect(hits[0]!.value).toBe('C0012346');
  });
});

describe('search input', () => {
  it('refuses an empty, overlong or control-character query and an unknown type', () => {
    expect(searchQuerySchema.safeParse({ q: '  ' }).success).toBe(false);
    expect(searchQuerySchema.safeParse({ q: 'x'.repeat(201) }).success).toBe(false);
    expect(searchQuerySchema.safeParse({ q: 'a\u0000b' }).success).toBe(false);
    expect(searchQuerySchema.safeParse({ q: 'milk', type: 'shop' }).success).toBe(false);
    expect(searchQuerySchema.parse({ q: ' milk ', type: 'product' })).toEqual({
      q: 'milk',
      type: 'product',
    });
  });
});

describe('entity input', () => {
  it('refuses an unknown type, a value over 512 characters and a negative page', () => {
    expect(entityParamsSchema.safeParse({ type: 'shop', value: 'x' }).success).toBe(false);
    expect(entityParamsSchema.safeParse({ type: 'client', value: 'x'.repeat(513) }).success).toBe(
      false,
    );
    expect(entityParamsSchema.safeParse({ type: 'client', value: 'x'.repeat(512) }).success).toBe(
      true,
    );
    expect(entityQuerySchema.safeParse({ page: '-1' }).success).toBe(false);
    expect(entityQuerySchema.parse({})).toEqual({ dimension: 'all', page: 0 });
  });
});

describe('search documents', () => {
  it('sort keywords by UTF-8 bytes as Elasticsearch does, not by UTF-16 units', () => {
    // U+FF5E (3 UTF-8 bytes EF BD 9E) sorts before U+1F600 (F0 9F 98 80) in bytes, after it in UTF-16.
    expect(compareKeywords('\uFF5E', '😀')).toBeLessThan(0);
    expect('\uFF5E' < '😀').toBe(false);
  });

  it('name long values by a hash so _id stays under 512 bytes', () => {
    expect(searchDocumentId('client', 'C1')).toBe('client:C1');
    const long = searchDocumentId('product', 'é'.repeat(400));
    expect(long).toMatch(/^product:sha256:[0-9a-f]{64}$/);
  });
});
