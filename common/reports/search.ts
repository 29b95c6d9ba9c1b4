import { z } from 'zod';

/** What the `search` index holds (ANALYSES.md "Search"); common/search.ts has the rest. */
export const SEARCH_TYPES = ['product', 'category', 'client', 'promotion', 'dimension'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

/**
 * `search/index`: per context and type, the distinct values in its sessions. What a run added to or
 * removed from the index is run activity, not data: it goes to the run's log, so two runs over the
 * same data write the same report.
 */
export const searchIndexRowSchema = z.object({
  type: z.enum(SEARCH_TYPES),
  values: z.number().int().nonnegative(),
});
export type SearchIndexRow = z.infer<typeof searchIndexRowSchema>;
