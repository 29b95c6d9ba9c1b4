import { BigQuery, type Query } from '@google-cloud/bigquery';
import type { BigquerySourceConfig } from '../../../common/source_mapping';
import { assertIdentifier, bigqueryTable, selectStatement } from './sql_identifiers';
import { SourceError, type RawRow, type RawValue, type RowSource } from './types';

type BigQueryPage = [
  Array<Record<string, unknown>>,
  (Query & Record<string, unknown>) | null,
  unknown,
];

/**
 * BigQuery wraps typed values (TIMESTAMP, DATE, DATETIME → objects with `.value`; NUMERIC → Big);
 * we hand the ingest their canonical text, which its parsers read exactly.
 */
export function bigqueryValue(value: unknown): RawValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return value;
  }
  if (typeof value === 'bigint' || value instanceof Date) return value;
  if (typeof value === 'object' && 'value' in value)
    return String((value as { value: unknown }).value);
  if (Buffer.isBuffer(value)) return value.toString('base64');
  return String(value);
}

/**
 * A BigQuery table or query, read page by page (`maxResults` rows per request) through the
 * official client: the first page comes with jobs.query, the next ones with getQueryResults and
 * the page token, so at most one page is in memory.
 */
export class BigquerySource implements RowSource {
  readonly label: string;
  private readonly client: BigQuery;

  constructor(private readonly config: BigquerySourceConfig) {
    this.label = `bigquery ${config.project_id}${config.table ? `.${config.dataset}.${config.table}` : ' query'}`;
    this.client = new BigQuery({
      projectId: config.project_id,
      ...(config.location ? { location: config.location } : {}),
      ...(config.key_file ? { keyFilename: config.key_file } : {}),
      ...(config.api_endpoint ? { apiEndpoint: config.api_endpoint } : {}),
    });
    if (config.table) bigqueryTable(config.project_id, config.dataset!, config.table);
  }

  private statement(orderBy?: string, limit?: number): string {
    const isQuery = this.config.query !== undefined;
    return selectStatement({
      from: isQuery
        ? this.config.query!
        : bigqueryTable(this.config.project_id, this.config.dataset!, this.config.table!),
      isQuery,
      orderBy,
      limit,
      quote: (name, what) => `\`${assertIdentifier(name, what)}\``,
    });
  }

  private fail(action: string, error: unknown): SourceError {
    return new SourceError(
      `${action} (${this.label}${this.config.location ? `, location ${this.config.location}` : ''}): ${(error as Error).message}`,
      { cause: error },
    );
  }

  private async *pages(statement: string, pageSize: number): AsyncGenerator<BigQueryPage> {
    const query: Query = {
      query: statement,
      ...(Object.keys(this.config.params).length > 0 ? { params: this.config.params } : {}),
      ...(this.config.location ? { location: this.config.location } : {}),
      maxResults: pageSize,
    };
    let page: BigQueryPage;
    try {
      page = (await this.client.query(query, { autoPaginate: false })) as unknown as BigQueryPage;
    } catch (error) {
      throw this.fail('query failed', error);
    }
    yield page;
    let next = page[1];
    // Only the first page's continuation carries the job; later ones just the page token.
    const job = next?.job as { getQueryResults(options: object): Promise<unknown> } | undefined;
    let pages = 1;
    while (job && next && next.pageToken) {
      const { job: _job, ...options } = next;
      try {
        page = (await job.getQueryResults({ ...options, autoPaginate: false })) as BigQueryPage;
      } catch (error) {
        throw this.fail(`reading page ${pages + 1} failed`, error);
      }
      pages += 1;
      yield page;
      next = page[1];
    }
  }

  async columns(): Promise<string[]> {
    for await (const [, , response] of this.pages(this.statement(undefined, 0), 1)) {
      const schema = (response as { schema?: { fields?: Array<{ name: string }> } } | undefined)
        ?.schema;
      return (schema?.fields ?? []).map((field) => field.name);
    }
    return [];
  }

  async sample(limit = 5): Promise<RawRow[]> {
    const rows: RawRow[] = [];
    for await (const row of this.rowsOf(this.statement(undefined, limit), limit)) rows.push(row);
    return rows;
  }

  rows(options: { orderBy?: string } = {}): AsyncGenerator<RawRow> {
    return this.rowsOf(this.statement(options.orderBy), this.config.page_size);
  }

  private async *rowsOf(statement: string, pageSize: number): AsyncGenerator<RawRow> {
    let line = 0;
    for await (const [pageRows] of this.pages(statement, pageSize)) {
      for (const record of pageRows) {
        line += 1;
        const values: Record<string, RawValue> = {};
        for (const [name, value] of Object.entries(record)) values[name] = bigqueryValue(value);
        yield { line, values };
      }
    }
  }
}
