/**
 * Money to the fen. Amounts are held as integer fen (分) so that 20% of 1,234,567 yuan
 * is 246,913.40 yuan exactly, never 246913.40000000002.
 *
 *   toFen(1234567)                → 123456700
 *   percentOfFen(123456700, 20)   → 24691340
 *   fenToYuan(24691340)           → 246913.4
 *   formatFen(24691340)           → '246,913.40'
 */

/** The largest amount an input may carry: 1 trillion yuan keeps every fen a safe integer. */
export const MAX_YUAN = 1_000_000_000_000;

/** True when `yuan` has at most two decimals (whole fen): 0.01 yes, 0.001 no. */
export function isWholeFen(yuan: number): boolean {
  // The nearest two-decimal string, read back, is the same double only if yuan had whole fen.
  // (A tolerance on yuan * 100 would fail for large amounts, where one ulp exceeds it.)
  return Number.isFinite(yuan) && Math.abs(yuan) < 1e15 && Number(yuan.toFixed(2)) === yuan;
}

/** 1999999.99 → 199999999. Throws on amounts that are not whole fen. */
export function toFen(yuan: number): number {
  if (!isWholeFen(yuan)) throw new RangeError(`not a whole number of fen: ${yuan}`);
  return Math.round(yuan * 100);
}

/** 24691340 → 246913.4 (the nearest double to the exact decimal). */
export function fenToYuan(fen: number): number {
  return fen / 100;
}

/**
 * `percent`% of an amount in fen, rounded half up to the fen (四舍五入):
 * percentOfFen(800000005, 10) → 80000001 (80,000,000.5 fen rounds up).
 * Computed with BigInt so no intermediate product loses precision.
 */
export function percentOfFen(fen: number, percent: number): number {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new RangeError(`not a fen amount: ${fen}`);
  if (!Number.isInteger(percent) || percent < 0 || percent > 100) throw new RangeError(`not a whole percent: ${percent}`);
  return Number((BigInt(fen) * BigInt(percent) + 50n) / 100n);
}

/** 300000000 → '3,000,000'; 24691340 → '246,913.40' (decimals only when there are fen). */
export function formatFen(fen: number): string {
  const sign = fen < 0 ? '−' : '';
  const abs = Math.abs(fen);
  const whole = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = abs % 100;
  return sign + whole + (cents === 0 ? '' : '.' + cents.toString().padStart(2, '0'));
}

/** formatYuan(1999999.99) → '1,999,999.99' */
export const formatYuan = (yuan: number): string => formatFen(toFen(yuan));
