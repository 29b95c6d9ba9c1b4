import { describe, expect, it } from 'vitest';
import { parseOptionsSchema, sessionsMappingSchema } from '../../../common/source_mapping';
import { capProblem } from '../../../sidecar/src/ingest/error_report';
import { budgetFailure, sourceVerdicts } from '../../../sidecar/src/ingest/gates';
import { keywordLimit, keywordTooLong } from '../../../sidecar/src/ingest/keyword_limits';
import { validateSession } from '../../../sidecar/src/ingest/validate_rows';

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

describe('row validation against what Elasticsearch stores', () => {
  const mapping = sessionsMappingSchema.parse({
    source: { type: 'csv', path: 'sessions.csv' },
    columns: { dimension: 'region' },
  });
  const parse = parseOptionsSchema.parse({});
  const row = (values: Record<string, string>) => ({
    line: 7,
    values: {
      order_id: 's1',
      client: 'c1',
      session_start: '2025-03-01T10:00:00Z',
      payment_amount: '12.5',
      purchased: 'true',
      region: 'North',
      ...values,
    },
  });

  it('refuses a keyword above the term limit, with the full length kept for the report', () => {
    const outcome = validateSession(row({ region: 'x'.repeat(40_000) }), mapping, parse);
    expect(outcome.problems).toHaveLength(1);
    const [problem] = outcome.problems!;
    expect(problem).toMatchObject({
      field: 'dimension',
      column: 'region',
      reason: 'value_too_long',
    });
    expect(problem!.value!.length).toBe(40_000);
    expect(capProblem(problem!)).toMatchObject({ value_length: 40_000 });
  });

  it('refuses an order_id above the 512-byte _id limit', () => {
    const outcome = validateSession(row({ order_id: 'o'.repeat(513) }), mapping, parse);
    expect(outcome.problems?.[0]).toMatchObject({ field: 'order_id', reason: 'value_too_long' });
  });

  it('refuses an amount whose cents would not be an exact integer', () => {
    expect(
      validateSession(row({ payment_amount: '90071992547409' }), mapping, parse).record,
    ).toBeDefined();
    const outcome = validateSession(row({ payment_amount: '1e17' }), mapping, parse);
    expect(outcome.problems?.[0]).toMatchObject({
      field: 'payment_amount',
      reason: 'invalid_number',
      message:
        "payment_amount '1e17' is not an amount up to 90071992547409 (kept exactly in cents)",
    });
  });
});
