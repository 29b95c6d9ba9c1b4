import { describe, expect, it } from 'vitest';
import { capProblem } from '../../../sidecar/src/ingest/error_report';
import { budgetFailure, sourceVerdicts } from '../../../sidecar/src/ingest/gates';
import { keywordLimit, keywordTooLong } from '../../../sidecar/src/ingest/keyword_limits';

describe('error entries are capped', () => {
  it('cuts the value to 200 characters and the message to 1 KB, recording both lengths', () => {
    const capped = capProblem({
      field: 'client',
      column: 'client',
      value: 'x'.repeat(20_000_000),
      reason: 'bulk_rejected',
      message: 'm'.repeat(5_000),
    });
    expect(capped.value).toBe(`${'x'.repeat(200)}…`);
    expect(capped.value_length).toBe(20_000_000);
    expect(capped.message).toBe(`${'m'.repeat(1024)}…`);
    expect(capped.message_length).toBe(5_000);
  });

  it('leaves short problems as they are', () => {
    const problem = {
      field: 'a',
      column: null,
      value: 'v',
      reason: 'missing_value',
      message: 'a is required but empty',
    } as const;
    expect(capProblem(problem)).toBe(problem);
  });
});

describe('keyword limits', () => {
  const term = keywordLimit('orders', 'dimension');
  const id = keywordLimit('orders', 'session_id', true);

  it("refuses a keyword above Lucene's 32,766 bytes, counted in UTF-8", () => {
    expect(keywordTooLong('a'.repeat(32_766), term)).toBeNull();
    expect(keywordTooLong('a'.repeat(32_767), term)).toBe(
      "is 32767 bytes long (UTF-8), above Lucene's term limit of 32766 bytes",
    );
    // 16,384 × 2 bytes = 32,768 bytes in 16,384 characters.
    expect(keywordTooLong('é'.repeat(16_384), term)).toContain('is 32768 bytes long');
  });

  it('refuses an _id above 512 bytes', () => {
    expect(keywordTooLong('a'.repeat(512), id)).toBeNull();
    expect(keywordTooLong('a'.repeat(513), id)).toBe(
      "is 513 bytes long (UTF-8), above Elasticsearch's _id limit of 512 bytes",
    );
  });

  it("applies a mapping's ignore_above in characters", () => {
    const limit = { maxBytes: 32_766, maxChars: 10, why: 'ignore_above of 10' };
    expect(keywordTooLong('a'.repeat(10), limit)).toBeNull();
    expect(keywordTooLong('a'.repeat(11), limit)).toBe(
      'is 11 characters long, above ignore_above of 10',
    );
  });
});

describe('per-source error budget', () => {
  const verdicts = sourceVerdicts({
    labels: { sessions: 's.csv', customers: 'c.csv', products: 'p.csv' },
    rowsRead: { sessions: 100, customers: 10_000, products: 0 },
    rejected: { sessions: 2 },
    setAside: { sessions: 3 },
    limit: 0.01,
  });

  it('judges each source on its own rows', () => {
    expect(verdicts).toEqual([
      {
        source: 'customers',
        label: 'c.csv',
        read: 10_000,
        loaded: 10_000,
        rejected: 0,
        rate: 0,
        limit: 0.01,
        verdict: 'ok',
      },
      {
        source: 'sessions',
        label: 's.csv',
        read: 100,
        loaded: 95,
        rejected: 2,
        rate: 0.02,
        limit: 0.01,
        verdict: 'over_limit',
      },
      {
        source: 'products',
        label: 'p.csv',
        read: 0,
        loaded: 0,
        rejected: 0,
        rate: 0,
        limit: 0.01,
        verdict: 'empty',
      },
    ]);
  });

  it('names every failing source in the message', () => {
    expect(budgetFailure(verdicts)).toBe(
      'sessions source s.csv: 2 of 100 rows were rejected (2.00 %), above the maximum error rate of 1.00 %; ' +
        'products source p.csv has no valid rows (0 read, 0 rejected): nothing was written to the indices users see (the staging copy was deleted), they are as they were',
    );
    expect(budgetFailure(verdicts.slice(0, 1))).toBeNull();
  });
});
