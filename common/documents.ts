import { z } from 'zod';

/** One basket line of an order, as stored in the nested `basket` field. */
export const basketLineSchema = z.object({
  product: z.string().min(1),
  category: z.string().min(1),
  price: z.number().nonnegative(),
  /** `price` in integer cents: what revenue sums read. Every ingest writes it. */
  price_cents: z.number().int().nonnegative().optional(),
  quantity: z.number().positive(),
});
export type BasketLine = z.infer<typeof basketLineSchema>;

/**
 * One session in `orders`, `_id` = session_id. `actions` always holds `has_sessions: true` and
 * `purchased`, plus the business's own boolean actions (e.g. `has_basket`).
 */
export const orderDocumentSchema = z.object({
  session_id: z.string().min(1),
  client: z.string().min(1),
  session_start: z.string(),
  session_end: z.string().nullable().optional(),
  purchased: z.boolean(),
  payment_amount: z.number().nonnegative(),
  discount_amount: z.number().nonnegative(),
  /**
   * The amounts in integer cents: every sum of the reports reads these (exact in any order).
   * Every ingest writes them; optional only so that hand-made test documents may leave them to
   * their loader.
   */
  payment_cents: z.number().int().nonnegative().optional(),
  discount_cents: z.number().int().nonnegative().optional(),
  promotion_id: z.string().nullable().optional(),
  dimension: z.string().nullable().optional(),
  actions: z.record(z.string(), z.boolean()),
  basket: z.array(basketLineSchema).optional(),
  basket_size: z.number().int().nonnegative().optional(),
});
export type OrderDocument = z.infer<typeof orderDocumentSchema>;

/** One customer in `downloads`, `_id` = client. Dated customer actions live in `actions`. */
export const downloadDocumentSchema = z.object({
  client: z.string().min(1),
  download_date: z.string(),
  signup_date: z.string().nullable().optional(),
  actions: z.record(z.string(), z.string().nullable()).optional(),
});
export type DownloadDocument = z.infer<typeof downloadDocumentSchema>;

/** The dimension value that stands for "every session". */
export const ALL_DIMENSIONS = 'all';

/** One stored report: `data` is kept in `_source` but never indexed. */
export const reportDocumentSchema = z.object({
  report: z.string(),
  type: z.string(),
  dimension: z.string(),
  run_id: z.string(),
  created_at: z.string(),
  params: z.record(z.string(), z.unknown()).default({}),
  rows: z.number().int().nonnegative(),
  data: z.array(z.record(z.string(), z.unknown())),
});
export type ReportDocument = z.infer<typeof reportDocumentSchema>;

/**
 * `interrupted`: the process running it stopped (SIGTERM, or found dead by its heartbeat).
 * `refused`: a trigger that never ran because another run held the lock (service/run_lock.ts).
 */
export const RUN_STATUSES = ['running', 'complete', 'failed', 'interrupted', 'refused'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export const runStageSchema = z.object({
  name: z.string(),
  status: z.enum(['pending', 'running', 'complete', 'failed', 'skipped']),
  started_at: z.string().nullable().optional(),
  finished_at: z.string().nullable().optional(),
  done: z.number().nonnegative().optional(),
  total: z.number().nonnegative().nullable().optional(),
  message: z.string().optional(),
});
export type RunStage = z.infer<typeof runStageSchema>;

/** The process running a run: on its own machine, enough to tell whether it is still there. */
export const runOwnerSchema = z.object({
  pid: z.number().int(),
  hostname: z.string(),
  /** Linux: pids compare only within one pid namespace (containers may share a hostname). */
  pid_namespace: z.string().nullable(),
  /** Linux: the process's start time (ticks since boot), so a reused pid is not taken for it. */
  process_start: z.string().nullable(),
});
export type RunOwner = z.infer<typeof runOwnerSchema>;

/** One run (ingest or analyses) in `runs`. `kind` says which job it was. */
export const runDocumentSchema = z.object({
  run_id: z.string(),
  kind: z.enum(['ingest', 'analyses', 'full']),
  status: z.enum(RUN_STATUSES),
  started_at: z.string(),
  finished_at: z.string().nullable().optional(),
  /** Written while running; a running run whose heartbeat stopped belongs to a dead process. */
  heartbeat_at: z.string().nullable().optional(),
  owner: runOwnerSchema.nullable().optional(),
  reference_time: z.string().nullable().optional(),
  stages: z.array(runStageSchema).default([]),
  summary: z.record(z.string(), z.unknown()).optional(),
  error: z.string().nullable().optional(),
  logs: z.array(z.object({ time: z.string(), level: z.string(), message: z.string() })).default([]),
});
export type RunDocument = z.infer<typeof runDocumentSchema>;
