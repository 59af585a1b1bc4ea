import { formatFen, percentOfFen, toFen } from './money';
import type { Computation, Formula } from './types';

/**
 * Applies a computation to the fen and says it in words.
 *
 *   applyComputation({ kind: 'rate', base: 3_000_000, rate: 20%, cap: 2,000,000 })
 *     → { result: 600000, capBound: false, text: '3,000,000 × 20% = 600,000；未超过上限 2,000,000', … }
 *   same with base 12_000_000
 *     → { result: 2000000, capBound: true, text: '12,000,000 × 20% = 2,400,000；超过上限 2,000,000，按 2,000,000 计', … }
 */
export function applyComputation(computation: Computation): { formula: Formula; fen: number } {
  if (computation.kind === 'fixed') {
    const fen = toFen(computation.amount.yuan);
    const text = `定额奖励 ${formatFen(fen)}（${computation.what}）`;
    return { fen, formula: { kind: 'fixed', raw: fen / 100, capBound: false, result: fen / 100, text } };
  }
  const { base, rate, cap, cumulativeCap, suffix = '' } = computation;
  const baseFen = toFen(base);
  const rawFen = percentOfFen(baseFen, rate.percent);
  const product = `${formatFen(baseFen)} × ${rate.percent}% = ${formatFen(rawFen)}`;
  const common = { kind: 'rate' as const, base, rate: rate.percent / 100, raw: rawFen / 100 };

  if (cumulativeCap) {
    const capFen = toFen(cumulativeCap.cap.yuan);
    const receivedFen = toFen(cumulativeCap.alreadyReceived);
    const remainingFen = Math.max(0, capFen - receivedFen);
    const fen = Math.min(rawFen, remainingFen);
    const capBound = rawFen > remainingFen;
    const left = `政策期内累计上限 ${formatFen(capFen)} − 已获 ${formatFen(receivedFen)} = 尚余 ${formatFen(remainingFen)}`;
    const text = `${product}；${left}，${capBound ? `按 ${formatFen(remainingFen)} 计` : '未超过尚余额度'}`;
    return {
      fen,
      formula: {
        ...common,
        cap: remainingFen / 100,
        capBound,
        cumulative: { cap: capFen / 100, alreadyReceived: receivedFen / 100, remaining: remainingFen / 100 },
        result: fen / 100,
        text,
      },
    };
  }

  if (cap) {
    const capFen = toFen(cap.yuan);
    const fen = Math.min(rawFen, capFen);
    const capBound = rawFen > capFen;
    const tail = capBound
      ? `超过上限 ${formatFen(capFen)}，按 ${formatFen(capFen)} 计`
      : rawFen === capFen
        ? `恰好等于上限 ${formatFen(capFen)}`
        : `未超过上限 ${formatFen(capFen)}`;
    return { fen, formula: { ...common, cap: capFen / 100, capBound, result: fen / 100, text: `${product}；${tail}` } };
  }

  const tail = suffix || '（通知未设上限）';
  return { fen: rawFen, formula: { ...common, capBound: false, result: rawFen / 100, text: `${product}${tail}` } };
}
