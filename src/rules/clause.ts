import { toChineseOrdinal } from '../knowledge/chinese-numbers';

/**
 * A clause is the notice's own sentence with the figures it states, side by side
 * (Catala's habit): code reads the figures from here, never from bare literals, and a
 * test checks that `text` is verbatim in the notice and that each figure's `quote`
 * is in `text` and says the same number.
 *
 *   const c = defineClause(8, '…完成投资50万元以上的竣工（上线）项目，按照投资额的20%给予奖补，最高不超过200万元。', {
 *     minInvestment: moneyFigure('完成投资50万元以上', 500_000),
 *     rate: rateFigure('投资额的20%', 20),
 *     cap: moneyFigure('最高不超过200万元', 2_000_000),
 *   });
 *   c.cite → '措施（八）'
 */

/** An amount in yuan, as the notice states it. */
export interface MoneyFigure {
  kind: 'money';
  yuan: number;
  quote: string;
}
/** A whole percentage, as the notice states it: 20 for "20%". */
export interface RateFigure {
  kind: 'rate';
  percent: number;
  quote: string;
}
/** A number of things (enterprises), as the notice states it. */
export interface CountFigure {
  kind: 'count';
  count: number;
  quote: string;
}
export type Figure = MoneyFigure | RateFigure | CountFigure;

export interface Clause<F extends Record<string, Figure> = Record<string, Figure>> {
  /** 8 */
  measure: number;
  /** '（八）' */
  number: string;
  /** '措施（八）' */
  cite: string;
  /** The sentence(s) of the notice this rule implements, verbatim. */
  text: string;
  figures: F;
}

export const moneyFigure = (quote: string, yuan: number): MoneyFigure => ({ kind: 'money', yuan, quote });
export const rateFigure = (quote: string, percent: number): RateFigure => ({ kind: 'rate', percent, quote });
export const countFigure = (quote: string, count: number): CountFigure => ({ kind: 'count', count, quote });

/** '（八）' → '措施（八）' */
export const citeMeasure = (measure: number): string => `措施（${toChineseOrdinal(measure)}）`;

/** Builds a clause; throws at load time if a figure's quote is not in the clause's text. */
export function defineClause<const F extends Record<string, Figure>>(
  measure: number,
  text: string,
  figures: F = {} as F,
): Clause<F> {
  for (const [name, figure] of Object.entries(figures)) {
    if (!text.includes(figure.quote)) {
      throw new Error(`clause ${measure}: figure ${name} quotes "${figure.quote}", which is not in its text`);
    }
  }
  const number = `（${toChineseOrdinal(measure)}）`;
  return { measure, number, cite: `措施${number}`, text, figures };
}

