import { describe, expect, it } from 'vitest';
import { reportParamsSchema, reportQuerySchema } from '../../../common/routes';
import { fromZod } from '../../../server/routes/validation';

const factory = {
  ok: <T>(value: T) => ({ value }),
  badRequest: (error: Error | string) => ({
    error: typeof error === 'string' ? new Error(error) : error,
  }),
};

describe('route validation from zod schemas', () => {
  it('passes a catalogued report through and defaults the dimension to all', () => {
    expect(fromZod(reportParamsSchema)({ report: 'kpis', type: 'overall' }, factory)).toEqual({
      value: { report: 'kpis', type: 'overall' },
    });
    expect(fromZod(reportQuerySchema)({}, factory)).toEqual({ value: { dimension: 'all' } });
    expect(fromZod(reportQuerySchema)(undefined, factory)).toEqual({
      value: { dimension: 'all' },
    });
  });

  it('turns every problem into one message naming the field', () => {
    const result = fromZod(reportQuerySchema)({ dimension: '' }, factory);
    expect(result.error?.message).toBe('[dimension]: dimension must not be empty');
    const long = fromZod(reportQuerySchema)({ dimension: 'x'.repeat(257) }, factory);
    expect(long.error?.message).toBe('[dimension]: dimension is longer than 256 characters');
  });

  it('rejects a report/type pair that is not in the catalogue', () => {
    const result = fromZod(reportParamsSchema)({ report: 'kpis', type: 'weekly' }, factory);
    expect(result.error?.message).toMatch(/^unknown report; known reports: .*kpis\/overall/);
  });
});
