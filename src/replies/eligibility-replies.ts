import type { Measure, Notice } from '../knowledge';
import { earlyIneligibility, estimate, missingInputs, type QuantifiedRule } from '../rules';
import { amountText } from './estimate-replies';
import { FOLLOW_UP, unitsLine } from './measure-replies';
import { formatDate, measureLabel, validityNote } from './notice-replies';
import type { QuestionFacts } from './question-facts';
import { awardCeiling, awardLine, conditionLine, PERIOD_WORDS, quantifiedRulesOf, unmetLine, unquantifiedRulesOf } from './rule-words';
import type { Reply, ReplyAction } from './types';

/**
 * The answer to a yes/no question about qualifying for a measure: the verdict first
 * (不能 / 能，符合条件 / 能，如果… / 通知没有规定), judged by the rules module on what the question
 * says (factsOf), then the clause, the units and the validity.
 *
 *   eligibilityReply(measure 8, { answers: { isSme: false }, said: { isSme: '大型企业' } }, …).text
 *     → '**不能**：措施（八）的条件是“支持中小企业”，而您说的是“大型企业”。…'
 */
export interface EligibilityOptions {
  /** The question asks about now: lead with the notice's expiry. */
  later: boolean;
  /** The question names a year after the notice's validity (2023年新认定的…): the expiry leads whatever it states. */
  afterExpiry?: boolean;
  /** The question asks whether there is support at all (有奖励吗): with no facts to judge, lead with 有. */
  existence?: boolean;
  /** The question asks whether the award has a cap (有没有封顶): that leads. */
  capAsked?: boolean;
  estimable: boolean;
}

export function eligibilityReply(
  measure: Measure,
  rule: QuantifiedRule | undefined,
  facts: QuestionFacts,
  notice: Notice,
  options: EligibilityOptions,
): Reply {
  const lines: string[] = [];
  if (rule && options.capAsked) {
    // 市里的奖励有没有封顶: the cap (or that the notice sets none) first, then the verdict.
    const ceiling = awardCeiling(rule);
    const award = awardLine(rule);
    const none = award.includes('未规定上限') ? award : `${award}，通知未规定上限`;
    lines.push(ceiling ? `**有上限**：${rule.clause.cite}写明“${ceiling.quote}”。` : `**没有上限**：${rule.clause.cite}的${rule.title}${none}。`);
  }
  const judged = rule ? verdict(measure, rule, facts, options.existence ?? false) : unquantifiedVerdict(measure, facts, options.existence ?? false);
  const askNow = `现在是否还有同类支持，请向${measureLabel(measure)}的责任单位（${measure.units.join('、')}）咨询`;
  if (options.later && (options.afterExpiry || (Object.keys(facts.answers).length === 0 && !facts.role))) {
    // Asked about now and nothing to judge, or about a year after it expired: the answer is the
    // expiry; the notice's own terms follow.
    const [first, ...rest] = judged;
    lines.push(`**现在不能再按本通知申报**：本通知有效期至${formatDate(notice.validUntil)}，已经到期。${askNow}。`, `按原政策口径，${first}`, ...rest);
  } else {
    // The verdict leads; the expiry follows it when the question is about now.
    lines.push(...judged);
    if (options.later) lines.push(`注意：本通知有效期至${formatDate(notice.validUntil)}，已经到期，以上是按原政策口径的判断；${askNow}。`);
  }
  lines.push(`> ${rule ? rule.clause.text : measure.body}`, unitsLine(measure), validityNote(notice));
  const actions: ReplyAction[] = [{ title: FOLLOW_UP.fullText, value: FOLLOW_UP.fullText }];
  if (options.estimable) actions.push({ title: FOLLOW_UP.estimate, value: FOLLOW_UP.estimate });
  return { text: lines.join('\n\n'), actions };
}

