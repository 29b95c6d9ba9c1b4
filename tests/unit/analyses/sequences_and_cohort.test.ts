import { describe, expect, it } from 'vitest';
import { cohortEvents, cohortTable } from '../../../sidecar/src/analyses/cohort';
import { PassOrdersBuilder, selectDimension } from '../../../sidecar/src/analyses/order_sequences';

const t = (iso: string) => Date.parse(iso);
const zeros = (set: Record<number, number>) => Array.from({ length: 16 }, (_, i) => set[i] ?? 0);

describe('per-customer order sequences', () => {
  it('groups sorted orders by customer and selects one dimension per customer', () => {
    const builder = new PassOrdersBuilder();
    builder.add(0, 1, 10, 0);
    builder.add(0, 2, 20, 1);
    builder.add(0, 3, 30, 0);
    builder.add(5, 4, 40, 1);
    const orders = builder.build();
    expect([...orders.customer]).toEqual([0, 5]);
    expect([...orders.offsets]).toEqual([0, 3, 4]);
    const first = selectDimension(orders, 0);
    expect([...first.customer]).toEqual([0]);
    expect([...first.offsets]).toEqual([0, 2]);
    expect([...first.amount]).toEqual([10, 30]);
    const second = selectDimension(orders, 1);
    expect([...second.customer]).toEqual([0, 5]);
    expect([...second.timeMs]).toEqual([2, 4]);
    expect(selectDimension(orders, 2).customer.length).toBe(0);
  });

  it('refuses a customer whose orders arrive in two runs (the pass must be sorted by client)', () => {
    const builder = new PassOrdersBuilder();
    builder.add(0, 1, 10, 0);
    builder.add(1, 1, 10, 0);
    expect(() => builder.add(0, 2, 10, 0)).toThrow(/must be sorted by client/);
  });
});

describe('cohort tables', () => {
  it('counts whole calendar days and weeks: Sunday 23:30 → Monday 00:30 is 1 day and 1 week', () => {
    const events = {
      fromMs: Float64Array.of(t('2025-03-09T23:30:00Z')),
      toMs: Float64Array.of(t('2025-03-10T00:30:00Z')),
    };
    expect(cohortTable(events, 'daily')).toEqual([
      { period: '2025-03-09', cohort_size: 1, counts: zeros({ 1: 1 }) },
    ]);
    expect(cohortTable(events, 'weekly')).toEqual([
      { period: '2025-03-03', cohort_size: 1, counts: zeros({ 1: 1 }) },
    ]);
  });

  it('keeps customers who never reach the next step in the size only, and fills empty rows', () => {
    const events = {
      fromMs: Float64Array.of(
        t('2025-03-01T10:00:00Z'),
        t('2025-03-01T12:00:00Z'),
        t('2025-03-03T00:00:00Z'),
      ),
      toMs: Float64Array.of(t('2025-03-01T23:59:00Z'), NaN, t('2025-03-19T00:00:00Z')),
    };
    expect(cohortTable(events, 'daily')).toEqual([
      { period: '2025-03-01', cohort_size: 2, counts: zeros({ 0: 1 }) },
      { period: '2025-03-02', cohort_size: 0, counts: zeros({}) },
      // 16 days later falls beyond column 15: in the size, in no column.
      { period: '2025-03-03', cohort_size: 1, counts: zeros({}) },
    ]);
  });

  it('uses each customer’s own k-th and (k+1)-th orders, once per cohort', () => {
    const builder = new PassOrdersBuilder();
    for (const day of [1, 2, 4, 8]) builder.add(0, t(`2025-03-0${day}T10:00:00Z`), 1, 0);
    builder.add(1, t('2025-03-02T10:00:00Z'), 1, 0);
    const events = cohortEvents(
      builder.build(),
      Int32Array.of(0, 1, 2),
      Float64Array.of(t('2025-02-28T00:00:00Z'), NaN, t('2025-03-01T00:00:00Z')),
    );
    expect([...events.download_first.fromMs]).toEqual([
      t('2025-02-28T00:00:00Z'),
      NaN,
      t('2025-03-01T00:00:00Z'),
    ]);
    expect([...events.download_first.toMs]).toEqual([
      t('2025-03-01T10:00:00Z'),
      t('2025-03-02T10:00:00Z'),
      NaN,
    ]);
    expect([...events.first_second.toMs]).toEqual([t('2025-03-02T10:00:00Z'), NaN]);
    expect([...events.second_third.fromMs]).toEqual([t('2025-03-02T10:00:00Z')]);
    expect([...events.third_fourth.toMs]).toEqual([t('2025-03-08T10:00:00Z')]);
  });
});
