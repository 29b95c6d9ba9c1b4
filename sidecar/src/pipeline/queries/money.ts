import { sub, type Bucket, type SingleBucket, type ValueAgg } from '../context';

/**
 * Money in aggregations: sums read the integer-cents fields (a sum of integers is exact whatever
 * order shards and segments are added in, so the same data always sums to the same value) and
 * are turned into currency units once, here, for the report rows.
 */
export const PAYMENT_CENTS_SUM = { sum: { field: 'payment_cents' } } as const;
export const DISCOUNT_CENTS_SUM = { sum: { field: 'discount_cents' } } as const;

/** A cents sum sub-aggregation of `bucket`, in currency units (0 when absent). */
export function centsSum(bucket: Bucket | SingleBucket, name: string): number {
  return (sub<ValueAgg>(bucket, name).value ?? 0) / 100;
}
