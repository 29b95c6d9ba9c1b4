import type { HttpSetup, IHttpFetchError } from '@kbn/core/public';
import type {
  Annotation,
  AnnotationsQuery,
  AnnotationsResponse,
  CreateAnnotationInput,
  DeleteAnnotationResponse,
} from '../../common/annotations';
import { splitReportId, type ReportId, type ReportRow } from '../../common/reports/catalogue';
import {
  SEGMENT_CUSTOMERS_PATH,
  type SegmentCustomersQuery,
  type SegmentCustomersResponse,
} from '../../common/segment_customers';
import {
  SEARCH_PATH,
  entityPath,
  type EntityResponse,
  type SearchResponse,
  type SearchType,
} from '../../common/search';
import {
  ROUTES,
  annotationPath,
  reportPath,
  type ApiErrorBody,
  type DimensionsResponse,
  type ReportResponse,
} from '../../common/routes';
import { AdminApiClient } from './admin_api_client';

/** The browser side of the plugin's routes: typed by `common/`, paths from `common/routes.ts`. */
export class CustomerAnalyticsApi {
  /** The sidecar's admin API, through the plugin's server proxy. */
  readonly admin: AdminApiClient;

  constructor(private readonly http: HttpSetup) {
    this.admin = new AdminApiClient(http);
  }

  getReport<Id extends ReportId>(
    id: Id,
    dimension: string,
    signal?: AbortSignal,
  ): Promise<ReportResponse<ReportRow<Id>>> {
    const { report, type } = splitReportId(id);
    return this.http.fetch<ReportResponse<ReportRow<Id>>>(reportPath(report, type), {
      query: { dimension },
      signal,
    });
  }

  async getDimensions(signal?: AbortSignal): Promise<string[]> {
    const response = await this.http.fetch<DimensionsResponse>(ROUTES.dimensions, { signal });
    return response.dimensions;
  }

  getSegmentCustomers(
    query: SegmentCustomersQuery,
    signal?: AbortSignal,
  ): Promise<SegmentCustomersResponse> {
    return this.http.fetch<SegmentCustomersResponse>(SEGMENT_CUSTOMERS_PATH, {
      query: { ...query },
      signal,
    });
  }

  listAnnotations(query: AnnotationsQuery, signal?: AbortSignal): Promise<AnnotationsResponse> {
    return this.http.fetch<AnnotationsResponse>(ROUTES.annotations, {
      query: { chart_id: query.chart_id, dimension: query.dimension },
      signal,
    });
  }

  createAnnotation(input: CreateAnnotationInput): Promise<Annotation> {
    return this.http.fetch<Annotation>(ROUTES.annotations, {
      method: 'POST',
      body: JSON.stringify(input),
    });
  }

  deleteAnnotation(id: string): Promise<DeleteAnnotationResponse> {
    return this.http.fetch<DeleteAnnotationResponse>(annotationPath(id), { method: 'DELETE' });
  }

  search(q: string, type?: SearchType, signal?: AbortSignal): Promise<SearchResponse> {
    return this.http.fetch<SearchResponse>(SEARCH_PATH, {
      query: { q, ...(type ? { type } : {}) },
      signal,
    });
  }

  getEntity(
    type: SearchType,
    value: string,
    query: { dimension: string; page: number },
    signal?: AbortSignal,
  ): Promise<EntityResponse> {
    return this.http.fetch<EntityResponse>(entityPath(type, value), { query, signal });
  }
}

/** The HTTP status and Kibana's message of a failed call, whatever shape the error has. */
export function describeHttpError(error: unknown): { status: number | null; message: string } {
  const fetchError = error as IHttpFetchError<Partial<ApiErrorBody>>;
  const status = fetchError?.response?.status ?? fetchError?.body?.statusCode ?? null;
  const message = fetchError?.body?.message ?? (error as Error)?.message ?? String(error);
  return { status, message };
}