function verdict(measure: Measure, rule: QuantifiedRule, facts: QuestionFacts, existence: boolean): string[] {
  if (facts.role) {
    // 用了平台的云服务: the asker is not whom the rule pays; what the measure says for such askers follows.
    const { role, said, instead } = facts.role;
    const lines = [`**不能直接**：${rule.clause.cite}的${rule.title}给的是${rule.subject}，不是${role}（您说的是“${said}”）。`];
    if (instead) lines.push(`对${role}，${measureLabel(measure)}写的是“${instead}”；通知没有规定直接给${role}的奖补。`);
    return lines;
  }
  if (facts.notCounted) {
    // 外地客户的收入算不算: what the rule's figures count is quoted; what was asked is not in it.
    const { what, counts, said } = facts.notCounted;
    return [`**不算**：${rule.clause.cite}的${rule.title}只计“${counts}”，${what}不在其内（您说的是“${said}”）。`];
  }
  const unmet = earlyIneligibility(rule, facts.answers);
  if (unmet.length > 0) {
    return [`**不能**：${unmet.map((result) => unmetLine(rule, result, facts.said[result.input]).replace(/。$/, '')).join('；')}。`];
  }
  const result = estimate(rule, facts.answers);
  if (result.ok && result.estimate.status === 'eligible' && result.estimate.amountFen !== undefined) {
    const { estimate: e } = result;
    if (facts.asked && e.amountFen! < facts.asked.value * 100) {
      // 还能按20%拿60万吗: the rule pays less than the sum asked about (a cap, what is left of it).
      return [`**不能拿到${facts.asked.words}**：按通知原口径，${rule.clause.cite}的${rule.title}最多约为${amountText(e.amountFen!)}（${e.formula?.text ?? ''}），${PERIOD_WORDS[rule.period]}。`, ...roughNote(rule, facts)];
    }
    return [
      `**能，符合条件**：按通知原口径，${rule.clause.cite}的${rule.title}约为${amountText(e.amountFen!)}（${e.formula?.text ?? ''}），${PERIOD_WORDS[rule.period]}。`,
      ...roughNote(rule, facts),
    ];
  }
  const missing = missingInputs(rule, facts.answers).map((input) => input.key);
  const open = rule.conditions.filter((c) => missing.includes(c.input));
  const met = rule.conditions.filter((c) => facts.answers[c.input] !== undefined);
  const preview = previewAmount(rule, facts);
  // 还能按20%拿60万吗: when even every condition met pays less than the sum asked about, that leads.
  const short = preview && facts.asked && preview.fen < facts.asked.value * 100 ? facts.asked : undefined;
  const lines = [
    ...(short ? [`**不能拿到${short.words}**：即使符合全部条件，按通知原口径最多约为${preview!.text}。`, ...roughNote(rule, facts)] : []),
    short
      ? `须同时符合${rule.clause.cite}的以下条件（适用对象：${rule.subject}）：`
      : existence
        ? `**有**：${measureLabel(measure)}的${rule.title}，${awardLine(rule)}（${PERIOD_WORDS[rule.period]}），须同时符合以下条件（适用对象：${rule.subject}）：`
        : `**能，如果**同时符合${rule.clause.cite}的以下条件（适用对象：${rule.subject}）：`,
    [
      ...open.map((c) => `- ${conditionLine(rule, c)}`),
      ...met.map((c) => `- ✔ ${conditionLine(rule, c)}：您说的是“${facts.said[c.input]}”`),
    ].join('\n'),
  ];
  if (preview && !short) lines.push(`符合条件的话，按通知原口径约为${preview.text}。`, ...roughNote(rule, facts));
  else if (!preview) lines.push(`支持标准：${awardLine(rule)}（${PERIOD_WORDS[rule.period]}）。`);
  lines.push('点“估算奖励”可以逐项核对。');
  return lines;
}

/** 两百来万: the amounts said roughly, and that a result from them is approximate too. */
function roughNote(rule: QuantifiedRule, facts: QuestionFacts): string[] {
  const rough = (facts.approximate ?? []).map((key) => `${rule.inputs[key].label}（您说的是“${facts.said[key]}”）`);
  return rough.length > 0 ? [`注意：${rough.join('、')}是约数，按该数测算，结果也是近似值。`] : [];
}

/**
 * The amount if every yes/no condition still open were met, when the question gave every
 * amount the rule needs: 我们投了80万，能补吗 → '160,000.00 元（16万元）（800,000 × 20% = 160,000…）'.
 */
