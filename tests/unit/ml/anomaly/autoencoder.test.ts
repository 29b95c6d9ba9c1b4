import { describe, expect, it } from 'vitest';
import { Random } from '../../../../sidecar/src/demo/random';
import { DEFAULT_AUTOENCODER, reconstruct } from '../../../../sidecar/src/ml/anomaly/autoencoder';

/** 300 rows of 6 features driven by 2 hidden factors plus noise: an autoencoder's usual input. */
function rows(): number[][] {
  const random = Random.stream(5, 'autoencoder-test');
  return Array.from({ length: 300 }, () => {
    const a = random.normal();
    const b = random.normal();
    return [a, b, a + b, a - b, 0.5 * a, -b].map((v) => v + 0.3 * random.normal());
  });
}

describe('autoencoder training stops at the loss plateau', () => {
  it('stops on a check (every 10 epochs) well before 300, 300 epochs lower its loss by under 10 %', async () => {
    const data = rows();
    const early = await reconstruct(data);
    const full = await reconstruct(data, { ...DEFAULT_AUTOENCODER, plateauDrop: -1 });
    expect(full.epochs).toBe(300);
    expect(early.epochs % 10).toBe(0);
    expect(early.epochs).toBeLessThan(250);
    expect(early.loss).toBeLessThan(full.loss * 1.1);
    expect(early.rows).toHaveLength(300);
  }, 60_000);

  it('runs maxEpochs when the loss keeps falling by more than plateauDrop', async () => {
    const result = await reconstruct(rows(), {
      ...DEFAULT_AUTOENCODER,
      maxEpochs: 25,
      plateauDrop: -1,
    });
    expect(result.epochs).toBe(25);
  }, 60_000);
});
