import { ALL_DIMENSIONS } from '../../../../common/documents';
import type { SearchIndexRow } from '../../../../common/reports/search';
import { syncSearchIndex, type TypeSync } from '../../search/sync_index';
import type { ProduceStep, ReportProducer, RunData } from './types';

/** One sync of the `search` index per run, started by the first context that asks. */
const syncOfRun = new WeakMap<RunData, Promise<TypeSync[]>>();

function runSync(run: RunData): Promise<TypeSync[]> {
  let sync = syncOfRun.get(run);
  if (!sync) {
    sync = syncSearchIndex(run.client, run.names, run.runId).then(async (synced) => {
      await run.log(syncSummary(synced));
      return synced;
    });
    syncOfRun.set(run, sync);
  }
  return sync;
}

/** e.g. "search index: 3 added (client 1, promotion 1, dimension 1), 0 removed". */
function syncSummary(synced: readonly TypeSync[]): string {
  const part = (verb: string, count: (s: TypeSync) => number) => {
    const total = synced.reduce((sum, s) => sum + count(s), 0);
    const byType = synced.filter((s) => count(s) > 0).map((s) => `${s.type} ${count(s)}`);
    return byType.length > 0 ? `${total} ${verb} (${byType.join(', ')})` : `${total} ${verb}`;
  };
  return `search index: ${part('added', (s) => s.added)}, ${part('removed', (s) => s.removed)}`;
}

/**
 * The `search` index (ANALYSES.md "Search"): brought in line with `orders` once per run, whatever
 * the contexts; `search/index` says per context how many values of each type it holds.
 */
export const searchProducer: ReportProducer = {
  family: 'search',
  // Its own stage: maintaining the index is not part of the exploratory suite (nor of its budget).
  stage: 'search',
  reports: { 'search/index': [] },
  async produce(step: ProduceStep) {
    const synced = await runSync(step.run);
    const dimension = step.context.dimension;
    const rows: SearchIndexRow[] = synced.map((s) => ({
      type: s.type,
      values: dimension === ALL_DIMENSIONS ? s.values : (s.valuesByDimension.get(dimension) ?? 0),
    }));
    step.put('search/index', rows, { scope: 'every session of orders, up to the run' });
  },
};
