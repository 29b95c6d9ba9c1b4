import { describe, expect, it } from 'vitest';
import {
  formatDay,
  formatNumber,
  formatPercentChange,
  formatSigned,
} from '../../../public/components/format';

describe('dashboard number formatting', () => {
  it('groups thousands and fixes the decimals per unit', () => {
    expect(formatNumber(1234)).toBe('1,234');
    expect(formatNumber(1234.5, 2)).toBe('1,234.50');
    expect(formatNumber(0.125, 2)).toBe('0.13');
  });

  it('always shows the sign of a change, with a real minus sign', () => {
    expect(formatSigned(6)).toBe('+6');
    expect(formatSigned(-3461.42, 2)).toBe('−3,461.42');
    expect(formatSigned(0)).toBe('0');
  });

  it('shows n/a for a % change when the earlier period was 0 (stored as null)', () => {
    expect(formatPercentChange(null)).toBe('n/a');
    expect(formatPercentChange(25)).toBe('+25.0%');
    expect(formatPercentChange(-27.777)).toBe('−27.8%');
  });

  it('reads a yyyy-mm-dd period as a UTC day', () => {
    expect(formatDay('2025-03-01')).toBe('1 Mar 2025');
    expect(formatDay(Date.UTC(2025, 11, 31))).toBe('31 Dec 2025');
  });
});
