import {
  DescribeStatementCommand,
  ExecuteStatementCommand,
  GetStatementResultCommand,
  RedshiftDataClient,
  type Field,
  type RedshiftDataClientConfig,
} from '@aws-sdk/client-redshift-data';
import type { RedshiftSourceConfig } from '../../../common/source_mapping';
import { qualifiedTable, quoteIdent, selectStatement } from './sql_identifiers';
import { SourceError, type RawRow, type RawValue, type RowSource } from './types';

/** A Data API field as a plain value (the API tags each value with its type). */
export function redshiftValue(field: Field): RawValue {
  if (field.isNull) return null;
  if (field.booleanValue !== undefined) return field.booleanValue;
  if (field.longValue !== undefined) return field.longValue;
  if (field.doubleValue !== undefined) return field.doubleValue;
  if (field.stringValue !== undefined) return field.stringValue;
  if (field.blobValue !== undefined) return Buffer.from(field.blobValue).toString('base64');
  return null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Amazon Redshift through the Data API: ExecuteStatement, poll DescribeStatement until it
 * finishes, then page GetStatementResult with NextToken (one page in memory at a time).
 * Works with a provisioned cluster or a serverless workgroup, authenticated by a Secrets Manager
 * ARN or a database user; AWS credentials come from the usual environment chain.
 */
export class RedshiftSource implements RowSource {
  readonly label: string;
  private readonly client: RedshiftDataClient;

  constructor(
    private readonly config: RedshiftSourceConfig,
    clientConfig: RedshiftDataClientConfig = {},
  ) {
    const target = config.cluster_identifier ?? `workgroup ${config.workgroup_name}`;
    this.label = `redshift ${target}/${config.database} ${config.table ?? 'query'}`;
    this.client = new RedshiftDataClient({
      region: config.region,
      ...(config.endpoint ? { endpoint: config.endpoint } : {}),
      ...clientConfig,
    });
    if (config.table) qualifiedTable(config.table, config.schema);
  }

  private statement(orderBy?: string, limit?: number): string {
    const isQuery = this.config.query !== undefined;
    return selectStatement({
      from: isQuery ? this.config.query! : qualifiedTable(this.config.table!, this.config.schema),
      isQuery,
      orderBy,
      limit,
      quote: quoteIdent,
    });
  }

  private fail(action: string, error: unknown): SourceError {
    return new SourceError(
      `${action} (${this.label}, region ${this.config.region}): ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }

  private async execute(sql: string): Promise<string> {
    const parameters = Object.entries(this.config.params).map(([name, value]) => ({ name, value }));
    let id: string | undefined;
    try {
      const started = await this.client.send(
        new ExecuteStatementCommand({
          Sql: sql,
          Database: this.config.database,
          ...(this.config.cluster_identifier
            ? { ClusterIdentifier: this.config.cluster_identifier }
            : { WorkgroupName: this.config.workgroup_name }),
          ...(this.config.secret_arn ? { SecretArn: this.config.secret_arn } : {}),
          ...(this.config.db_user ? { DbUser: this.config.db_user } : {}),
          ...(parameters.length > 0 ? { Parameters: parameters } : {}),
        }),
      );
      id = started.Id;
    } catch (error) {
      throw this.fail('ExecuteStatement failed', error);
    }
    if (!id) throw this.fail('ExecuteStatement failed', new Error('no statement id returned'));
    const deadline = Date.now() + this.config.timeout_ms;
    for (;;) {
      let status: string | undefined;
      let message: string | undefined;
      try {
        const described = await this.client.send(new DescribeStatementCommand({ Id: id }));
        status = described.Status;
        message = described.Error;
      } catch (error) {
        throw this.fail('DescribeStatement failed', error);
      }
      if (status === 'FINISHED') return id;
      if (status === 'FAILED' || status === 'ABORTED') {
        throw this.fail(
          `statement ${id} ${status.toLowerCase()}`,
          new Error(message ?? 'no reason given'),
        );
      }
      if (Date.now() > deadline) {
        throw this.fail(
          `statement ${id} still ${status} after ${this.config.timeout_ms} ms`,
          new Error('timeout'),
        );
      }
      await sleep(this.config.poll_interval_ms);
    }
  }

  private async *pages(sql: string): AsyncGenerator<{ columns: string[]; records: Field[][] }> {
    const id = await this.execute(sql);
    let nextToken: string | undefined;
    let columns: string[] = [];
    let page = 0;
    do {
      page += 1;
      try {
        const result = await this.client.send(
          new GetStatementResultCommand({ Id: id, ...(nextToken ? { NextToken: nextToken } : {}) }),
        );
        if (result.ColumnMetadata)
          columns = result.ColumnMetadata.map((column) => column.name ?? '');
        nextToken = result.NextToken;
        yield { columns, records: result.Records ?? [] };
      } catch (error) {
        if (error instanceof SourceError) throw error;
        throw this.fail(`GetStatementResult page ${page} failed`, error);
      }
    } while (nextToken);
  }

  async columns(): Promise<string[]> {
    for await (const page of this.pages(this.statement(undefined, 0))) return page.columns;
    return [];
  }

  async sample(limit = 5): Promise<RawRow[]> {
    const rows: RawRow[] = [];
    for await (const row of this.rowsOf(this.statement(undefined, limit))) rows.push(row);
    return rows;
  }

  rows(options: { orderBy?: string } = {}): AsyncGenerator<RawRow> {
    return this.rowsOf(this.statement(options.orderBy));
  }

  private async *rowsOf(sql: string): AsyncGenerator<RawRow> {
    let line = 0;
    for await (const { columns, records } of this.pages(sql)) {
      for (const record of records) {
        line += 1;
        const values: Record<string, RawValue> = {};
        columns.forEach((name, index) => {
          const field = record[index];
          values[name] = field ? redshiftValue(field) : null;
        });
        yield { line, values };
      }
    }
  }
}
