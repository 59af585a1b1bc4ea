import { rulesForMeasure, type ConditionResult, type MoneyFigure, type Period, type QuantifiedRule, type Rule } from '../rules';

/**
 * A rule's conditions and amounts in words, derived from its declaration (src/rules):
 * no figure here is written twice.
 *
 *   awardLine(twoIntegration)      → '按照投资额的20%，最高不超过200万元'
 *   conditionLine(twoIntegration, isTrue('isSme', '支持中小企业')) → '中小企业（通知原文：“支持中小企业”）'
 */

export const PERIOD_WORDS: Record<Period, string> = { 'one-time': '一次性', yearly: '按年度', unspecified: '通知未规定' };

type ConditionDef = QuantifiedRule['conditions'][number];

/** Quotes of the money and count thresholds a rule tests (≥, >): they are conditions, not amounts. */
const thresholdQuotes = (rule: QuantifiedRule): Set<string> =>
  new Set(rule.conditions.filter((c) => /^[≥>]/.test(c.threshold)).map((c) => c.quote));

/**
 * What a rule pays, in the notice's words: its rates and caps, or its fixed sums.
 *   future-city-top10 → '按照智能软硬件投资额的10%，最高不超过200万元'
 *   scenario-demo     → '分别给予300万元、100万元、50万元'
 *   identifier-resolution → '按其获得中央财政资金的5%（通知未规定上限）'
 */
export function awardLine(rule: QuantifiedRule): string {
  const thresholds = thresholdQuotes(rule);
  const figures = Object.values(rule.clause.figures).filter((f) => !thresholds.has(f.quote));
  const rates = figures.filter((f) => f.kind === 'rate').map((f) => f.quote);
  const sums = figures.filter((f) => f.kind === 'money').map((f) => f.quote);
  if (rates.length === 0) return sums.length > 1 ? `分别给予${sums.join('、')}` : `给予${sums.join('')}`;
  const capped = sums.length > 0 ? `，${sums.join('，')}` : rule.amountKind === 'award' ? '（通知未规定上限）' : '';
  return `${rates.join('，')}${capped}`;
}

/** The figures a rule pays by, not those it tests: its rates, and its caps or fixed sums. */
function awardFigures(rule: QuantifiedRule) {
  const thresholds = thresholdQuotes(rule);
  return Object.values(rule.clause.figures).filter((f) => !thresholds.has(f.quote));
}

/** The rates (in percent) a rule pays by: platform-cloud-service → [20]. */
export const awardRates = (rule: QuantifiedRule): number[] =>
  awardFigures(rule).flatMap((f) => (f.kind === 'rate' ? [f.percent] : []));

/** True when a rule pays fixed sums rather than a share of something: （三）'s 300万元、100万元、50万元. */
export const paysFixedSums = (rule: QuantifiedRule): boolean => awardRates(rule).length === 0;

/**
 * The most one award of a rule can be, as the notice states it: its cap, or its largest fixed sum;
 * undefined when the notice sets no cap (（九）: 5% of the central funds).
 *   awardCeiling(platformCloudService) → { kind: 'money', yuan: 5000000, quote: '年度补助最高不超过500万元' }
 */
export function awardCeiling(rule: QuantifiedRule): MoneyFigure | undefined {
  const sums = awardFigures(rule).filter((f): f is MoneyFigure => f.kind === 'money');
  return sums.reduce<MoneyFigure | undefined>((best, f) => (!best || f.yuan > best.yuan ? f : best), undefined);
}

/** A condition as a line of a list: '年度服务本地企业数 ≥ 50 家（通知原文：“年度服务本地企业50家以上”）'. */
export function conditionLine(rule: QuantifiedRule, condition: ConditionDef): string {
  const label = rule.inputs[condition.input]?.label ?? condition.input;
  const quote = `（通知原文：“${condition.quote}”）`;
  if (condition.threshold === '是') return `${label}${quote}`;
  if (condition.threshold === '否') return `不属于${label}${quote}`;
  if (condition.input === 'category') return `${condition.threshold}${quote}`;
  return `${label} ${condition.threshold}${quote}`;
}

/** Why an answer fails a condition, quoting the user's words when there are some. */
export function unmetLine(rule: QuantifiedRule, result: ConditionResult, said?: string): string {
  const def = rule.conditions.find((c) => c.input === result.input && c.quote === result.quote);
  const note = def?.unmetNote?.(result.value);
  if (note) return note;
  const yours = said ?? result.valueText;
  if (result.threshold === '是') return `${rule.clause.cite}的条件是“${result.quote}”，而您说的是“${yours}”`;
  if (result.threshold === '否') return `${rule.clause.cite}规定“${result.quote}”，而您说的是“${yours}”`;
  return `${rule.clause.cite}要求“${result.quote}”，您说的是${yours}`;
}

/** The quantified rules of a measure. */
export const quantifiedRulesOf = (measureId: number): QuantifiedRule[] =>
  rulesForMeasure(measureId).filter((rule): rule is QuantifiedRule => rule.kind === 'quantified');

/** The rules of a measure that promise support without an amount. */
export const unquantifiedRulesOf = (measureId: number): Exclude<Rule, QuantifiedRule>[] =>
  rulesForMeasure(measureId).filter((rule): rule is Exclude<Rule, QuantifiedRule> => rule.kind === 'not-quantified');
