import { describe, expect, it } from 'vitest';
import { REPORT_IDS } from '../../../common/reports/catalogue';
import {
  PRODUCERS,
  registeredReportIds,
  stageOrder,
} from '../../../sidecar/src/pipeline/producers';
import type { ReportProducer } from '../../../sidecar/src/pipeline/producers/types';
import { ReportSelection } from '../../../sidecar/src/pipeline/selection';

const producer = (family: string, stage: string, after?: string[]): ReportProducer => ({
  family,
  stage,
  ...(after ? { after } : {}),
  reports: {},
  produce: async () => undefined,
});

describe('report producer registry', () => {
  it('writes exactly the reports of the catalogue in common/, each from one producer', () => {
    const ids = registeredReportIds();
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...REPORT_IDS].sort());
  });

  it('names each producer for the family its report ids start with', () => {
    for (const p of PRODUCERS) {
      for (const id of Object.keys(p.reports)) expect(id.split('/')[0]).toBe(p.family);
    }
  });

  it('orders stages by their declared needs, whatever the registry order', () => {
    const producers = [
      producer('clv', 'clv', ['segments']),
      producer('anomalies', 'anomalies', ['exploratory']),
      producer('segments', 'segments', ['exploratory']),
      producer('funnel', 'exploratory'),
    ];
    expect(stageOrder(producers)).toEqual(['exploratory', 'anomalies', 'segments', 'clv']);
    expect(stageOrder()).toEqual([
      'exploratory',
      'segments',
      'search',
      'abtests',
      'clv',
      'anomalies',
    ]);
  });

  it('refuses a circle of stages and a stage nobody declares', () => {
    expect(() => stageOrder([producer('a', 'a', ['b']), producer('b', 'b', ['a'])])).toThrow(
      /circle: a, b/,
    );
    expect(() => stageOrder([producer('a', 'a', ['ml'])])).toThrow(/stage 'ml'/);
  });
});

describe('--only selects from the registry', () => {
  it('a family selects its reports, an id selects itself', () => {
    const selection = new ReportSelection(['churn', 'funnel/session_daily']);
    expect([...selection.ids].sort()).toEqual([
      'churn/overall',
      'churn/weekly',
      'funnel/session_daily',
    ]);
    expect(selection.activeProducers.map((p) => p.family)).toEqual(['funnel', 'churn']);
  });

  it('a prefix that is neither a family nor an id selects nothing and says what would', () => {
    expect(() => new ReportSelection(['funnel/session_'])).toThrow(
      /--only 'funnel\/session_' names no report: use a family \(kpis, funnel, cohort, stats, journey, churn, products, promotions, segments, abtests, search, clv, anomalies\)/,
    );
  });

  it('needs follow the declarations of the selected reports only', () => {
    const sessionOnly = new ReportSelection(['funnel/session_weekly', 'kpis']);
    expect(sessionOnly.needs('session_periods')).toBe(true);
    expect(sessionOnly.needs('order_pass')).toBe(false);
    expect(sessionOnly.needs('customers')).toBe(false);
    const pairs = new ReportSelection(['products/top_pairs']);
    expect(pairs.needs('baskets')).toBe(true);
    expect(pairs.needs('order_pass')).toBe(true);
    expect(pairs.needs('customers')).toBe(false);
    expect(new ReportSelection(['cohort/first_second_daily']).needs('customers')).toBe(true);
  });
});
