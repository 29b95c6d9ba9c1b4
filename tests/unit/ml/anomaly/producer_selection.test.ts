import { describe, expect, it } from 'vitest';
import type { ReportId } from '../../../../common/reports/catalogue';
import { DAY_MS } from '../../../../common/time';
import { Random } from '../../../../sidecar/src/demo/random';
import { anomaliesProducer } from '../../../../sidecar/src/pipeline/producers/anomalies';
import type { ProduceStep } from '../../../../sidecar/src/pipeline/producers/types';

const DAYS = 80;
const FIRST_DAY_MS = Date.UTC(2026, 0, 1);
const STEPS = ['has_sessions', 'has_basket', 'purchased'];

/** 80 days of ~200 sessions: enough for every daily series (the funnel's autoencoder needs 63). */
function buckets() {
  const random = Random.stream(3, 'producer-selection');
  return Array.from({ length: DAYS }, (_, day) => {
    const sessions = 180 + random.int(40);
    const baskets = Math.round(sessions * (0.4 + 0.05 * random.uniform()));
    const counts = { has_sessions: sessions, has_basket: baskets, purchased: baskets >> 1 };
    return { startMs: FIRST_DAY_MS + day * DAY_MS, counts };
  });
}

/**
 * The producer over one context with `selected` reports; what it read is recorded: the funnel
 * needs the steps, the cohorts the customers' order sequences.
 */
async function produce(selected: ReportId[]) {
  const read = new Set<string>();
  const written = new Map<string, number>();
  const step = {
    run: {
      range: { fromMs: FIRST_DAY_MS, nowMs: FIRST_DAY_MS + DAYS * DAY_MS - 1 },
      pass: null,
      customers: null,
      dimensions: [],
      log: async () => undefined,
    },
    context: { dimension: 'all', dimensionIndex: -1 },
    inputs: {
      baseParams: {},
      get steps() {
        read.add('steps');
        return STEPS;
      },
      sessionPeriods: async () => [buckets()],
      sequences: () => {
        read.add('sequences');
        return null;
      },
      members: () => null,
    },
    selected: (id: ReportId) => selected.includes(id),
    put: (id: ReportId, rows: object[]) => {
      if (selected.includes(id)) written.set(id, rows.length);
    },
  } as unknown as ProduceStep;
  await anomaliesProducer.produce(step);
  return { read, written };
}

describe('the anomalies producer computes only the series its selected reports show', () => {
  it('anomalies/orders alone: no funnel vectors, no cohorts (no autoencoder)', async () => {
    const { read, written } = await produce(['anomalies/orders']);
    expect(written).toEqual(new Map([['anomalies/orders', DAYS]]));
    expect([...read]).toEqual([]);
  });

  it('anomalies/funnel: the funnel is scored, the cohorts are not read', async () => {
    const { read, written } = await produce(['anomalies/funnel']);
    expect(written).toEqual(new Map([['anomalies/funnel', DAYS - 35]]));
    expect([...read]).toEqual(['steps']);
  }, 60_000);

  it('anomalies/list needs every daily series', async () => {
    const { read } = await produce(['anomalies/list']);
    expect([...read].sort()).toEqual(['sequences', 'steps']);
  }, 60_000);
});
