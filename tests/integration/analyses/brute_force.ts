/**
 * Independent reference computations of every report, written as plain loops over the fixture's
 * documents with Date methods only (no code shared with the pipeline), so a bug in the analyses
 * cannot hide by being repeated here.
 */
import type { DownloadDocument, OrderDocument } from '../../../common/documents';

const DAY = 86_400_000;
const ms = (iso: string) => Date.parse(iso);
export const dayLabel = (t: number) => new Date(t).toISOString().slice(0, 10);
export function weekLabel(t: number): string {
  const d = new Date(t);
  const mondayOffset = (d.getUTCDay() + 6) % 7;
  return dayLabel(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - mondayOffset));
}
export const monthLabel = (t: number) => new Date(t).toISOString().slice(0, 7) + '-01';
const labelOf = { daily: dayLabel, weekly: weekLabel, monthly: monthLabel } as const;
type Cal = keyof typeof labelOf;

/** Every label from the period of `from` to that of `to`, stepping a day at a time. */
function labels(from: number, to: number, period: Cal): string[] {
  const out: string[] = [];
  for (
    let t = Date.UTC(
      new Date(from).getUTCFullYear(),
      new Date(from).getUTCMonth(),
      new Date(from).getUTCDate(),
    );
    t <= to;
    t += DAY
  ) {
    const label = labelOf[period](t);
    if (out[out.length - 1] !== label) out.push(label);
  }
  return out;
}

export interface Fixture {
  orders: OrderDocument[];
  downloads: DownloadDocument[];
}

export class BruteForce {
  readonly fromMs: number;
  readonly nowMs: number;
  readonly sessions: OrderDocument[];
  readonly purchases: OrderDocument[];
  readonly dayCount: number;

  constructor(
    private readonly fixture: Fixture,
    readonly dimension: string,
    private readonly actions: string[],
  ) {
    const all = fixture.orders.map((o) => ms(o.session_start));
    this.fromMs = Math.min(...all);
    this.nowMs = Math.max(...all);
    this.sessions = fixture.orders.filter((o) => dimension === 'all' || o.dimension === dimension);
    this.purchases = this.sessions.filter((o) => o.purchased);
    this.dayCount = labels(this.fromMs, this.nowMs, 'daily').length;
  }

  private ordersByClient(before = Infinity, inclusive = false): Map<string, OrderDocument[]> {
    const map = new Map<string, OrderDocument[]>();
    for (const o of this.purchases) {
      const t = ms(o.session_start);
      if (t > before || (t === before && !inclusive)) continue;
      if (!map.has(o.client)) map.set(o.client, []);
      map.get(o.client)!.push(o);
    }
    for (const list of map.values()) list.sort((a, b) => ms(a.session_start) - ms(b.session_start));
    return map;
  }

  sessionFunnel(period: Cal) {
    const steps = ['has_sessions', ...this.actions, 'purchased'];
    return labels(this.fromMs, this.nowMs, period).map((label) => {
      const inPeriod = this.sessions.filter((s) => labelOf[period](ms(s.session_start)) === label);
      const counts: Record<string, number> = {};
      for (const step of steps) {
        counts[step] =
          step === 'has_sessions'
            ? inPeriod.length
            : step === 'purchased'
              ? inPeriod.filter((s) => s.purchased).length
              : inPeriod.filter((s) => s.actions[step] === true).length;
      }
      return { period: label, counts };
    });
  }

  sessionFunnelHourly() {
    const steps = ['has_sessions', ...this.actions, 'purchased'];
    return Array.from({ length: 24 }, (_, hour) => {
      const inHour = this.sessions.filter((s) => new Date(s.session_start).getUTCHours() === hour);
      const counts: Record<string, number> = {};
      for (const step of steps) {
        const n =
          step === 'has_sessions'
            ? inHour.length
            : step === 'purchased'
              ? inHour.filter((s) => s.purchased).length
              : inHour.filter((s) => s.actions[step] === true).length;
        counts[step] = n / this.dayCount;
      }
      return { hour, counts };
    });
  }

