import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SEQUENCE_OPTIONS,
  sequencePredictor,
  type SequenceOptions,
} from '../../../../sidecar/src/ml/clv/sequence/index';
import { summarize } from '../../../../sidecar/src/ml/clv/summary';
import { regularCustomers, regularSequences, type RegularCustomer } from './sequence_fixtures';

const END_DAY = 300;
const HORIZON = 182;

/** Small enough for a unit test; batches of 64 give the models ~150 steps on 500 customers. */
const FAST: SequenceOptions = {
  ...DEFAULT_SEQUENCE_OPTIONS,
  epochs: 20,
  batchSize: 64,
  maxSequenceLength: 8,
  predictBatchSize: 128,
};

/** Brute force: the purchases a regular customer really makes in [END_DAY, END_DAY + HORIZON). */
function truth(customer: RegularCustomer): { purchases: number; value: number } {
  let purchases = 0;
  for (let day = customer.firstDay; day < END_DAY + HORIZON; day += customer.gapDays) {
    if (day >= END_DAY) purchases++;
  }
  return { purchases, value: purchases * customer.amount };
}

describe('sequencePredictor', () => {
  it(
    'gives bit-identical predictions for the same orders and options',
    { timeout: 120_000 },
    async () => {
      const customers = regularCustomers(150, 3);
      const sequences = regularSequences(customers, END_DAY);
      const summary = summarize(sequences, END_DAY);
      // Fewer customers per epoch than there are: the seeded sampler is part of what must repeat.
      const options = { ...FAST, epochs: 2, maxCustomersPerEpoch: 100, predictBatchSize: 64 };
      const first = await sequencePredictor(options).predict(sequences, summary, END_DAY, HORIZON);
      const second = await sequencePredictor(options).predict(sequences, summary, END_DAY, HORIZON);
      expect(second.predictedValue).toEqual(first.predictedValue);
      expect(second.expectedPurchases).toEqual(first.expectedPurchases);
      expect(second.dailyTotal).toEqual(first.dailyTotal);
      expect(first.predictedValue.some((value) => value > 0)).toBe(true);
    },
  );

  it(
    'learns regular rhythms: purchases and value over the horizon close to what happens',
    { timeout: 120_000 },
    async () => {
      const customers = regularCustomers(500, 7);
      const sequences = regularSequences(customers, END_DAY);
      const summary = summarize(sequences, END_DAY);
      const predictor = sequencePredictor(FAST);
      const prediction = await predictor.predict(sequences, summary, END_DAY, HORIZON);

      let purchases = 0;
      let value = 0;
      let purchaseError = 0;
      for (let k = 0; k < summary.sequence.length; k++) {
        const expected = truth(customers[summary.sequence[k]!]!);
        purchases += expected.purchases;
        value += expected.value;
        purchaseError += Math.abs(prediction.expectedPurchases[k]! - expected.purchases);
      }
      const predictedPurchases = prediction.expectedPurchases.reduce((a, b) => a + b, 0);
      const predictedValue = prediction.predictedValue.reduce((a, b) => a + b, 0);
      const dailySum = prediction.dailyTotal.reduce((a, b) => a + b, 0);
      // Every gap 5..40 days: a model that learned to continue each customer's own rhythm misses at
      // most the purchase at the horizon's edge, a few % of the ~11 per customer. Rolling everyone
      // from their true last purchase at the population's mean gap (22.9 days) instead is off by 4.8
      // purchases per customer and predicts 74 % of the purchases and 76 % of the value (computed by
      // brute force for these 500 customers), so 10 % on totals and < 1 purchase per customer
      // separate a model that learned each customer's rhythm from one that did not.
      expect(predictedPurchases / purchases).toBeGreaterThan(0.9);
      expect(predictedPurchases / purchases).toBeLessThan(1.1);
      expect(predictedValue / value).toBeGreaterThan(0.9);
      expect(predictedValue / value).toBeLessThan(1.1);
      expect(purchaseError / summary.sequence.length).toBeLessThan(1);
      // Each predicted purchase's spend lands on its day: the daily totals add up to the values.
      expect(dailySum).toBeCloseTo(predictedValue, 6);
      expect(predictor.lastTraining?.amountFallback).toBeNull();
    },
  );

  it(
    'forecasts customers with one purchase day from everyone’s first gaps, never zero',
    { timeout: 120_000 },
    async () => {
      const regulars = regularCustomers(400, 11);
      // One-time buyers 1..20 days before the cutoff (their orders stop there: one purchase day).
      const newcomers: RegularCustomer[] = Array.from({ length: 40 }, (_, i) => ({
        firstDay: END_DAY - 1 - (i % 20),
        gapDays: 1000,
        amount: 50,
      }));
      const customers = [...regulars, ...newcomers];
      const sequences = regularSequences(customers, END_DAY);
      const summary = summarize(sequences, END_DAY);
      const prediction = await sequencePredictor(FAST).predict(
        sequences,
        summary,
        END_DAY,
        HORIZON,
      );
      for (let k = 0; k < summary.sequence.length; k++) {
        if (summary.sequence[k]! < regulars.length) continue;
        // Everyone's first gap is 5..40 days (the 40 newcomers' open intervals are censored, not
        // gaps): 182 days hold between 182 / 40 − 1 ≈ 3 and 182 / 5 ≈ 36 such purchases.
        expect(prediction.expectedPurchases[k]).toBeGreaterThanOrEqual(3);
        expect(prediction.expectedPurchases[k]).toBeLessThanOrEqual(37);
        expect(prediction.predictedValue[k]).toBeGreaterThan(0);
      }
    },
  );

  it(
    'expects customers who stopped long ago not to come back (censored intervals)',
    { timeout: 120_000 },
    async () => {
      const active = regularCustomers(300, 13);
      // A third stopped after day 150: at the cutoff (day 300) they have been quiet for 110..290
      // days, 3 to 58 times their usual gap, and they never buy again.
      const lapsed = regularCustomers(150, 17).map((c) => ({ ...c, stopDay: 150 }));
      const customers = [...active, ...lapsed];
      const sequences = regularSequences(customers, END_DAY);
      const summary = summarize(sequences, END_DAY);
      const prediction = await sequencePredictor(FAST).predict(
        sequences,
        summary,
        END_DAY,
        HORIZON,
      );
      let lapsedPurchases = 0;
      let lapsedRhythm = 0;
      let activePurchases = 0;
      let activeTruth = 0;
      for (let k = 0; k < summary.sequence.length; k++) {
        const customer = customers[summary.sequence[k]!]!;
        if (customer.stopDay === undefined) {
          activePurchases += prediction.expectedPurchases[k]!;
          activeTruth += truth(customer).purchases;
        } else {
          lapsedPurchases += prediction.expectedPurchases[k]!;
          lapsedRhythm += HORIZON / customer.gapDays;
        }
      }
      // Rolled at their old rhythm the lapsed would make ~11 purchases each (a model blind to the
      // open intervals does that); the truth is 0. The censored likelihood only says "the gap is at
      // least the open interval", so the model cannot say how much longer and some lapsed customers
      // still get a return soon after the cutoff (measured: 0.35 of their rhythm): what this pins is
      // that the censoring at least halves it. BG/NBD's P(alive) is the model for this case, and the
      // backtest picks between them.
      expect(lapsedPurchases).toBeLessThan(0.5 * lapsedRhythm);
      // And it tells them apart from the active: more purchases per active customer. (Mixed with
      // the lapsed, the active get only ~70 % of their true count at these test sizes — σ
      // widens to cover both — one reason the backtest, not this model, decides what is shown.)
      expect(activeTruth).toBeGreaterThan(0);
      expect(activePurchases / active.length).toBeGreaterThan(lapsedPurchases / lapsed.length);
    },
  );

  it('rejects options that cannot train, naming the option', () => {
    expect(() => sequencePredictor({ ...FAST, maxSequenceLength: 0 })).toThrow(
      'CLV sequence option maxSequenceLength must be a whole number ≥ 1 (got 0)',
    );
    expect(() => sequencePredictor({ ...FAST, learningRate: -1 })).toThrow(
      'CLV sequence option learningRate must be > 0 (got -1)',
    );
  });
});
