import type { ReportToWrite } from '../reports/report_store';
import type { AnalysisContext } from './context';
import { stageOrder } from './producers';
import { ContextInputs } from './producers/context_inputs';
import type { ProduceStep, ReportProducer, RunData } from './producers/types';
import type { ReportSelection } from './selection';

function produceStep(
  producer: ReportProducer,
  inputs: ContextInputs,
  selection: ReportSelection,
  reports: ReportToWrite[],
): ProduceStep {
  return {
    run: inputs.run,
    context: inputs.context,
    inputs,
    wants: (input) => selection.needs(input, producer),
    selected: (id) => selection.has(id),
    put(id, data, params = {}) {
      if (!selection.has(id)) return;
      if (!(id in producer.reports)) {
        throw new Error(`producer '${producer.family}' wrote ${id}, which it does not declare`);
      }
      const [report, type] = id.split('/') as [string, string];
      reports.push({
        report,
        type,
        dimension: inputs.context.dimension,
        params: { ...inputs.baseParams, ...params },
        data: data as Array<Record<string, unknown>>,
      });
    },
  };
}

/**
 * Every selected report of one context: the registry's stages in order, the producers of a stage
 * concurrently (their aggregation requests go out together and share the memoised inputs).
 */
export async function contextReports(
  run: RunData,
  context: AnalysisContext,
  selection: ReportSelection,
): Promise<ReportToWrite[]> {
  const inputs = new ContextInputs(run, context);
  const reports: ReportToWrite[] = [];
  const active = selection.activeProducers;
  for (const stage of stageOrder(selection.producers)) {
    const producers = active.filter((p) => p.stage === stage);
    await Promise.all(producers.map((p) => p.produce(produceStep(p, inputs, selection, reports))));
  }
  return reports;
}
