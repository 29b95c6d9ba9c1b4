import { readFileSync } from 'node:fs';
import pg from 'pg';
import QueryStream from 'pg-query-stream';
import type { PostgresSourceConfig } from '../../../common/source_mapping';
import { qualifiedTable, quoteIdent, selectStatement } from './sql_identifiers';
import { redact, SourceError, type RawRow, type RawValue, type RowSource } from './types';

/**
 * Date and time types stay text: pg would otherwise turn `timestamp without time zone` into the
 * Node process's local time, while the ingest must apply the configured timezone. int8 and
 * numeric stay text too (exact), and the value parser reads them.
 */
const TEXT_OIDS = new Set([1082, 1083, 1114, 1184, 1266, 20, 1700]);
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    TEXT_OIDS.has(oid)
      ? (value: string) => value
      : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
};

/**
 * A PostgreSQL table or query, streamed through a server-side cursor (pg-query-stream) so only
 * one batch is in memory. Table names are validated and quoted; query parameters are bound.
 */
export class PostgresSource implements RowSource {
  readonly label: string;
  private readonly password: string | undefined;

  constructor(private readonly config: PostgresSourceConfig) {
    this.label = `postgres ${config.host}:${config.port}/${config.database} ${config.table ?? 'query'}`;
    this.password =
      config.password ?? (config.password_env ? process.env[config.password_env] : undefined);
    if (config.table) qualifiedTable(config.table, config.schema);
  }

  private where(): string {
    return `PostgreSQL at ${this.config.host}:${this.config.port}, database '${this.config.database}', user '${this.config.user}'`;
  }

  private fail(action: string, error: unknown): SourceError {
    const message = redact((error as Error).message ?? String(error), [this.password]);
    return new SourceError(`${action} (${this.where()}): ${message}`);
  }

  private async connect(): Promise<pg.Client> {
    const ssl = this.config.ssl;
    const client = new pg.Client({
      host: this.config.host,
      port: this.config.port,
      database: this.config.database,
      user: this.config.user,
      password: this.password,
      types,
      connectionTimeoutMillis: 15_000,
      ssl:
        typeof ssl === 'boolean'
          ? ssl
          : {
              rejectUnauthorized: ssl.reject_unauthorized,
              ...(ssl.ca_file ? { ca: readFileSync(ssl.ca_file, 'utf8') } : {}),
            },
    });
    // Errors after connect (server restart) surface through the query; do not crash the process.
    client.on('error', () => undefined);
    try {
      await client.connect();
    } catch (error) {
      await client.end().catch(() => undefined);
      throw this.fail('cannot connect', error);
    }
    return client;
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

  async columns(): Promise<string[]> {
    const client = await this.connect();
    try {
      const result = await client.query(this.statement(undefined, 0), this.config.params);
      return result.fields.map((field) => field.name);
    } catch (error) {
      throw this.fail('query failed', error);
    } finally {
      await client.end();
    }
  }

  async sample(limit = 5): Promise<RawRow[]> {
    const client = await this.connect();
    try {
      const result = await client.query<Record<string, RawValue>>(
        this.statement(undefined, limit),
        this.config.params,
      );
      return result.rows.map((values, index) => ({ line: index + 1, values }));
    } catch (error) {
      throw this.fail('query failed', error);
    } finally {
      await client.end();
    }
  }

  async *rows(options: { orderBy?: string } = {}): AsyncGenerator<RawRow> {
    const client = await this.connect();
    const stream = client.query(
      new QueryStream(this.statement(options.orderBy), this.config.params, {
        batchSize: this.config.batch_size,
      }),
    );
    let line = 0;
    try {
      for await (const values of stream as AsyncIterable<Record<string, RawValue>>) {
        line += 1;
        yield { line, values };
      }
    } catch (error) {
      throw this.fail(`query failed after ${line} rows`, error);
    } finally {
      stream.destroy();
      await client.end().catch(() => undefined);
    }
  }
}
