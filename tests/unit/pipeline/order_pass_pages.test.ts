import { describe, expect, it } from 'vitest';
import { passPageSize } from '../../../sidecar/src/pipeline/order_pass';

/** Pages the pass requests for `total` orders of page size `size` (it stops at a short page). */
function requests(total: number, size: number): number {
  let pages = 0;
  for (let left = total; ; left -= size) {
    pages++;
    if (left < size) return pages;
  }
}

describe('the order pass sizes its pages from the count', () => {
  it('splits 322,000 orders into 3 equal pages of at most 110,000, not 2 full ones and a leftover', () => {
    expect(passPageSize(322_000)).toBe(107_334);
    expect(requests(322_000, 107_334)).toBe(3);
  });

  it('ends with a short page even when the count is a multiple of the cap (no empty request)', () => {
    expect(passPageSize(110_000)).toBe(55_001);
    expect(requests(110_000, 55_001)).toBe(2);
    expect(passPageSize(220_000)).toBe(73_334);
    expect(requests(220_000, 73_334)).toBe(3);
  });

  it('asks for one page of total + 1 orders when they fit, and for 1 when there are none', () => {
    expect(passPageSize(0)).toBe(1);
    expect(passPageSize(50)).toBe(51);
    expect(passPageSize(109_999)).toBe(110_000);
  });
});
