/**
 * How stored reports and runs are read, shared by the sidecar (sidecar/src/reports/) and the
 * Kibana server (server/services/), which ships without the sidecar. Pure: request bodies and
 * parsers only; each side sends them with its own client.
 */

/** Deterministic: rewriting a report of the same run replaces it instead of adding a copy. */
export function reportDocumentId(
  runId: string,
  report: string,
  type: string,
  dimension: string,
): string {
  return `${runId}:${report}:${type}:${dimension}`;
}

/** Runs that produced reports and finished: readers see only their reports. */
export const COMPLETE_RUN_QUERY = {
  bool: {
    filter: [{ term: { status: 'complete' } }, { terms: { kind: ['analyses', 'full'] } }],
  },
};

/** What readers need of the newest complete run: its id and the dimension values it covered. */
export interface CompleteRun {
  runId: string;
  /** The run's dimension values (without `all`), as its summary recorded them. */
  dimensions: string[];
}

interface RunSource {
  run_id: string;
  summary?: { dimensions?: unknown };
}

/**
 * The search for the newest complete run in the `runs` index. `missingIndexIsEmpty`: a missing
 * index answers "no run" instead of Elasticsearch's index_not_found error.
 */
export function latestCompleteRunSearch(runsIndex: string, missingIndexIsEmpty = false) {
  return {
    index: runsIndex,
    ...(missingIndexIsEmpty ? { ignore_unavailable: true } : {}),
    size: 1,
    query: COMPLETE_RUN_QUERY,
    sort: [{ finished_at: { order: 'desc' as const, unmapped_type: 'date' } }],
    _source: ['run_id', 'summary.dimensions'],
  };
}

/** Reads the answer to `latestCompleteRunSearch`; null when no run has completed. */
export function completeRunFromHits(
  hits: ReadonlyArray<{ _source?: RunSource }>,
): CompleteRun | null {
  const source = hits[0]?._source;
  if (!source) return null;
  const recorded = source.summary?.dimensions;
  const dimensions = Array.isArray(recorded)
    ? recorded.filter((value): value is string => typeof value === 'string')
    : [];
  return { runId: source.run_id, dimensions };
}

/** One page of a composite aggregation: its buckets and the key to continue after, if any. */
export interface CompositePage<Bucket> {
  buckets: Bucket[];
  after_key?: Record<string, unknown>;
}

/**
 * Pages through a composite aggregation: `fetchPage(after)` sends the request with `after` as the
 * composite's `after` (undefined for the first page); pages come until one has no `after_key` or
 * no buckets.
 */
export async function* compositePages<Bucket>(
  fetchPage: (after: Record<string, unknown> | undefined) => Promise<CompositePage<Bucket>>,
): AsyncGenerator<Bucket[]> {
  let after: Record<string, unknown> | undefined;
  do {
    const page = await fetchPage(after);
    if (page.buckets.length === 0) return;
    yield page.buckets;
    after = page.after_key;
  } while (after);
}
