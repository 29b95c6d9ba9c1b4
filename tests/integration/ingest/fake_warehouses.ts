import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A local HTTP server; `handle` returns [status, JSON body]. Every request is recorded. */
export interface FakeServer {
  url: string;
  requests: Array<{
    method: string;
    path: string;
    headers: IncomingMessage['headers'];
    body: unknown;
  }>;
  close(): Promise<void>;
}

async function serve(
  handle: (
    method: string,
    url: URL,
    headers: IncomingMessage['headers'],
    body: unknown,
  ) => [number, unknown],
): Promise<FakeServer> {
  const requests: FakeServer['requests'] = [];
  const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      const body: unknown = text ? JSON.parse(text) : null;
      requests.push({
        method: request.method ?? 'GET',
        path: url.pathname + url.search,
        headers: request.headers,
        body,
      });
      const [status, payload] = handle(request.method ?? 'GET', url, request.headers, body);
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(payload));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

type Cell = string | null;

/**
 * BigQuery's REST API as the Node client uses it: POST .../queries (jobs.query, the first page)
 * and GET .../queries/{jobId}?pageToken=… (jobs.getQueryResults). Values travel as strings in
 * `{f: [{v}]}` rows, TIMESTAMP as int64 microseconds; a query naming `missing_table` answers 404.
 */
export function fakeBigQuery(
  schema: Array<{ name: string; type: string }>,
  rows: Cell[][],
  pageSize: number,
): Promise<FakeServer> {
  const page = (start: number, size: number) => ({
    rows: rows.slice(start, start + size).map((row) => ({ f: row.map((v) => ({ v })) })),
    ...(start + size < rows.length ? { pageToken: `offset-${start + size}` } : {}),
  });
  return serve((method, url, _headers, body) => {
    const jobMatch = /^\/bigquery\/v2\/projects\/([^/]+)\/queries(?:\/([^/]+))?$/.exec(
      url.pathname,
    );
    if (!jobMatch) return [404, { error: { code: 404, message: `no route ${url.pathname}` } }];
    const [, project, jobId] = jobMatch;
    if (method === 'POST' && !jobId) {
      const request = body as { query: string; maxResults?: number };
      if (request.query.includes('missing_table')) {
        return [
          404,
          {
            error: {
              code: 404,
              message: `Not found: Table ${project}:shop.missing_table was not found in location EU`,
              errors: [
                {
                  reason: 'notFound',
                  message: `Not found: Table ${project}:shop.missing_table was not found in location EU`,
                  domain: 'global',
                },
              ],
              status: 'NOT_FOUND',
            },
          },
        ];
      }
      const limit = /LIMIT (\d+)$/.exec(request.query);
      const size = Math.min(
        request.maxResults ?? rows.length,
        limit ? Number(limit[1]) : rows.length,
      );
      return [
        200,
        {
          kind: 'bigquery#queryResponse',
          jobReference: { projectId: project, jobId: 'job-1', location: 'EU' },
          jobComplete: true,
          schema: { fields: schema.map((field) => ({ ...field, mode: 'NULLABLE' })) },
          totalRows: String(limit ? Math.min(Number(limit[1]), rows.length) : rows.length),
          ...(limit ? { rows: page(0, size).rows } : page(0, size)),
        },
      ];
    }
    if (method === 'GET' && jobId === 'job-1') {
      const token = url.searchParams.get('pageToken') ?? 'offset-0';
      const start = Number(token.replace('offset-', ''));
      const size = Number(url.searchParams.get('maxResults') ?? pageSize);
      return [
        200,
        {
          kind: 'bigquery#getQueryResultsResponse',
          jobReference: { projectId: project, jobId },
          jobComplete: true,
          schema: { fields: schema },
          totalRows: String(rows.length),
          ...page(start, size),
        },
      ];
    }
    return [400, { error: { code: 400, message: `unexpected ${method} ${url.pathname}` } }];
  });
}

type Field =
  | { stringValue: string }
  | { longValue: number }
  | { doubleValue: number }
  | { booleanValue: boolean }
  | { isNull: true };

/**
 * The Redshift Data API: JSON 1.1 POSTs named by X-Amz-Target. ExecuteStatement answers an id,
 * DescribeStatement says PICKED once then FINISHED (or FAILED for SQL naming `missing_table`),
 * GetStatementResult pages `pageSize` records at a time with NextToken.
 */
export function fakeRedshift(
  columns: Array<{ name: string; typeName: string }>,
  records: Field[][],
  pageSize: number,
): Promise<FakeServer> {
  const statements = new Map<string, { sql: string; polls: number }>();
  return serve((_method, _url, headers, body) => {
    const target = String(headers['x-amz-target'] ?? '');
    const request = body as { Sql?: string; Id?: string; NextToken?: string };
    if (target === 'RedshiftData.ExecuteStatement') {
      const id = `stmt-${statements.size + 1}`;
      statements.set(id, { sql: request.Sql ?? '', polls: 0 });
      return [200, { Id: id, CreatedAt: 1740837909, Database: 'dev' }];
    }
    const statement = statements.get(request.Id ?? '');
    if (!statement)
      return [
        400,
        { __type: 'ResourceNotFoundException', message: `statement ${request.Id} not found` },
      ];
    if (target === 'RedshiftData.DescribeStatement') {
      statement.polls += 1;
      if (statement.sql.includes('missing_table')) {
        return [
          200,
          {
            Id: request.Id,
            Status: 'FAILED',
            Error: 'ERROR: relation "shop.missing_table" does not exist',
          },
        ];
      }
      return [
        200,
        { Id: request.Id, Status: statement.polls < 2 ? 'PICKED' : 'FINISHED', HasResultSet: true },
      ];
    }
    if (target === 'RedshiftData.GetStatementResult') {
      const limit = /LIMIT (\d+)$/.exec(statement.sql);
      const all = limit ? records.slice(0, Number(limit[1])) : records;
      const start = request.NextToken ? Number(request.NextToken.replace('token-', '')) : 0;
      const next = start + pageSize < all.length ? `token-${start + pageSize}` : undefined;
      return [
        200,
        {
          ColumnMetadata: columns,
          Records: all.slice(start, start + pageSize),
          TotalNumRows: all.length,
          ...(next ? { NextToken: next } : {}),
        },
      ];
    }
    return [400, { __type: 'UnknownOperationException', message: target }];
  });
}
