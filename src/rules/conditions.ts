import type { CountFigure, MoneyFigure } from './clause';
import { formatYuan, toFen } from './money';

/**
 * A condition of a rule: one input, a test, the threshold in words and the notice's
 * own words for it (`quote`, verbatim in the rule's clause). Labels come from the
 * input's declaration, so a condition states only what the notice requires.
 *
 *   atLeastMoney('investment', clause.figures.minInvestment)
 *     .test(499999.99) → false   .test(500000) → true   .threshold → '≥ 500,000 元'
 */
export interface ConditionDef<K extends string = string> {
  input: K;
  /** '≥ 500,000 元', '是', '否', '> 0 元' */
  threshold: string;
  /** The notice's words this condition implements, verbatim from the clause text. */
  quote: string;
  test(value: unknown): boolean;
  /** Says why the rule does not apply, when the generic sentence is not enough. */
  unmetNote?(value: unknown): string;
}

/** "是": the answer must be yes. */
export const isTrue = <K extends string>(input: K, quote: string): ConditionDef<K> => ({
  input,
  threshold: '是',
  quote,
  test: (value) => value === true,
});

/** "否": the answer must be no (e.g. 政府投资项目除外). */
export const isFalse = <K extends string>(input: K, quote: string): ConditionDef<K> => ({
  input,
  threshold: '否',
  quote,
  test: (value) => value === false,
});

/** 以上 / 不低于: at least the figure, the figure itself included. Compared in fen. */
export const atLeastMoney = <K extends string>(input: K, figure: MoneyFigure): ConditionDef<K> => ({
  input,
  threshold: `≥ ${formatYuan(figure.yuan)} 元`,
  quote: figure.quote,
  test: (value) => typeof value === 'number' && toFen(value) >= toFen(figure.yuan),
});

/** 以上: at least the count, the count itself included. */
export const atLeastCount = <K extends string>(input: K, figure: CountFigure, unit: string): ConditionDef<K> => ({
  input,
  threshold: `≥ ${figure.count} ${unit}`,
  quote: figure.quote,
  test: (value) => typeof value === 'number' && value >= figure.count,
});

/** More than nothing: a base of 0 yuan earns nothing, so it does not qualify. */
export const positiveMoney = <K extends string>(input: K, quote: string): ConditionDef<K> => ({
  input,
  threshold: '> 0 元',
  quote,
  test: (value) => typeof value === 'number' && toFen(value) > 0,
});

/** Strictly under a cumulative cap: something must be left to pay. */
export const underCumulativeCap = <K extends string>(input: K, cap: MoneyFigure): ConditionDef<K> => ({
  input,
  threshold: `< ${formatYuan(cap.yuan)} 元`,
  quote: cap.quote,
  test: (value) => typeof value === 'number' && toFen(value) < toFen(cap.yuan),
  unmetNote: (value) =>
    `政策期内累计补助上限 ${formatYuan(cap.yuan)} 元已经用完（已获 ${formatYuan(value as number)} 元），不能再获得此项补助。`,
});

/** One of the listed values (zod has already checked it; kept so the trace shows it). */
export const oneOf = <K extends string>(input: K, values: readonly string[], quote: string, what: string): ConditionDef<K> => ({
  input,
  threshold: what,
  quote,
  test: (value) => typeof value === 'string' && values.includes(value),
});
