import { z } from 'zod';

/**
 * The ingest configuration: where each of the three sources comes from (or one table of order
 * lines that all three are derived from), which source column feeds each field, how values are
 * parsed, and how many bad rows an ingest may have before it refuses to replace what users see.
 * YAML or JSON files are validated against `ingestConfigSchema`.
 */

const nonEmpty = z.string().trim().min(1);

export const csvSourceSchema = z.object({
  type: z.literal('csv'),
  path: nonEmpty,
  /** `auto` picks `,`, `;`, tab or `|` from the header line. */
  delimiter: z.union([z.literal('auto'), z.string().min(1).max(2)]).default('auto'),
  quote: z.string().length(1).default('"'),
  encoding: z.enum(['utf8', 'latin1']).default('utf8'),
});

export const xlsxSourceSchema = z.object({
  type: z.literal('xlsx'),
  path: nonEmpty,
  /** A sheet name, or its 1-based position in the workbook. */
  sheet: z.union([nonEmpty, z.number().int().positive()]).default(1),
  header_row: z.number().int().positive().default(1),
});

const sqlParam = z.union([z.string(), z.number(), z.boolean(), z.null()]);

const tableOrQuery = <T extends { table?: string; query?: string }>(value: T): boolean =>
  (value.table === undefined) !== (value.query === undefined);
const tableOrQueryMessage = { message: 'give exactly one of `table` or `query`' };

export const postgresSourceSchema = z
  .object({
    type: z.literal('postgres'),
    host: nonEmpty.default('127.0.0.1'),
    port: z.number().int().min(1).max(65535).default(5432),
    database: nonEmpty,
    user: nonEmpty,
    /** Prefer `password_env` (the name of an environment variable) over a literal password. */
    password: z.string().optional(),
    password_env: nonEmpty.optional(),
    ssl: z
      .union([
        z.boolean(),
        z.object({ reject_unauthorized: z.boolean().default(true), ca_file: nonEmpty.optional() }),
      ])
      .default(false),
    schema: nonEmpty.optional(),
    table: nonEmpty.optional(),
    query: nonEmpty.optional(),
    /** Bound to $1, $2, … of `query`; never interpolated. */
    params: z.array(sqlParam).default([]),
    batch_size: z.number().int().positive().default(5_000),
  })
  .refine(tableOrQuery, tableOrQueryMessage);

export const bigquerySourceSchema = z
  .object({
    type: z.literal('bigquery'),
    project_id: nonEmpty,
    dataset: nonEmpty.optional(),
    table: nonEmpty.optional(),
    query: nonEmpty.optional(),
    /** Named parameters (`@name` in the query). */
    params: z.record(z.string(), sqlParam).default({}),
    location: nonEmpty.optional(),
    /** A service-account key file; without it the environment's credentials are used. */
    key_file: nonEmpty.optional(),
    /** Another API root (tests, private endpoints). */
    api_endpoint: nonEmpty.optional(),
    page_size: z.number().int().positive().default(10_000),
  })
  .refine(tableOrQuery, tableOrQueryMessage)
  .refine((value) => value.table === undefined || value.dataset !== undefined, {
    message: '`table` needs `dataset`',
  });

export const redshiftSourceSchema = z
  .object({
    type: z.literal('redshift'),
    region: nonEmpty,
    cluster_identifier: nonEmpty.optional(),
    workgroup_name: nonEmpty.optional(),
    database: nonEmpty,
    secret_arn: nonEmpty.optional(),
    db_user: nonEmpty.optional(),
    schema: nonEmpty.optional(),
    table: nonEmpty.optional(),
    query: nonEmpty.optional(),
    /** Named parameters (`:name` in the query); the Data API takes them as strings. */
    params: z.record(z.string(), z.string()).default({}),
    endpoint: nonEmpty.optional(),
    poll_interval_ms: z.number().int().positive().default(500),
    timeout_ms: z
      .number()
      .int()
      .positive()
      .default(15 * 60_000),
  })
  .refine(tableOrQuery, tableOrQueryMessage)
  .refine(
    (value) => (value.cluster_identifier === undefined) !== (value.workgroup_name === undefined),
    {
      message:
        'give exactly one of `cluster_identifier` (provisioned) or `workgroup_name` (serverless)',
    },
  );

export const sourceSchema = z.discriminatedUnion('type', [
  csvSourceSchema,
  xlsxSourceSchema,
  postgresSourceSchema,
  bigquerySourceSchema,
  redshiftSourceSchema,
]);
export type SourceConfig = z.infer<typeof sourceSchema>;
export type SourceType = SourceConfig['type'];
export type CsvSourceConfig = z.infer<typeof csvSourceSchema>;
export type XlsxSourceConfig = z.infer<typeof xlsxSourceSchema>;
export type PostgresSourceConfig = z.infer<typeof postgresSourceSchema>;
export type BigquerySourceConfig = z.infer<typeof bigquerySourceSchema>;
export type RedshiftSourceConfig = z.infer<typeof redshiftSourceSchema>;

/** Names stored under `actions.*`: lowercase identifiers, never the two built-in flags. */
const actionName = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, 'action names are lowercase letters, digits and _')
  .refine((name) => name !== 'has_sessions' && name !== 'purchased', {
    message: '`has_sessions` and `purchased` are built-in actions',
  });

/** `has_basket` is short for `{ name: has_basket, column: has_basket }`. */
const actionSchema = z
  .union([actionName, z.object({ name: actionName, column: nonEmpty })])
  .transform((action) => (typeof action === 'string' ? { name: action, column: action } : action));
