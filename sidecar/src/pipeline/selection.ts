import type { ReportId } from '../../../common/reports/catalogue';
import { PRODUCERS, registeredReportIds } from './producers';
import { producerIds, type ReportProducer, type RunInput } from './producers/types';

/**
 * Which reports a run computes: all, or those named by `--only` — a family the registry knows
 * (`cohort`) or one of its report ids (`funnel/session_daily`).
 */
export class ReportSelection {
  readonly ids: ReadonlySet<ReportId>;

  constructor(
    only?: readonly string[],
    readonly producers: readonly ReportProducer[] = PRODUCERS,
  ) {
    const all = registeredReportIds(producers);
    if (!only || only.length === 0) {
      this.ids = new Set(all);
      return;
    }
    const ids = new Set<ReportId>();
    for (const entry of only) {
      const family = producers.find((p) => p.family === entry);
      const matches = family ? producerIds(family) : all.filter((id) => id === entry);
      if (matches.length === 0) {
        const families = producers.map((p) => p.family).join(', ');
        throw new Error(
          `--only '${entry}' names no report: use a family (${families}) or an id such as funnel/session_daily`,
        );
      }
      matches.forEach((id) => ids.add(id));
    }
    this.ids = ids;
  }

  get isEverything(): boolean {
    return this.ids.size === registeredReportIds(this.producers).length;
  }

  has(id: string): boolean {
    return this.ids.has(id as ReportId);
  }

  /** The producers with at least one selected report, in registry order. */
  get activeProducers(): ReportProducer[] {
    return this.producers.filter((p) => producerIds(p).some((id) => this.ids.has(id)));
  }

  /** True when a selected report of `producer` (of any producer when absent) needs `input`. */
  needs(input: RunInput, producer?: ReportProducer): boolean {
    return (producer ? [producer] : this.producers).some((p) =>
      Object.entries(p.reports).some(
        ([id, inputs]) => this.ids.has(id as ReportId) && inputs!.includes(input),
      ),
    );
  }
}
