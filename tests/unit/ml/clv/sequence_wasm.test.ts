import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SEQUENCE_OPTIONS,
  sequencePredictor,
} from '../../../../sidecar/src/ml/clv/sequence/index';
import { summarize } from '../../../../sidecar/src/ml/clv/summary';
import { tfRuntime } from '../../../../sidecar/src/ml/tf/runtime';
import { regularCustomers, regularSequences } from './sequence_fixtures';

// Before the process's first tfRuntime(): the runtime is chosen once, so this file is its own
// process (vitest isolates files) with the native backend ruled out.
process.env.CA_TF_BACKEND = 'wasm';

describe('sequencePredictor on the WASM backend', () => {
  it('trains and predicts with the native backend absent', { timeout: 120_000 }, async () => {
    const customers = regularCustomers(120, 5);
    const sequences = regularSequences(customers, 200);
    const summary = summarize(sequences, 200);
    const predictor = sequencePredictor({
      ...DEFAULT_SEQUENCE_OPTIONS,
      epochs: 2,
      batchSize: 32,
      maxSequenceLength: 6,
    });
    const prediction = await predictor.predict(sequences, summary, 200, 60);

    const runtime = await tfRuntime();
    expect(runtime.backend).toBe('wasm');
    expect(runtime.tf.getBackend()).toBe('wasm');
    expect(predictor.lastTraining?.backend).toBe('wasm');
    expect(prediction.predictedValue).toHaveLength(summary.sequence.length);
    expect(prediction.dailyTotal).toHaveLength(60);
    expect(prediction.expectedPurchases.every((n) => Number.isFinite(n) && n >= 0)).toBe(true);
    expect(prediction.dailyTotal.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });
});
