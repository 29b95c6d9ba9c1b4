import { z } from 'zod';

/** What the `search` index holds (ANALYSES.md "Search"); common/search.ts has the rest. */
export const SEARCH_TYPES = ['product', 'category', 'client', 'promotion', 'dimension'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

/** `search/index`: per context and type, the distinct values in its sessions; `all` also says what the run added to or removed from the index. */
export const searchIndexRowSchema = z.object({
  type: z.enum(SEARCH_TYPES),
  values: z.number().int().nonnegative(),
  added: z.number().int().nonnegative(),
  removed: z.number().int().nonnegative(),
});
export type SearchIndexRow = z.infer<typeof searchIndexRowSchema>;
