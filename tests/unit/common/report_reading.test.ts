import { describe, expect, it } from 'vitest';
import {
  completeRunFromHits,
  compositePages,
  latestCompleteRunSearch,
  reportDocumentId,
  type CompositePage,
} from '../../../common/report_reading';

describe('common/report_reading', () => {
  it('ids a report document by run, report, type and dimension', () => {
    expect(reportDocumentId('20250301T000000Z-abc', 'cohort', 'first_second_daily', 'north')).toBe(
      '20250301T000000Z-abc:cohort:first_second_daily:north',
    );
  });

  it('asks for the newest complete analyses (or full) run and its recorded dimensions', () => {
    const search = latestCompleteRunSearch('x-runs');
    expect(search).toMatchObject({
      index: 'x-runs',
      size: 1,
      query: {
        bool: {
          filter: [{ term: { status: 'complete' } }, { terms: { kind: ['analyses', 'full'] } }],
        },
      },
      _source: ['run_id', 'summary.dimensions'],
    });
    expect('ignore_unavailable' in search).toBe(false);
    expect(latestCompleteRunSearch('x-runs', true).ignore_unavailable).toBe(true);
  });

  it('reads the run id and its string dimension values, or null without a hit', () => {
    expect(completeRunFromHits([])).toBeNull();
    expect(
      completeRunFromHits([{ _source: { run_id: 'r1', summary: { dimensions: ['b', 7, 'a'] } } }]),
    ).toEqual({ runId: 'r1', dimensions: ['b', 'a'] });
    expect(completeRunFromHits([{ _source: { run_id: 'r0' } }])).toEqual({
      runId: 'r0',
      dimensions: [],
    });
  });

  it('pages a composite aggregation until a page has no after_key or no buckets', async () => {
    const pages: Array<CompositePage<number>> = [
      { buckets: [1, 2], after_key: { k: 2 } },
      { buckets: [3], after_key: { k: 3 } },
      { buckets: [] },
    ];
    const asked: Array<Record<string, unknown> | undefined> = [];
    const seen: number[][] = [];
    for await (const buckets of compositePages<number>(async (after) => {
      asked.push(after);
      return pages[asked.length - 1]!;
    })) {
      seen.push(buckets);
    }
    expect(seen).toEqual([[1, 2], [3]]);
    expect(asked).toEqual([undefined, { k: 2 }, { k: 3 }]);

    const single: number[][] = [];
    for await (const buckets of compositePages<number>(async () => ({ buckets: [9] }))) {
      single.push(buckets);
    }
    expect(single).toEqual([[9]]);
  });
});
