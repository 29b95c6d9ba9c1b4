import { describe, expect, it } from 'vitest';
import { runTriggerSchema } from '../../../common/admin_api';

describe('runTriggerSchema (POST /runs body)', () => {
  it('defaults to an ingest and no forced refresh', () => {
    expect(runTriggerSchema.parse({})).toEqual({ skip_ingest: false, force: false });
  });

  it('accepts force as run --force does', () => {
    expect(runTriggerSchema.parse({ force: true, skip_ingest: true })).toEqual({
      skip_ingest: true,
      force: true,
    });
  });

  it('rejects a force that is not a boolean', () => {
    const parsed = runTriggerSchema.safeParse({ force: 'yes' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['force']);
  });
});
