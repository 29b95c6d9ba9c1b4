import { isoDay } from '../../../../common/time';
import { contextCustomers } from '../../analyses/customer_table';
import { selectDimension, type OrderSequences } from '../../analyses/order_sequences';
import { PeriodIndex, daysInRange, type CalendarPeriod } from '../../analyses/periods';
import { sessionFunnelSteps } from '../../analyses/session_funnel';
import { sessionsQuery, type AnalysisContext, type Query } from '../context';
import {
  rollUp,
  sessionDayBuckets,
  sessionHourBuckets,
  type SessionBucket,
} from '../queries/session_periods';
import type { RunData } from './types';

export const CALENDAR_PERIODS: readonly CalendarPeriod[] = ['daily', 'weekly', 'monthly'];

/**
 * What the producers of one context share. Aggregations and derived arrays are computed on first
 * use and memoised, so two families reading the same buckets cost one request; producers of a
 * stage run concurrently, so the requests still go out together.
 */
export class ContextInputs {
  readonly sessions: Query;
  readonly steps: string[];
  readonly dayCount: number;
  readonly days: PeriodIndex;
  readonly weeks: PeriodIndex;
  /** Position of this context in per-context arrays of the pass: 0 for all, then each value. */
  readonly slot: number;
  /** Params every report of the run carries. */
  readonly baseParams: Record<string, unknown>;
  private periodBuckets?: Promise<SessionBucket[][]>;
  private hourBuckets?: Promise<SessionBucket[]>;
  private sequencesMemo?: OrderSequences | null;
  private membersMemo?: Int32Array | null;

  constructor(
    readonly run: RunData,
    readonly context: AnalysisContext,
  ) {
    const { range } = run;
    this.sessions = sessionsQuery(context, range);
    this.steps = sessionFunnelSteps(run.actions);
    this.dayCount = daysInRange(range);
    this.days = new PeriodIndex(range, 'daily');
    this.weeks = new PeriodIndex(range, 'weekly');
    this.slot = context.dimensionIndex + 1;
    this.baseParams = {
      reference_time: new Date(range.nowMs).toISOString(),
      from: isoDay(range.fromMs),
    };
  }

  /** Session buckets per calendar period, in CALENDAR_PERIODS order (one request: days). */
  sessionPeriods(): Promise<SessionBucket[][]> {
    const { client, names, range, actions } = this.run;
    this.periodBuckets ??= sessionDayBuckets(
      client,
      names.orders,
      this.sessions,
      range,
      actions,
    ).then((days) => [
      days,
      rollUp(days, this.weeks),
      rollUp(days, new PeriodIndex(range, 'monthly')),
    ]);
    return this.periodBuckets;
  }

  sessionHours(): Promise<SessionBucket[]> {
    const { client, names, actions } = this.run;
    this.hourBuckets ??= sessionHourBuckets(client, names.orders, this.sessions, actions);
    return this.hourBuckets;
  }

  /** This context's order sequences from the pass, or null when the run made no pass. */
  sequences(): OrderSequences | null {
    if (this.sequencesMemo === undefined) {
      const { pass } = this.run;
      this.sequencesMemo =
        pass && (this.context.dimensionIndex < 0 ? pass : selectDimension(pass, this.slot - 1));
    }
    return this.sequencesMemo;
  }

  /** This context's customers in the run's customer table, or null without the table. */
  members(): Int32Array | null {
    if (this.membersMemo === undefined) {
      const table = this.run.customers;
      this.membersMemo = table && contextCustomers(table, this.context.dimensionIndex);
    }
    return this.membersMemo;
  }
}