export type ActionMapping = z.output<typeof actionSchema>;

const uniqueActions = z
  .array(actionSchema)
  .default([])
  .refine((actions) => new Set(actions.map((a) => a.name)).size === actions.length, {
    message: 'action names must be unique',
  });

/** Required fields default to a column of the same name; optional ones are unmapped unless named. */
export const sessionColumnsSchema = z.object({
  order_id: nonEmpty.default('order_id'),
  client: nonEmpty.default('client'),
  session_start: nonEmpty.default('session_start'),
  payment_amount: nonEmpty.default('payment_amount'),
  purchased: nonEmpty.default('purchased'),
  session_end: nonEmpty.optional(),
  discount_amount: nonEmpty.optional(),
  promotion_id: nonEmpty.optional(),
  dimension: nonEmpty.optional(),
});
export const customerColumnsSchema = z.object({
  client: nonEmpty.default('client'),
  download_date: nonEmpty.default('download_date'),
  signup_date: nonEmpty.optional(),
});
export const productColumnsSchema = z.object({
  order_id: nonEmpty.default('order_id'),
  product: nonEmpty.default('product'),
  category: nonEmpty.default('category'),
  price: nonEmpty.default('price'),
  /** Unmapped: every line has quantity 1. */
  quantity: nonEmpty.optional(),
});
export const orderLineColumnsSchema = z.object({
  invoice: nonEmpty,
  product: nonEmpty,
  /** E.g. a description or a product group; unmapped: the product itself. */
  category: nonEmpty.optional(),
  quantity: nonEmpty,
  unit_price: nonEmpty,
  invoice_date: nonEmpty,
  customer: nonEmpty,
  /** E.g. country. */
  dimension: nonEmpty.optional(),
});

export const sessionsMappingSchema = z.object({
  source: sourceSchema,
  columns: sessionColumnsSchema.prefault({}),
  /** Boolean actions in funnel order (after has_sessions, before purchased). */
  actions: uniqueActions,
});
export const customersMappingSchema = z.object({
  source: sourceSchema,
  columns: customerColumnsSchema.prefault({}),
  /** Dated customer actions (e.g. first_login) in funnel order. */
  actions: uniqueActions,
});
export const productsMappingSchema = z.object({
  source: sourceSchema,
  columns: productColumnsSchema.prefault({}),
});
export const orderLinesMappingSchema = z.object({
  source: sourceSchema,
  columns: orderLineColumnsSchema,
  /** Invoices starting with this are cancellations (excluded); negative quantities are too. */
  cancellation_prefix: z.string().min(1).nullable().default('C'),
});

export const parseOptionsSchema = z.object({
  /** IANA zone for dates without an offset. */
  timezone: nonEmpty.default('UTC'),
  /** Extra formats tried after the built-in ones, e.g. `dd/MM/yyyy HH:mm` (tokens yyyy MM dd HH mm ss SSS). */
  date_formats: z.array(nonEmpty).default([]),
  decimal_separator: z.enum(['.', ',']).default('.'),
});
export type ParseOptions = z.output<typeof parseOptionsSchema>;

export const ingestConfigSchema = z
  .object({
    sessions: sessionsMappingSchema.optional(),
    customers: customersMappingSchema.optional(),
    products: productsMappingSchema.optional(),
    /** Order-lines-only data: all three sources are derived from this one table. */
    order_lines: orderLinesMappingSchema.optional(),
    parse: parseOptionsSchema.prefault({}),
    /**
     * Share of rejected rows (0–1) of EACH source (sessions, customers, products or order lines,
     * counted separately) above which the ingest fails without writing.
     */
    max_error_rate: z.number().min(0).max(1).default(0.01),
    /** Whether a full reload may shrink a live index to less than half its documents. */
    allow_shrink: z.boolean().default(false),
  })
  .superRefine((config, context) => {
    const sourcesMode = config.sessions || config.customers || config.products;
    if (config.order_lines && sourcesMode) {
      context.addIssue({
        code: 'custom',
        message: 'give either `order_lines` or `sessions`/`customers`/`products`, not both',
      });
    } else if (!config.order_lines && !(config.sessions && config.customers)) {
      context.addIssue({
        code: 'custom',
        message:
          '`sessions` and `customers` are required (or `order_lines` for order-lines-only data)',
      });
    }
  });
export type IngestConfigInput = z.input<typeof ingestConfigSchema>;
export type IngestConfig = z.output<typeof ingestConfigSchema>;
export type SessionsMapping = z.output<typeof sessionsMappingSchema>;
export type CustomersMapping = z.output<typeof customersMappingSchema>;
export type ProductsMapping = z.output<typeof productsMappingSchema>;
export type OrderLinesMapping = z.output<typeof orderLinesMappingSchema>;

/** The mapping for the three CSVs `customer-analytics demo-data` writes. */
export function demoIngestConfig(directory: string): IngestConfigInput {
  const csv = (file: string) => ({ type: 'csv' as const, path: `${directory}/${file}` });
  return {
    sessions: {
      source: csv('sessions.csv'),
      columns: {
        session_end: 'session_end',
        discount_amount: 'discount_amount',
        promotion_id: 'promotion_id',
        dimension: 'dimension',
      },
      actions: ['has_basket', 'order_screen'],
    },
    customers: { source: csv('customers.csv'), columns: { signup_date: 'signup_date' } },
    products: { source: csv('products.csv'), columns: { quantity: 'quantity' } },
  };
}
