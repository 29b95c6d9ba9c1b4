import type { AnomalyRfmRow } from '../../../../common/reports/anomalies';
import { DEFAULT_MAD_K } from '../../../../common/reports/anomalies';
import type { ClvSegmentRow } from '../../../../common/reports/clv';
import { scoreErrors } from './scoring';

const METRICS = [
  { metric: 'orders', current: 'current_orders', predicted: 'expected_orders' },
  { metric: 'revenue', current: 'current_revenue', predicted: 'predicted_revenue' },
] as const;

/**
 * Predicted against current per segment (`clv/segments` of the CLV stage): per customer, what the
 * segment did over the last 6 months and what the model predicts for the next 6. A segment's
 * error is the square root of |predicted − current| / current (as for daily orders), scored
 * against the other segments' errors of the same metric; a segment without current activity
 * has no error (it cannot drift from nothing) and scores 0.
 */
export function rfmAnomalyRows(
  segments: readonly ClvSegmentRow[],
  k = DEFAULT_MAD_K,
): AnomalyRfmRow[] {
  const rows: AnomalyRfmRow[] = [];
  for (const { metric, current, predicted } of METRICS) {
    const values = segments.map((s) => {
      const perCustomer = (total: number) => (s.customers > 0 ? total / s.customers : 0);
      return { now: perCustomer(s[current]), next: perCustomer(s[predicted]) };
    });
    const errors = values.map(({ now, next }) =>
      now > 0 ? Math.sqrt(Math.abs(next - now) / now) : null,
    );
    const scored = scoreErrors(errors, k);
    segments.forEach((s, i) => {
      const { now, next } = values[i]!;
      rows.push({
        segment: s.segment,
        metric,
        customers: s.customers,
        current: now,
        predicted: next,
        change_pct: now > 0 ? (next - now) / now : null,
        score: scored.scores[i]!,
        anomalous: scored.anomalous[i]!,
      });
    });
  }
  return rows;
}
