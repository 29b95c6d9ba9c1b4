/**
 * Table, schema and column names cannot be bound as SQL parameters, so they are checked against a
 * strict identifier pattern and then quoted: nothing from a config file reaches SQL unquoted.
 */
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_$]*$/;

export function assertIdentifier(name: string, what: string): string {
  if (!IDENTIFIER.test(name)) {
    throw new Error(
      `${what} '${name}' is not a plain identifier (letters, digits, _ and $, not starting with a digit)`,
    );
  }
  return name;
}

/** PostgreSQL / Redshift: "name". */
export function quoteIdent(name: string, what = 'identifier'): string {
  return `"${assertIdentifier(name, what)}"`;
}

/** `"schema"."table"` or `"table"`. */
export function qualifiedTable(table: string, schema?: string): string {
  return schema
    ? `${quoteIdent(schema, 'schema')}.${quoteIdent(table, 'table')}`
    : quoteIdent(table, 'table');
}

/** BigQuery: `project.dataset.table` in backticks; project ids may contain '-'. */
export function bigqueryTable(project: string, dataset: string, table: string): string {
  if (!/^[a-z][a-z0-9-]{4,28}[a-z0-9]$|^[A-Za-z0-9_.:-]+$/.test(project)) {
    throw new Error(`BigQuery project '${project}' is not a valid project id`);
  }
  assertIdentifier(dataset, 'BigQuery dataset');
  assertIdentifier(table, 'BigQuery table');
  return `\`${project}.${dataset}.${table}\``;
}

/** The statement a table-or-query source runs, sorted by `orderBy` when given. */
export function selectStatement(options: {
  from: string;
  isQuery: boolean;
  orderBy?: string;
  limit?: number;
  quote: (name: string, what: string) => string;
}): string {
  const from = options.isQuery ? `(${options.from.replace(/;\s*$/, '')}) AS source` : options.from;
  const order = options.orderBy ? ` ORDER BY ${options.quote(options.orderBy, 'column')}` : '';
  const limit =
    options.limit !== undefined ? ` LIMIT ${Math.max(0, Math.floor(options.limit))}` : '';
  return `SELECT * FROM ${from}${order}${limit}`;
}
