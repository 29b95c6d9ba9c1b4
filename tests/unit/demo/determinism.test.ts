import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../../sidecar/src/demo';
import { generateFiles, removeGeneratedFiles } from './demo_files';

const FILES = ['sessions.csv', 'customers.csv', 'products.csv', 'ground-truth.json'];

function bytes(directory: string, file: string): Buffer {
  return readFileSync(join(directory, file));
}

describe('demo data determinism', () => {
  afterAll(removeGeneratedFiles);
  it('writes byte-identical files for the same seed', async () => {
    const options = { customers: 400, days: 45, seed: 2025 };
    const first = await generateFiles(options);
    const second = await generateFiles(options);
    for (const file of FILES) {
      expect(bytes(second.directory, file).equals(bytes(first.directory, file)), file).toBe(true);
    }
    expect(first.sessions.rows.length).toBeGreaterThan(1000);
  });

  it('writes different files for a different seed', async () => {
    const a = await generateFiles({ customers: 400, days: 45, seed: 2025 });
    const b = await generateFiles({ customers: 400, days: 45, seed: 2026 });
    for (const file of FILES) {
      expect(bytes(b.directory, file).equals(bytes(a.directory, file)), file).toBe(false);
    }
  });

  it('gives the same records on every iteration of one generator', () => {
    const generator = generateDemo({ customers: 50, days: 30, seed: 9 });
    const first = [...generator.sessions()];
    const second = [...generator.sessions()];
    expect(second).toEqual(first);
  });

  it('keeps customer i the same whatever the number of customers after it', () => {
    const small = [...generateDemo({ customers: 10, days: 30, seed: 9 }).customerBlocks()];
    const large = [...generateDemo({ customers: 500, days: 30, seed: 9 }).customerBlocks()];
    expect(large.slice(0, 10)).toEqual(small);
  });
});
