import { describe, expect, it } from 'vitest';
import { estimate, formatFen, formatYuan, percentOfFen, toFen } from '../src/rules';

describe('money helpers', () => {
  it('converts yuan to whole fen and refuses fractions of a fen', () => {
    expect(toFen(1_999_999.99)).toBe(199_999_999);
    expect(toFen(0.07)).toBe(7);
    expect(() => toFen(0.001)).toThrow(RangeError);
    // Large amounts in whole fen are accepted even where yuan × 100 is not an exact double.
    expect(toFen(123_456_789_012.34)).toBe(12_345_678_901_234);
    expect(toFen(999_999_999_999.99)).toBe(99_999_999_999_999);
  });

  it('takes a percentage rounding half up, without float error even at the largest amounts', () => {
    expect(percentOfFen(123_456_700, 20)).toBe(24_691_340);
    expect(percentOfFen(5, 10)).toBe(1); // 0.5 fen → 1
    expect(percentOfFen(4, 10)).toBe(0); // 0.4 fen → 0
    expect(percentOfFen(100_000_000_000_000 - 1, 50)).toBe(50_000_000_000_000); // 49,999,999,999,999.5 fen → up
    expect(() => percentOfFen(1.5, 20)).toThrow(RangeError);
  });

  it('formats with thousands separators, decimals only when there are fen', () => {
    expect(formatFen(300_000_000)).toBe('3,000,000');
    expect(formatFen(24_691_340)).toBe('246,913.40');
    expect(formatFen(1)).toBe('0.01');
    expect(formatYuan(999)).toBe('999');
    expect(formatYuan(1_000)).toBe('1,000');
  });

  it('estimates at the largest accepted amount stay exact; beyond it is invalid input', () => {
    const result = estimate('equity-investment', { inKeyProjectLibrary: true, totalShareCapital: 999_999_999_999.99 });
    expect(result).toMatchObject({ ok: true, estimate: { amount: 500_000_000_000, amountFen: 50_000_000_000_000 } });
    expect(estimate('equity-investment', { inKeyProjectLibrary: true, totalShareCapital: 2e12 }).ok).toBe(false);
  });
});
