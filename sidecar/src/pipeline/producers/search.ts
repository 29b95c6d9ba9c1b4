import { ALL_DIMENSIONS } from '../../../../common/documents';
import type { SearchIndexRow } from '../../../../common/reports/search';
import { syncSearchIndex, type TypeSync } from '../../search/sync_index';
import type { ProduceStep, ReportProducer, RunData } from './types';

/** One sync of the `search` index per run, started by the first context that asks. */
const syncOfRun = new WeakMap<RunData, Promise<TypeSync[]>>();

function runSync(run: RunData): Promise<TypeSync[]> {
  let sync = syncOfRun.get(run);
  if (!sync) {
    sync = syncSearchIndex(run.client, run.names, run.runId);
    syncOfRun.set(run, sync);
  }
  return sync;
}

/**
 * The `search` index (ANALYSES.md "Search"): brought in line with `orders` once per run, whatever
 * the contexts; `search/index` says per context how many values of each type it holds.
 */
export const searchProducer: ReportProducer = {
  family: 'search',
  stage: 'exploratory',
  reports: { 'search/index': [] },
  async produce(step: ProduceStep) {
    const synced = await runSync(step.run);
    const dimension = step.context.dimension;
    const rows: SearchIndexRow[] = synced.map((s) =>
      dimension === ALL_DIMENSIONS
        ? { type: s.type, values: s.values, added: s.added, removed: s.removed }
        : { type: s.type, values: s.valuesByDimension.get(dimension) ?? 0, added: 0, removed: 0 },
    );
    step.put('search/index', rows, { scope: 'every session of orders, up to the run' });
  },
};
