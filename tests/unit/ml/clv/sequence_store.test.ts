import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SEQUENCE_OPTIONS,
  SequenceModelStore,
  sequencePredictor,
  type SequenceOptions,
} from '../../../../sidecar/src/ml/clv/sequence/index';
import { summarize } from '../../../../sidecar/src/ml/clv/summary';
import { regularCustomers, regularSequences } from './sequence_fixtures';

const END_DAY = 300;
const HORIZON = 182;

/** Two short epochs: these tests are about who fits what, not about how well. */
const QUICK: SequenceOptions = {
  ...DEFAULT_SEQUENCE_OPTIONS,
  epochs: 2,
  batchSize: 64,
  maxSequenceLength: 8,
  maxCustomersPerEpoch: 100,
  predictBatchSize: 64,
};

function expectClose(actual: Float64Array, expected: Float64Array): void {
  expect(actual.length).toBe(expected.length);
  for (let k = 0; k < expected.length; k++) {
    expect(Math.abs(actual[k]! - expected[k]!), `row ${k}`).toBeLessThanOrEqual(
      1e-4 * Math.max(1, Math.abs(expected[k]!)),
    );
  }
}

describe('SequenceModelStore (the run’s sequence models, fitted on all)', () => {
  it(
    'applied to the orders it was fitted on, predicts what a predictor fitting its own does',
    { timeout: 120_000 },
    async () => {
      const sequences = regularSequences(regularCustomers(150, 3), END_DAY);
      const summary = summarize(sequences, END_DAY);
      const own = await sequencePredictor(QUICK).predict(sequences, summary, END_DAY, HORIZON);
      const store = new SequenceModelStore(sequences, QUICK);
      const shared = sequencePredictor(QUICK, undefined, store);
      const applied = await shared.predict(sequences, summary, END_DAY, HORIZON);
      await store.dispose();
      expect(applied.predictedValue).toEqual(own.predictedValue);
      expect(applied.expectedPurchases).toEqual(own.expectedPurchases);
      expect(applied.dailyTotal).toEqual(own.dailyTotal);
      expect(own.predictedValue.some((value) => value > 0)).toBe(true);
      expect(shared.lastTraining).toMatchObject({ trainedOn: 'all', trainingCustomers: 150 });
    },
  );

  it(
    'fits once per cutoff; a context of some of the customers gets the rows all gave them',
    { timeout: 120_000 },
    async () => {
      const customers = regularCustomers(150, 5);
      const all = regularSequences(customers, END_DAY);
      // Every third customer with all their orders, as a dimension value holding only them.
      const context = regularSequences(
        customers.filter((_, i) => i % 3 === 0),
        END_DAY,
      );
      const store = new SequenceModelStore(all, QUICK);
      const forAll = sequencePredictor(QUICK, undefined, store);
      const forContext = sequencePredictor(QUICK, undefined, store);
      const allPrediction = await forAll.predict(all, summarize(all, END_DAY), END_DAY, HORIZON);
      const contextPrediction = await forContext.predict(
        context,
        summarize(context, END_DAY),
        END_DAY,
        HORIZON,
      );
      expect(store.fittedDays()).toEqual([END_DAY]);
      expect(forContext.lastTraining).toMatchObject({
        trainedOn: 'all',
        customers: 50,
        trainingCustomers: 150,
      });
      const rowsOfContext = (values: Float64Array) => values.filter((_, k) => k % 3 === 0);
      expectClose(contextPrediction.predictedValue, rowsOfContext(allPrediction.predictedValue));
      expectClose(
        contextPrediction.expectedPurchases,
        rowsOfContext(allPrediction.expectedPurchases),
      );

      await forContext.predict(context, summarize(context, END_DAY - 50), END_DAY - 50, HORIZON);
      expect(store.fittedDays()).toEqual([END_DAY, END_DAY - 50]);
      await store.dispose();
      expect(store.fittedDays()).toEqual([]);
    },
  );

  it('says so when no customer of all bought before the cutoff', async () => {
    const store = new SequenceModelStore(regularSequences(regularCustomers(20, 1), END_DAY), QUICK);
    await expect(store.modelsFor(0)).rejects.toThrow(
      'CLV sequence models: no customer of all bought before day 0',
    );
  });
});
