import { describe, expect, it } from 'vitest';
import { generateDemo } from '../../../sidecar/src/demo';

describe('demo generator streams', () => {
  it('yields the first sessions of a 9.9-million-customer shop at once (nothing is built ahead)', () => {
    const startedMs = performance.now();
    const generator = generateDemo({ customers: 9_999_999, days: 365, seed: 1 });
    const first: string[] = [];
    for (const session of generator.sessions()) {
      first.push(session.order_id);
      if (first.length === 3) break;
    }
    expect(first).toEqual(['s000000001', 's000000002', 's000000003']);
    expect(performance.now() - startedMs).toBeLessThan(2_000);
  });

  it('numbers sessions on across customers, one customer at a time', () => {
    const generator = generateDemo({ customers: 1_000, days: 60, seed: 4 });
    let expectedNext = 1;
    let index = 0;
    for (const block of generator.customerBlocks()) {
      expect(block.customer.client).toBe(`c${String(index + 1).padStart(7, '0')}`);
      block.sessions.forEach((session, i) => {
        expect(session.order_id).toBe(`s${String(expectedNext + i).padStart(9, '0')}`);
        expect(session.client).toBe(block.customer.client);
      });
      expectedNext += block.sessions.length;
      index += 1;
      if (index === 50) break;
    }
    expect(expectedNext).toBeGreaterThan(100);
  });

  it('keeps a customer’s sessions in time order', () => {
    for (const block of generateDemo({ customers: 200, days: 60, seed: 8 }).customerBlocks()) {
      const starts = block.sessions.map((session) => session.startMs);
      expect(starts).toEqual([...starts].sort((a, b) => a - b));
    }
  });
});
