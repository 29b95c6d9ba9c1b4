import { z } from 'zod';
import { runDocumentSchema, runStageSchema } from './documents';
import {
  customersMappingSchema,
  productsMappingSchema,
  sessionsMappingSchema,
} from './source_mapping';

/**
 * The sidecar's admin API: every endpoint's method, path (Kibana-style `{param}`), summary and
 * zod schemas. The sidecar validates with them and builds /openapi.json from them; the Kibana
 * server proxies each endpoint under ADMIN_PROXY_BASE; the app reads the response types.
 */

/** Shown instead of a stored secret; sending it back keeps the stored value. */
export const SECRET_MASK = '********';

export const CONNECTION_ROLES = ['sessions', 'customers', 'products'] as const;
export const connectionRoleSchema = z.enum(CONNECTION_ROLES);
export type ConnectionRole = z.infer<typeof connectionRoleSchema>;

/** The body of PUT /connections/{role}: the same mapping `ingest --config` reads for that role. */
export const CONNECTION_MAPPING_SCHEMAS = {
  sessions: sessionsMappingSchema,
  customers: customersMappingSchema,
  products: productsMappingSchema,
} as const;
export const connectionBodySchema = z.union([
  sessionsMappingSchema,
  customersMappingSchema,
  productsMappingSchema,
]);
export type ConnectionMappingInput = z.input<typeof sessionsMappingSchema>;

export const connectionSchema = z.object({
  role: connectionRoleSchema,
  /** The mapping with every secret replaced by SECRET_MASK. */
  mapping: z.record(z.string(), z.unknown()),
  updated_at: z.string(),
});
export type Connection = z.infer<typeof connectionSchema>;

const sampleValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export const connectionTestSchema = z.object({
  ok: z.boolean(),
  source: z.string(),
  columns: z.array(z.string()),
  fields: z.array(
    z.object({
      field: z.string(),
      column: z.string().nullable(),
      required: z.boolean(),
      found: z.boolean(),
    }),
  ),
  problems: z.array(z.string()),
  sample: z.array(z.record(z.string(), sampleValue)),
});
export type ConnectionTest = z.infer<typeof connectionTestSchema>;

export const SCHEDULE_PERIODS = ['once', 'hourly', 'daily', 'weekly', 'monthly', 'cron'] as const;
export const scheduleInputSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    period: z.enum(SCHEDULE_PERIODS),
    /** Five fields, or six with seconds first (node-cron); only with period `cron`. */
    cron: z.string().trim().min(1).max(100).optional(),
    /** When a `once` schedule runs (default: at once). */
    at: z.iso.datetime({ offset: true }).optional(),
  })
  .superRefine((value, context) => {
    if (value.period === 'cron' && value.cron === undefined)
      context.addIssue({ code: 'custom', path: ['cron'], message: 'required with period cron' });
    if (value.period !== 'cron' && value.cron !== undefined)
      context.addIssue({ code: 'custom', path: ['cron'], message: 'only with period cron' });
    if (value.period !== 'once' && value.at !== undefined)
      context.addIssue({ code: 'custom', path: ['at'], message: 'only with period once' });
  });
export type ScheduleInput = z.infer<typeof scheduleInputSchema>;

export const scheduleSchema = z.object({
  id: z.string(),
  name: z.string(),
  period: z.enum(SCHEDULE_PERIODS),
  /** The cron expression the period stands for (none for `once`). */
  cron: z.string().nullable(),
  at: z.string().nullable(),
  created_at: z.string(),
  last_run_at: z.string().nullable(),
  last_run_id: z.string().nullable(),
});
export type Schedule = z.infer<typeof scheduleSchema>;

export const idParamsSchema = z.object({ id: z.string().trim().min(1).max(200) });
export const roleParamsSchema = z.object({ role: connectionRoleSchema });

/** `refused`: a trigger answered 409 while another run held the lock; `error` names that run. */
export const RUN_LIST_STATUSES = [
  'running',
  'complete',
  'failed',
  'interrupted',
  'refused',
] as const;
export const runsQuerySchema = z.object({
  size: z.coerce.number().int().min(1).max(100).default(20),
  from: z.coerce.number().int().min(0).max(10_000).default(0),
  status: z.enum(RUN_LIST_STATUSES).optional(),
});
export const runListItemSchema = runDocumentSchema.omit({ logs: true }).extend({
  stages: z.array(runStageSchema),
});
export const runListSchema = z.object({ total: z.number(), runs: z.array(runListItemSchema) });
export type RunListItem = z.infer<typeof runListItemSchema>;
export type RunList = z.infer<typeof runListSchema>;

export const LOG_LEVELS = ['info', 'warn', 'error'] as const;
export const logsQuerySchema = z.object({
  run_id: z.string().trim().min(1).max(200).optional(),
  level: z.enum(LOG_LEVELS).optional(),
  size: z.coerce.number().int().min(1).max(500).default(100),
  from: z.coerce.number().int().min(0).max(100_000).default(0),
});
export const logLineSchema = z.object({
  run_id: z.string(),
  time: z.string(),
  level: z.string(),
  message: z.string(),
});
export const logPageSchema = z.object({ total: z.number(), lines: z.array(logLineSchema) });
export type LogLine = z.infer<typeof logLineSchema>;
export type LogPage = z.infer<typeof logPageSchema>;

