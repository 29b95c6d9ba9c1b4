import { z } from 'zod';
import { DEFAULT_INDEX_PREFIX, assertValidIndexPrefix } from '../../../common/indices';

/** Index settings, configurable, with the original tool's defaults. */
export const indexSettingsSchema = z.object({
  prefix: z
    .string()
    .default(DEFAULT_INDEX_PREFIX)
    .superRefine((prefix, ctx) => {
      try {
        assertValidIndexPrefix(prefix);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
      }
    }),
  shards: z.number().int().min(1).default(2),
  replicas: z.number().int().min(0).default(0),
  totalFieldsLimit: z.number().int().min(100).default(20_000),
  maxResultWindow: z.number().int().min(10_000).default(5_000_000),
});
export type IndexSettings = z.infer<typeof indexSettingsSchema>;

export function indexSettings(overrides: Partial<IndexSettings> = {}): IndexSettings {
  return indexSettingsSchema.parse(overrides);
}
