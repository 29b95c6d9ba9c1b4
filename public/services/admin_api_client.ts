import type { HttpSetup, IHttpFetchError } from '@kbn/core/public';
import {
  ADMIN_ENDPOINTS,
  ADMIN_PROXY_BASE,
  adminPath,
  type AdminError,
  type AdminEndpointName,
  type Connection,
  type ConnectionMappingInput,
  type ConnectionRole,
  type ConnectionTest,
  type EsCheck,
  type Health,
  type LogPage,
  type RunList,
  type Schedule,
  type ScheduleInput,
} from '../../common/admin_api';
import type { RunDocument } from '../../common/documents';

type Query = Record<string, string | number | undefined>;

/**
 * The sidecar's admin API as the browser sees it: through the plugin's server proxy under
 * ADMIN_PROXY_BASE (the server adds the token). Paths and methods come from ADMIN_ENDPOINTS.
 */
export class AdminApiClient {
  constructor(private readonly http: HttpSetup) {}

  private call<T>(
    name: AdminEndpointName,
    options: {
      params?: Record<string, string>;
      query?: Query;
      body?: unknown;
      signal?: AbortSignal;
    },
  ): Promise<T> {
    const endpoint = ADMIN_ENDPOINTS[name];
    const query = Object.fromEntries(
      Object.entries(options.query ?? {}).filter(([, value]) => value !== undefined),
    ) as Record<string, string | number>;
    return this.http.fetch<T>(`${ADMIN_PROXY_BASE}${adminPath(endpoint.path, options.params)}`, {
      method: endpoint.method,
      query,
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  }

  health(signal?: AbortSignal): Promise<Health> {
    return this.call('health', { signal });
  }

  checkElasticsearch(signal?: AbortSignal): Promise<EsCheck> {
    return this.call('checkElasticsearch', { body: {}, signal });
  }

  listConnections(signal?: AbortSignal): Promise<Connection[]> {
    return this.call('listConnections', { signal });
  }

  putConnection(role: ConnectionRole, mapping: ConnectionMappingInput): Promise<Connection> {
    return this.call('putConnection', { params: { role }, body: mapping });
  }

  deleteConnection(role: ConnectionRole): Promise<void> {
    return this.call('deleteConnection', { params: { role } });
  }

  /** Tests `mapping` as the form holds it (unsaved); a masked password means the stored one. */
  testConnection(role: ConnectionRole, mapping: ConnectionMappingInput): Promise<ConnectionTest> {
    return this.call('testConnection', { params: { role }, body: mapping });
  }

  listSchedules(signal?: AbortSignal): Promise<Schedule[]> {
    return this.call('listSchedules', { signal });
  }

  createSchedule(input: ScheduleInput): Promise<Schedule> {
    return this.call('createSchedule', { body: input });
  }

  deleteSchedule(id: string): Promise<void> {
    return this.call('deleteSchedule', { params: { id } });
  }

  startRun(options: { skipIngest?: boolean } = {}): Promise<{ run_id: string }> {
    return this.call('startRun', { body: { skip_ingest: options.skipIngest ?? false } });
  }

  listRuns(query: { size?: number; from?: number }, signal?: AbortSignal): Promise<RunList> {
    return this.call('listRuns', { query, signal });
  }

  getRun(id: string, signal?: AbortSignal): Promise<RunDocument> {
    return this.call('getRun', { params: { id }, signal });
  }

  listLogs(
    query: { run_id?: string; level?: string; size?: number; from?: number },
    signal?: AbortSignal,
  ): Promise<LogPage> {
    return this.call('listLogs', { query, signal });
  }
}

export interface AdminFailure {
  status: number | null;
  message: string;
  /** Field-level messages of a 400 from the sidecar (`source.path: required`). */
  fields: { path: string; message: string }[];
}

/** What a failed admin call says: the sidecar's own answer travels in the proxy's `attributes`. */
export function describeAdminError(error: unknown): AdminFailure {
  const fetchError = error as IHttpFetchError<{
    statusCode?: number;
    message?: string;
    attributes?: Partial<AdminError>;
  }>;
  const body = fetchError?.body;
  const status = fetchError?.response?.status ?? body?.statusCode ?? null;
  const message =
    body?.attributes?.message ?? body?.message ?? (error as Error)?.message ?? String(error);
  return { status, message, fields: body?.attributes?.fields ?? [] };
}
