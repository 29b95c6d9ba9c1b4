import type { ReportId } from '../../../../common/reports/catalogue';
import { abtestsProducer } from './abtests';
import { anomaliesProducer } from './anomalies';
import { churnProducer } from './churn';
import { clvProducer } from './clv';
import { cohortProducer } from './cohort';
import { funnelProducer } from './funnel';
import { journeyProducer } from './journey';
import { kpisProducer } from './kpis';
import { productsProducer } from './products';
import { promotionsProducer } from './promotions';
import { searchProducer } from './search';
import { segmentsProducer } from './segments';
import { statsProducer } from './stats';
import { producerIds, type ReportProducer } from './types';

/**
 * Every report family the run knows. Adding a family: its producer file here, its contract in
 * common/reports/ (rows + catalogue entries), and its app in public/apps/.
 */
export const PRODUCERS: readonly ReportProducer[] = [
  kpisProducer,
  funnelProducer,
  cohortProducer,
  statsProducer,
  journeyProducer,
  churnProducer,
  productsProducer,
  promotionsProducer,
  segmentsProducer,
  abtestsProducer,
  searchProducer,
  clvProducer,
  anomaliesProducer,
];

/** Every report id the registry writes, family by family. */
export function registeredReportIds(producers: readonly ReportProducer[] = PRODUCERS): ReportId[] {
  return producers.flatMap(producerIds);
}

/**
 * Stages in run order: a stage comes after every stage its producers name in `after`. Stages
 * with no order between them keep their registry order. Throws on an unknown or circular `after`.
 */
export function stageOrder(producers: readonly ReportProducer[] = PRODUCERS): string[] {
  const stages = [...new Set(producers.map((p) => p.stage))];
  const after = new Map(stages.map((stage) => [stage, new Set<string>()]));
  for (const producer of producers) {
    for (const earlier of producer.after ?? []) {
      if (!after.has(earlier)) {
        throw new Error(
          `producer '${producer.family}' runs after stage '${earlier}', which no producer declares (stages: ${stages.join(', ')})`,
        );
      }
      if (earlier !== producer.stage) after.get(producer.stage)!.add(earlier);
    }
  }
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (placed.size < stages.length) {
    const ready = stages.filter(
      (s) => !placed.has(s) && [...after.get(s)!].every((e) => placed.has(e)),
    );
    if (ready.length === 0) {
      const left = stages.filter((s) => !placed.has(s));
      throw new Error(`report stages wait on each other in a circle: ${left.join(', ')}`);
    }
    ready.forEach((s) => placed.add(s));
    ordered.push(...ready);
  }
  return ordered;
}
