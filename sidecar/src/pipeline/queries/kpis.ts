import type { KpiValues, KpiWindows } from '../../analyses/kpis';
import type { SessionBucket } from './session_periods';

/** The KPIs orders give; visitors come from the first-sessions composites (exact). */
export type OrderKpiValues = Omit<KpiValues, 'visitors'>;

/**
 * Orders, revenue and discount over the whole range and each window, summed from the context's
 * daily session buckets (the windows are whole UTC days, so no request of their own), in cents
 * until the one division per figure.
 */
export function orderKpis(
  days: readonly SessionBucket[],
  windows: KpiWindows,
  index: string,
): { total: OrderKpiValues; last7: OrderKpiValues; previous7: OrderKpiValues } {
  const sum = (keep: (startMs: number) => boolean) => {
    let orders = 0;
    let revenueCents = 0;
    let discountCents = 0;
    let withCents = 0;
    for (const day of days) {
      if (!keep(day.startMs)) continue;
      orders += day.counts.purchased ?? 0;
      revenueCents += day.revenueCents;
      discountCents += day.discountCents;
      withCents += day.ordersWithCents;
    }
    return { orders, revenueCents, discountCents, withCents };
  };
  const values = (keep: (startMs: number) => boolean): OrderKpiValues => {
    const { orders, revenueCents, discountCents } = sum(keep);
    return { orders, revenue: revenueCents / 100, discount: discountCents / 100 };
  };
  const within = (window: { fromMs: number; toMs: number }) => (startMs: number) =>
    startMs >= window.fromMs && startMs < window.toMs;
  assertCents(
    sum(() => true),
    index,
  );
  return {
    total: values(() => true),
    last7: values(within(windows.last7)),
    previous7: values(within(windows.previous7)),
  };
}

/**
 * Orders loaded before money was stored in cents have no payment_cents: every sum would silently
 * be 0. Say so instead (one ingest rewrites them all).
 */
function assertCents(totals: { orders: number; withCents: number }, index: string): void {
  if (totals.withCents < totals.orders) {
    throw new Error(
      `${totals.orders - totals.withCents} of ${totals.orders} orders in ${index} have no payment_cents (loaded by an older version): run 'customer-analytics ingest' again, then the analyses`,
    );
  }
}