  weeklyPerCustomer(kind: 'sessions' | 'orders') {
    const rows = kind === 'sessions' ? this.sessions : this.purchases;
    return labels(this.fromMs, this.nowMs, 'weekly').map((period) => {
      const week = rows.filter((s) => weekLabel(ms(s.session_start)) === period);
      const customers = new Set(week.map((s) => s.client)).size;
      return {
        period,
        events: week.length,
        customers,
        mean: customers ? week.length / customers : null,
      };
    });
  }

  paymentMeanWeekly() {
    return labels(this.fromMs, this.nowMs, 'weekly').map((period) => {
      const week = this.purchases.filter((s) => weekLabel(ms(s.session_start)) === period);
      const revenue = week.reduce((sum, o) => sum + o.payment_amount, 0);
      return {
        period,
        orders: week.length,
        revenue,
        mean_payment: week.length ? revenue / week.length : null,
      };
    });
  }

  paymentDistribution(): number[] {
    const amounts = this.purchases.map((o) => o.payment_amount);
    if (amounts.length === 0) return [];
    const min = Math.min(...amounts);
    const max = Math.max(...amounts);
    const counts = new Array(20).fill(0) as number[];
    for (const a of amounts) {
      let bin = 0;
      while (bin < 19 && a >= min + ((bin + 1) * (max - min)) / 20) bin++;
      counts[bin]!++;
    }
    return counts;
  }

  customersByOrderCount() {
    const byClient = this.ordersByClient();
    const max = Math.max(0, ...[...byClient.values()].map((l) => l.length));
    return Array.from({ length: max }, (_, i) => ({
      order_count: i + 1,
      customers: [...byClient.values()].filter((l) => l.length === i + 1).length,
    }));
  }

  kpis() {
    const nowDay = Date.UTC(
      new Date(this.nowMs).getUTCFullYear(),
      new Date(this.nowMs).getUTCMonth(),
      new Date(this.nowMs).getUTCDate(),
    );
    const window = (fromDay: number, toDay: number) => (s: OrderDocument) =>
      ms(s.session_start) >= fromDay && ms(s.session_start) < toDay;
    const measure = (keep: (s: OrderDocument) => boolean) => {
      const sessions = this.sessions.filter(keep);
      const purchases = sessions.filter((s) => s.purchased);
      return {
        orders: purchases.length,
        revenue: purchases.reduce((sum, o) => sum + o.payment_amount, 0),
        visitors: new Set(sessions.map((s) => s.client)).size,
        discount: purchases.reduce((sum, o) => sum + o.discount_amount, 0),
      };
    };
    const total = measure(() => true);
    const last7 = measure(window(nowDay - 6 * DAY, nowDay + DAY));
    const previous7 = measure(window(nowDay - 13 * DAY, nowDay - 6 * DAY));
    return (['orders', 'revenue', 'visitors', 'discount'] as const).map((metric) => ({
      metric,
      total: total[metric],
      last7: last7[metric],
      previous7: previous7[metric],
      change: last7[metric] - previous7[metric],
      change_pct:
        previous7[metric] === 0
          ? null
          : ((last7[metric] - previous7[metric]) / previous7[metric]) * 100,
    }));
  }

  /** Customers of the context: everyone for all, else those with a session in the dimension. */
  private contextClients(): Set<string> {
    if (this.dimension === 'all') {
      return new Set([
        ...this.fixture.downloads.map((d) => d.client),
        ...this.fixture.orders.map((o) => o.client),
      ]);
    }
    return new Set(this.sessions.map((s) => s.client));
  }

