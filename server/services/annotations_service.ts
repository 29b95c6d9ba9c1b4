import type { ElasticsearchClient } from '@kbn/core/server';
import {
  ANNOTATIONS_MAPPING,
  MAX_ANNOTATIONS_LISTED,
  canDeleteAnnotation,
  type Annotation,
  type AnnotationDocument,
  type AnnotationsQuery,
  type CreateAnnotation,
} from '../../common/annotations';

/**
 * Chart comments in the `annotations` index. Every call runs as the current user, so Elasticsearch
 * decides who may read or write comments; the author rule on delete is ours (common/annotations.ts).
 */

interface ElasticsearchErrorLike {
  meta?: { body?: { error?: { type?: string } } };
}

function errorType(error: unknown): string | undefined {
  return (error as ElasticsearchErrorLike).meta?.body?.error?.type;
}

/**
 * Creates the index with the shared mapping when nobody has yet (the sidecar's `ensureIndices`
 * normally has); losing a creation race to another request is fine.
 */
export async function ensureAnnotationsIndex(
  client: ElasticsearchClient,
  index: string,
): Promise<void> {
  if (await client.indices.exists({ index })) return;
  try {
    await client.indices.create({ index, mappings: ANNOTATIONS_MAPPING });
  } catch (error) {
    if (errorType(error) !== 'resource_already_exists_exception') throw error;
  }
}

function toAnnotation(
  id: string,
  source: AnnotationDocument,
  currentUser: string | null,
): Annotation {
  const document: AnnotationDocument = {
    chart_id: source.chart_id,
    dimension: source.dimension,
    author: source.author ?? null,
    created_at: source.created_at,
    anchor_date: source.anchor_date ?? null,
    message: source.message,
  };
  return { id, ...document, can_delete: canDeleteAnnotation(document.author, currentUser) };
}

export async function createAnnotation(
  client: ElasticsearchClient,
  index: string,
  input: CreateAnnotation,
  author: string | null,
  now: Date = new Date(),
): Promise<Annotation> {
  await ensureAnnotationsIndex(client, index);
  const document: AnnotationDocument = {
    chart_id: input.chart_id,
    dimension: input.dimension,
    author,
    created_at: now.toISOString(),
    anchor_date: input.anchor_date,
    message: input.message,
  };
  // wait_for: the list the user sees next already contains the new comment.
  const response = await client.index({ index, document, refresh: 'wait_for' });
  return toAnnotation(response._id, document, author);
}

/** The newest comments on one chart for one dimension; none when the index does not exist yet. */
export async function listAnnotations(
  client: ElasticsearchClient,
  index: string,
  query: AnnotationsQuery,
  currentUser: string | null,
): Promise<Annotation[]> {
  const response = await client.search<AnnotationDocument>({
    index,
    ignore_unavailable: true,
    size: MAX_ANNOTATIONS_LISTED,
    query: {
      bool: {
        filter: [{ term: { chart_id: query.chart_id } }, { term: { dimension: query.dimension } }],
      },
    },
    sort: [{ created_at: { order: 'desc', unmapped_type: 'date' } }],
  });
  return response.hits.hits.flatMap((hit) =>
    hit._id && hit._source ? [toAnnotation(hit._id, hit._source, currentUser)] : [],
  );
}

export type DeleteOutcome =
  { status: 'deleted' } | { status: 'missing' } | { status: 'forbidden'; author: string | null };

/**
 * Deletes a comment if `currentUser` wrote it. The delete is conditional on the version that was
 * read, so the author check and the delete concern the same document.
 */
export async function deleteAnnotation(
  client: ElasticsearchClient,
  index: string,
  id: string,
  currentUser: string | null,
): Promise<DeleteOutcome> {
  // ignore 404: a missing document and a missing index both mean "no such comment".
  const existing = await client.get<AnnotationDocument>({ index, id }, { ignore: [404] });
  if (!existing.found || !existing._source) return { status: 'missing' };
  const author = existing._source.author ?? null;
  if (!canDeleteAnnotation(author, currentUser)) return { status: 'forbidden', author };
  const deleted = await client.delete(
    {
      index,
      id,
      if_seq_no: existing._seq_no,
      if_primary_term: existing._primary_term,
      refresh: 'wait_for',
    },
    { ignore: [404] },
  );
  return deleted.result === 'deleted' ? { status: 'deleted' } : { status: 'missing' };
}
