import { REPORT_IDS, type ReportId } from '../../../common/reports/catalogue';

/** Which reports a run computes: all, or those named by `--only` (a family like `cohort`, or ids). */
export class ReportSelection {
  readonly ids: ReadonlySet<ReportId>;

  constructor(only?: readonly string[]) {
    if (!only || only.length === 0) {
      this.ids = new Set(REPORT_IDS);
      return;
    }
    const ids = new Set<ReportId>();
    for (const entry of only) {
      const matches = REPORT_IDS.filter((id) => id === entry || id.startsWith(`${entry}/`));
      if (matches.length === 0) {
        const families = [...new Set(REPORT_IDS.map((id) => id.split('/')[0]))].join(', ');
        throw new Error(
          `--only '${entry}' names no report: use a family (${families}) or an id such as funnel/session_daily`,
        );
      }
      matches.forEach((id) => ids.add(id));
    }
    this.ids = ids;
  }

  get isEverything(): boolean {
    return this.ids.size === REPORT_IDS.length;
  }

  has(id: string): boolean {
    return this.ids.has(id as ReportId);
  }

  any(...prefixes: string[]): boolean {
    return [...this.ids].some((id) => prefixes.some((p) => id === p || id.startsWith(p)));
  }

  /** Reports that need the per-customer pass over orders. */
  get needsPass(): boolean {
    return this.any(
      'funnel/customer_',
      'cohort/',
      'stats/orders_per_customer_weekly',
      'stats/payment_distribution',
      'stats/customers_by_order_count',
      'journey/',
      'churn/',
      'products/top_pairs',
      'products/daily_revenue',
    );
  }

  /** Reports that need each customer's download, dated actions and first session. */
  get needsCustomers(): boolean {
    return this.any('funnel/customer_', 'cohort/download_first', 'journey/');
  }

  get needsBaskets(): boolean {
    return this.any('products/top_pairs', 'products/daily_revenue');
  }
}