  cohort(
    step: 'download_first' | 'first_second' | 'second_third' | 'third_fourth',
    period: 'daily' | 'weekly',
  ) {
    const byClient = this.ordersByClient();
    const pairs: Array<[number, number | null]> = [];
    if (step === 'download_first') {
      for (const client of this.contextClients()) {
        const download = this.fixture.downloads.find((d) => d.client === client);
        if (!download) continue;
        const first = byClient.get(client)?.[0];
        pairs.push([ms(download.download_date), first ? ms(first.session_start) : null]);
      }
    } else {
      const k = { first_second: 0, second_third: 1, third_fourth: 2 }[step];
      for (const list of byClient.values()) {
        if (list.length <= k) continue;
        pairs.push([
          ms(list[k]!.session_start),
          list[k + 1] ? ms(list[k + 1]!.session_start) : null,
        ]);
      }
    }
    const label = period === 'daily' ? dayLabel : weekLabel;
    const unit = period === 'daily' ? DAY : 7 * DAY;
    const rows = new Map<string, { size: number; counts: number[] }>();
    for (const [from, to] of pairs) {
      const row = rows.get(label(from)) ?? { size: 0, counts: new Array(16).fill(0) };
      rows.set(label(from), row);
      row.size++;
      if (to === null) continue;
      const column = Math.round((ms(label(to)) - ms(label(from))) / unit);
      if (column >= 0 && column <= 15) row.counts[column]!++;
    }
    if (rows.size === 0) return [];
    const sorted = [...rows.keys()].sort();
    return labels(ms(sorted[0]!), ms(sorted[sorted.length - 1]!), period).map((p) => ({
      period: p,
      cohort_size: rows.get(p)?.size ?? 0,
      counts: rows.get(p)?.counts ?? new Array(16).fill(0),
    }));
  }

  customerFunnel(period: Cal) {
    const byClient = this.ordersByClient();
    const clients = this.contextClients();
    const events: Array<{ step: string; times: number[] }> = [];
    const add = (step: string, get: (client: string) => number | null) =>
      events.push({ step, times: [...clients].map(get).filter((t): t is number => t !== null) });
    const download = (client: string) => this.fixture.downloads.find((d) => d.client === client);
    add('download', (c) => (download(c) ? ms(download(c)!.download_date) : null));
    add('signup', (c) => (download(c)?.signup_date ? ms(download(c)!.signup_date!) : null));
    add('first_login', (c) =>
      download(c)?.actions?.first_login ? ms(download(c)!.actions!.first_login!) : null,
    );
    add('first_session', (c) => {
      const times = this.sessions.filter((s) => s.client === c).map((s) => ms(s.session_start));
      return times.length ? Math.min(...times) : null;
    });
    add('first_order', (c) => (byClient.get(c) ? ms(byClient.get(c)![0]!.session_start) : null));
    const firstDay = ms(dayLabel(this.fromMs));
    const inRange = (t: number) => t >= firstDay && t <= this.nowMs;
    return labels(this.fromMs, this.nowMs, period).map((label) => ({
      period: label,
      counts: Object.fromEntries(
        events.map(({ step, times }) => [
          step,
          times.filter((t) => inRange(t) && labelOf[period](t) === label).length,
        ]),
      ),
    }));
  }

  /** Orders before t (at t too when `inclusive`: the overall rate at now). */
  churn(tMs: number, inclusive = false, factor = 2) {
    const byClient = this.ordersByClient(tMs, inclusive);
    const gaps: number[] = [];
    for (const list of byClient.values()) {
      if (list.length < 2) continue;
      let sum = 0;
      for (let i = 1; i < list.length; i++)
        sum += ms(list[i]!.session_start) - ms(list[i - 1]!.session_start);
      gaps.push(sum / (list.length - 1));
    }
    gaps.sort((a, b) => a - b);
    const median =
      gaps.length === 0
        ? null
        : gaps.length % 2
          ? gaps[(gaps.length - 1) / 2]!
          : (gaps[gaps.length / 2 - 1]! + gaps[gaps.length / 2]!) / 2;
    let churned = 0;
    for (const list of byClient.values()) {
      const last = ms(list[list.length - 1]!.session_start);
      let gap: number | null = median;
      if (list.length >= 2) gap = (last - ms(list[0]!.session_start)) / (list.length - 1);
      if (gap !== null && tMs - last > factor * gap) churned++;
    }
    return {
      customers: byClient.size,
      churned,
      median_gap_hours: median === null ? null : median / 3_600_000,
    };
  }

