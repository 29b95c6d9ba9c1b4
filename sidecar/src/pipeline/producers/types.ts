import type { Client } from '@elastic/elasticsearch';
import type { IndexNames } from '../../../../common/indices';
import type { ReportId } from '../../../../common/reports/catalogue';
import type { CustomerTable } from '../../analyses/customer_table';
import type { PassOrders } from '../../analyses/order_sequences';
import type { TimeRange } from '../../analyses/periods';
import type { Visitors } from '../../analyses/visitors';
import type { BasketStats } from '../basket_stats';
import type { AnalysisContext } from '../context';
import type { ContextInputs } from './context_inputs';

/**
 * What a report can need from the run, computed once and shared by every producer:
 * - `order_pass`: the single streamed pass over purchased orders (per-customer sequences);
 * - `customers`: each customer's download, dated actions and first session (implies the pass);
 * - `baskets`: basket pairs and product revenue gathered during the pass;
 * - `visitors`: distinct clients with a session per context (in total, per week, in the KPI
 *   windows), exact, counted by the first-sessions composites of the `customers` stage;
 * - `session_periods` / `session_hours`: the per-context session aggregations by calendar period
 *   and by clock hour, requested once per context however many reports read them.
 * Aggregations only one family reads stay inside that family's producer.
 */
export const RUN_INPUTS = [
  'order_pass',
  'customers',
  'baskets',
  'visitors',
  'session_periods',
  'session_hours',
] as const;
export type RunInput = (typeof RUN_INPUTS)[number];

/** What a producer staged outside `reports` (profiles): published once the run is complete. */
export interface RunFinisher {
  complete(): Promise<void>;
  discard(): Promise<void>;
}

/** Everything a run shares between its contexts. */
export interface RunData {
  runId: string;
  /** Staged outputs to publish after the run completes, or to discard when it fails. */
  finishers: RunFinisher[];
  client: Client;
  names: IndexNames;
  range: TimeRange;
  actions: readonly string[];
  topN: number;
  churnFactor: number;
  /** The run's dimension values, in the pass's dimension index order. */
  dimensions?: readonly string[];
  /** k of the anomalies' median + k × MAD threshold (DEFAULT_MAD_K when absent). */
  anomalyMadK?: number;
  pass: PassOrders | null;
  customers: CustomerTable | null;
  baskets: BasketStats | null;
  visitors: Visitors | null;
  /** A line in the run's log (what a stage did beyond its reports, e.g. index maintenance). */
  log(message: string): Promise<void>;
  /** Recompute what a refresh schedule would carry forward (`run --force`: the weekly CLV). */
  force?: boolean;
  /** Progress of a long step inside the reports stage (a model fit), shown like a stage's. */
  progress?(step: string, done: number, total: number): void;
}

/** One producer's view of one context: shared inputs, and `put` for the reports it computed. */
export interface ProduceStep {
  run: RunData;
  context: AnalysisContext;
  inputs: ContextInputs;
  /** True when any selected report of this producer declared `input`. */
  wants(input: RunInput): boolean;
  /** True when report `id` is selected; `put` ignores reports that are not. */
  selected(id: ReportId): boolean;
  put(id: ReportId, data: object[], params?: Record<string, unknown>): void;
}

/**
 * One report family: the reports it writes with what each needs from the run, the families of
 * earlier stages it reads (`after`), and its produce step for one context. The run asks the
 * registry (./index.ts) for all of this; nothing else lists reports.
 */
export interface ReportProducer {
  family: string;
  /** The stage it runs in; stages run in the order their `after` declarations imply. */
  stage: string;
  /** Stages whose reports must be written before this one runs. */
  after?: readonly string[];
  reports: Readonly<Partial<Record<ReportId, readonly RunInput[]>>>;
  produce(step: ProduceStep): Promise<void>;
}

/** A producer's report ids, in declaration order. */
export function producerIds(producer: ReportProducer): ReportId[] {
  return Object.keys(producer.reports) as ReportId[];
}