export const runTriggerSchema = z.object({
  /** Skip the ingest even when connections are configured (analyses only). */
  skip_ingest: z.boolean().default(false),
  /** Recompute what a refresh schedule would carry forward (the weekly CLV), as `run --force`. */
  force: z.boolean().default(false),
});
export const runStartedSchema = z.object({ run_id: z.string() });

export const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  elasticsearch: z.object({ reachable: z.boolean(), error: z.string().optional() }),
  work_folder: z.object({ path: z.string(), writable: z.boolean() }),
});
export type Health = z.infer<typeof healthSchema>;

/** POST /elasticsearch/check: another cluster's address and credentials, or {} for our own. */
export const esCheckInputSchema = z.object({
  url: z.url({ protocol: /^https?$/ }).optional(),
  api_key: z.string().min(1).optional(),
  username: z.string().min(1).optional(),
  password: z.string().optional(),
});
export const esCheckSchema = z.object({
  reachable: z.boolean(),
  url: z.string(),
  version: z.string().nullable(),
  cluster_name: z.string().nullable(),
  error: z.string().nullable(),
  work_folder: z.object({ path: z.string(), writable: z.boolean() }),
});
export type EsCheck = z.infer<typeof esCheckSchema>;

export const errorSchema = z.object({
  statusCode: z.number(),
  error: z.string(),
  message: z.string(),
  fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type AdminError = z.infer<typeof errorSchema>;

export interface AdminEndpoint {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  summary: string;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  response: z.ZodType | null;
  /** Answers without the bearer token (health only). */
  open?: boolean;
}

export const ADMIN_ENDPOINTS = {
  health: {
    method: 'GET',
    path: '/health',
    summary: 'Elasticsearch reachable and the work folder writable',
    response: healthSchema,
    open: true,
  },
  checkElasticsearch: {
    method: 'POST',
    path: '/elasticsearch/check',
    summary: 'Connect to Elasticsearch (host, port, auth) and check the work folder',
    body: esCheckInputSchema,
    response: esCheckSchema,
  },
  listConnections: {
    method: 'GET',
    path: '/connections',
    summary: 'The data connections (secrets masked)',
    response: z.array(connectionSchema),
  },
  putConnection: {
    method: 'PUT',
    path: '/connections/{role}',
    summary: 'Create or replace a data connection: source, column mapping, actions',
    params: roleParamsSchema,
    body: connectionBodySchema,
    response: connectionSchema,
  },
  deleteConnection: {
    method: 'DELETE',
    path: '/connections/{role}',
    summary: 'Remove a data connection',
    params: roleParamsSchema,
    response: null,
  },
  testConnection: {
    method: 'POST',
    path: '/connections/{role}/test',
    summary: 'Columns found, the mapping check and a 5-row sample (body: unsaved mapping)',
    params: roleParamsSchema,
    body: connectionBodySchema.optional(),
    response: connectionTestSchema,
  },
  listSchedules: {
    method: 'GET',
    path: '/schedules',
    summary: 'The schedules',
    response: z.array(scheduleSchema),
  },
  createSchedule: {
    method: 'POST',
    path: '/schedules',
    summary: 'Add a schedule (once, hourly, daily, weekly, monthly or a cron expression)',
    body: scheduleInputSchema,
    response: scheduleSchema,
  },
  deleteSchedule: {
    method: 'DELETE',
    path: '/schedules/{id}',
    summary: 'Delete a schedule; its future runs stop',
    params: idParamsSchema,
    response: null,
  },
  startRun: {
    method: 'POST',
    path: '/runs',
    summary: 'Run now: ingest the connections, then every analysis (409 while a run is on)',
    body: runTriggerSchema,
    response: runStartedSchema,
  },
  listRuns: {
    method: 'GET',
    path: '/runs',
    summary: 'Runs, newest first: status, stage progress, counts, errors',
    query: runsQuerySchema,
    response: runListSchema,
  },
  getRun: {
    method: 'GET',
    path: '/runs/{id}',
    summary: 'One run with its log lines',
    params: idParamsSchema,
    response: runDocumentSchema,
  },
  listLogs: {
    method: 'GET',
    path: '/logs',
    summary: 'Log lines of the runs, newest run first, filterable by run and level',
    query: logsQuerySchema,
    response: logPageSchema,
  },
} as const satisfies Record<string, AdminEndpoint>;
export type AdminEndpointName = keyof typeof ADMIN_ENDPOINTS;

/** Where the Kibana server proxies the admin API (the browser never talks to the sidecar). */
export const ADMIN_PROXY_BASE = '/api/customer_analytics/admin';

/** `path` with `{name}` replaced by the URI-encoded params. */
export function adminPath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/\{([a-z_]+)\}/g, (_, name: string) =>
    encodeURIComponent(params[name] ?? ''),
  );
}