function previewAmount(rule: QuantifiedRule, facts: QuestionFacts): { text: string; fen: number } | undefined {
  const assumed: Record<string, unknown> = { ...facts.answers };
  for (const condition of rule.conditions) {
    if (assumed[condition.input] !== undefined) continue;
    if (condition.threshold === '是') assumed[condition.input] = true;
    else if (condition.threshold === '否') assumed[condition.input] = false;
  }
  const result = estimate(rule, assumed);
  if (!result.ok || result.estimate.status !== 'eligible' || result.estimate.amountFen === undefined) return undefined;
  const fen = result.estimate.amountFen;
  return { text: `${amountText(fen)}（${result.estimate.formula?.text ?? ''}）`, fen };
}

/** A measure without an amount: what it promises, and whom to ask. Asked whether there is support: 有, without an amount. */
function unquantifiedVerdict(measure: Measure, facts: QuestionFacts, existence: boolean): string[] {
  const [rule] = unquantifiedRulesOf(measure.id);
  // 在上海注册的服务商 / 准备在青岛注册: the facts it states about the subject the clause names.
  const stated = (rule?.requires ?? []).filter((r) => facts.answers[r.input] !== undefined);
  const unmet = stated.find((r) => facts.answers[r.input] !== r.value);
  if (rule && unmet) {
    return [`**不能**：${rule.clause.cite}的${rule.title}给的是${rule.subject}（通知原文：“${unmet.quote}”），而您说的是“${facts.said[unmet.input]}”。`];
  }
  if (rule && stated.length > 0 && stated.length === rule.requires!.length) {
    const said = stated.map((r) => facts.said[r.input]).join('”“');
    return [`**可以**：${rule.clause.cite}写明给${rule.subject}“${rule.promise}”（您说的是“${said}”）；具体条件和金额，通知没有规定。${rule.askNote}`];
  }
  if (rule && existence) {
    return [`**有**：${rule.clause.cite}写明“${rule.promise}”；具体条件和金额，通知没有规定。${rule.askNote}`];
  }
  if (rule) {
    return [`**通知没有规定**具体条件和金额：${rule.clause.cite}只写明“${rule.promise}”。${rule.askNote}`];
  }
  if (existence) return [`**有相关措施**：${measureLabel(measure)}写的是政府要做的工作（原文见下），申请条件和奖补金额通知没有规定。`];
  return [`**通知没有规定**${measureLabel(measure)}的申请条件或奖补金额，这条措施写的是政府要做的工作。`];
}

/**
 * The rule of a measure a question is about: （三） has two, told apart by the words of their
 * clauses and the answers the question gives.
 */
export function ruleForQuestion(measureId: number, words: string[], facts: (rule: QuantifiedRule) => QuestionFacts): QuantifiedRule | undefined {
  const rules = quantifiedRulesOf(measureId);
  if (rules.length <= 1) return rules[0];
  const score = (rule: QuantifiedRule) =>
    words.filter((word) => rule.clause.text.includes(word)).length + Object.keys(facts(rule).answers).length;
  return rules.reduce((best, rule) => (score(rule) > score(best) ? rule : best));
}

/**
 * What counts as something a rule asks about (算不算中小企业): the notice does not define it; the
 * measure's own words for it, and the interview's explanation of it (the input's help).
 *   definitionReply(（八）, twoIntegration, 'isSme', notice).text
 *     → '**通知没有规定**“中小企业”的认定标准：措施（八）…只写明“支持中小企业”。\n\n一般按：指符合工信部等四部门《中小企业划型标准规定》…'
 */
export function definitionReply(measure: Measure, rule: QuantifiedRule, key: string, notice: Notice, estimable: boolean): Reply {
  const input = rule.inputs[key];
  const quote = rule.conditions.find((condition) => condition.input === key)?.quote;
  const lead = `**通知没有规定**“${input.label}”的认定标准：${measureLabel(measure)}${quote ? `只写明“${quote}”` : '没有对它作出界定'}。`;
  const actions: ReplyAction[] = [{ title: FOLLOW_UP.fullText, value: FOLLOW_UP.fullText }];
  if (estimable) actions.push({ title: FOLLOW_UP.estimate, value: FOLLOW_UP.estimate });
  return {
    text: [lead, `一般按：${input.help}`, `是否属于，以责任单位的认定为准。${unitsLine(measure)}`, validityNote(notice)].join('\n\n'),
    actions,
  };
}