  journey() {
    const byClient = [...this.ordersByClient().values()];
    const orders = byClient.reduce((n, l) => n + l.length, 0);
    const depth = Math.max(1, Math.floor(orders / Math.max(1, byClient.length)));
    const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
    const toFirst = byClient.flatMap((list) => {
      const d = this.fixture.downloads.find((x) => x.client === list[0]!.client);
      return d ? [(ms(list[0]!.session_start) - ms(d.download_date)) / 3_600_000] : [];
    });
    const amount = (k: number) =>
      byClient.filter((l) => l.length > k).map((l) => l[k]!.payment_amount);
    const gap = (l: OrderDocument[], k: number) =>
      (ms(l[k + 1]!.session_start) - ms(l[k]!.session_start)) / 3_600_000;
    const allGaps = byClient.flatMap((l) => l.slice(1).map((_, k) => gap(l, k)));
    return {
      toFirst: mean(toFirst),
      amounts: Array.from({ length: depth }, (_, k) => mean(amount(k))),
      gaps: Array.from({ length: depth - 1 }, (_, k) =>
        mean(byClient.filter((l) => l.length > k + 1).map((l) => gap(l, k))),
      ),
      allGaps: mean(allGaps),
      sinceLast: mean(
        byClient.map((l) => (this.nowMs - ms(l[l.length - 1]!.session_start)) / 3_600_000),
      ),
    };
  }

  topTerms(field: 'product' | 'category') {
    const counts = new Map<string, { orders: number; quantity: number }>();
    for (const o of this.purchases) {
      const seen = new Set<string>();
      for (const line of o.basket ?? []) {
        const entry = counts.get(line[field]) ?? { orders: 0, quantity: 0 };
        counts.set(line[field], entry);
        entry.quantity += line.quantity;
        if (!seen.has(line[field])) entry.orders++;
        seen.add(line[field]);
      }
    }
    return [...counts]
      .map(([name, v]) => ({ name, ...v }))
      .sort((a, b) => b.orders - a.orders || (a.name < b.name ? -1 : 1));
  }

  pairs() {
    const counts = new Map<string, number>();
    for (const o of this.purchases) {
      const products = [...new Set((o.basket ?? []).map((l) => l.product))].sort();
      for (let i = 0; i < products.length; i++)
        for (let j = i + 1; j < products.length; j++) {
          const key = `${products[i]}|${products[j]}`;
          counts.set(key, (counts.get(key) ?? 0) + 1);
        }
    }
    return counts;
  }

  dailyProductRevenue() {
    return labels(this.fromMs, this.nowMs, 'daily').map((period) => ({
      period,
      revenue: this.purchases
        .filter((o) => dayLabel(ms(o.session_start)) === period)
        .reduce(
          (sum, o) => sum + (o.basket ?? []).reduce((s, l) => s + l.price * l.quantity, 0),
          0,
        ),
    }));
  }

  promotionKpis() {
    const promos = [
      ...new Set(this.purchases.map((o) => o.promotion_id).filter((p): p is string => !!p)),
    ];
    return promos.map((promotion) => {
      const list = this.purchases.filter((o) => o.promotion_id === promotion);
      return {
        promotion,
        orders: list.length,
        revenue: list.reduce((s, o) => s + o.payment_amount, 0),
        discount: list.reduce((s, o) => s + o.discount_amount, 0),
        customers: new Set(list.map((o) => o.client)).size,
      };
    });
  }

  promotionDaily(promotion: string) {
    const list = this.purchases.filter((o) => o.promotion_id === promotion);
    const times = list.map((o) => ms(o.session_start));
    return labels(Math.min(...times), Math.max(...times), 'daily').map((period) => {
      const day = list.filter((o) => dayLabel(ms(o.session_start)) === period);
      return {
        promotion,
        period,
        orders: day.length,
        revenue: day.reduce((s, o) => s + o.payment_amount, 0),
        discount: day.reduce((s, o) => s + o.discount_amount, 0),
      };
    });
  }

  inorganicRatio() {
    return labels(this.fromMs, this.nowMs, 'daily').map((period) => {
      const day = this.purchases.filter((o) => dayLabel(ms(o.session_start)) === period);
      const promoted = day.filter((o) => !!o.promotion_id).length;
      return {
        period,
        orders: day.length,
        promoted_orders: promoted,
        ratio: day.length ? promoted / day.length : null,
      };
    });
  }

  weekEnds(): number[] {
    const firstOrder = Math.min(...this.purchases.map((o) => ms(o.session_start)));
    const ends: number[] = [];
    for (let week = ms(weekLabel(firstOrder)); week + 7 * DAY <= this.nowMs; week += 7 * DAY)
      ends.push(week + 7 * DAY);
    return ends;
  }
}
