import type { estypes } from '@elastic/elasticsearch';
import { z } from 'zod';
import { ALL_DIMENSIONS } from './documents';

/**
 * Chart comments ("spike on 20 Feb: TV campaign"): what is stored in the `annotations` index, what
 * the routes accept and answer, and who may delete a comment. Shared by the server routes, the
 * browser client and the sidecar's index templates (one definition of the mapping).
 */

/** The `annotations` index mapping; sidecar/src/es/mappings.ts and the server both use it. */
export const ANNOTATIONS_MAPPING: estypes.MappingTypeMapping = {
  dynamic: 'strict',
  properties: {
    chart_id: { type: 'keyword' },
    dimension: { type: 'keyword' },
    author: { type: 'keyword' },
    created_at: { type: 'date' },
    anchor_date: { type: 'date' },
    message: { type: 'text' },
  },
};

/** A chart id names one chart of one dashboard, e.g. `overview.daily_orders`. */
export const CHART_ID_PATTERN = /^[a-z0-9_.-]{1,100}$/;
export const MESSAGE_MAX_CHARS = 1_000;
/** The list route answers at most this many comments per chart and dimension, newest first. */
export const MAX_ANNOTATIONS_LISTED = 200;

const chartIdSchema = z
  .string()
  .regex(
    CHART_ID_PATTERN,
    'chart_id must be 1 to 100 characters of lowercase letters, digits, _, . or -',
  );

const dimensionSchema = z
  .string()
  .min(1, 'dimension must not be empty')
  .max(256, 'dimension is longer than 256 characters');

/** True when `day` is a real calendar day written yyyy-mm-dd (2025-02-30 is not). */
export function isCalendarDay(day: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
  const ms = Date.parse(`${day}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === day;
}

const anchorDateSchema = z
  .string()
  .refine(isCalendarDay, 'anchor_date must be a calendar day written yyyy-mm-dd');

/** `GET annotations?chart_id=&dimension=`; the dimension defaults to `all` like the reports. */
export const annotationsQuerySchema = z
  .object({ chart_id: chartIdSchema, dimension: dimensionSchema.default(ALL_DIMENSIONS) })
  .strict();
export type AnnotationsQuery = z.infer<typeof annotationsQuerySchema>;

/** `POST annotations`: the message is trimmed before its length is checked. */
export const createAnnotationSchema = z
  .object({
    chart_id: chartIdSchema,
    dimension: dimensionSchema,
    message: z
      .string()
      .trim()
      .min(1, 'message must not be empty')
      .max(MESSAGE_MAX_CHARS, `message is longer than ${MESSAGE_MAX_CHARS} characters`),
    // null and absent both mean "not anchored to a date".
    anchor_date: anchorDateSchema.nullish().transform((day) => day ?? null),
  })
  .strict();
export type CreateAnnotationInput = z.input<typeof createAnnotationSchema>;
export type CreateAnnotation = z.output<typeof createAnnotationSchema>;

/** `DELETE annotations/{id}`: Elasticsearch's generated ids are URL-safe base64. */
export const annotationParamsSchema = z
  .object({
    id: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,128}$/, 'id must be 1 to 128 characters of A-Z a-z 0-9 _ -'),
  })
  .strict();
export type AnnotationParams = z.infer<typeof annotationParamsSchema>;

/** One document of the `annotations` index. */
export interface AnnotationDocument {
  chart_id: string;
  dimension: string;
  /** The Kibana username of the writer, or null when no user was known (security disabled). */
  author: string | null;
  created_at: string;
  /** yyyy-mm-dd, or null for a comment on the chart as a whole. */
  anchor_date: string | null;
  message: string;
}

/** A comment as the routes answer it: the document, its id, and whether the caller may delete it. */
export interface Annotation extends AnnotationDocument {
  id: string;
  can_delete: boolean;
}

/** `GET annotations`: newest first; `current_user` is who the server thinks is asking. */
export interface AnnotationsResponse {
  annotations: Annotation[];
  current_user: string | null;
}

export interface DeleteAnnotationResponse {
  id: string;
  deleted: true;
}

/**
 * Only the author deletes a comment. Comments written while no user was known (Kibana without
 * security) have a null author and can be deleted only by a caller who is also unknown, so a
 * signed-in user cannot remove them and an anonymous caller cannot remove a signed-in user's.
 */
export function canDeleteAnnotation(author: string | null, currentUser: string | null): boolean {
  return author === currentUser;
}
