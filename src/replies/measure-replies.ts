import { sentencesOf, type Measure, type Notice } from '../knowledge';
import { measureLabel, validityNote } from './notice-replies';
import { awardLine, conditionLine, PERIOD_WORDS, quantifiedRulesOf, unquantifiedRulesOf } from './rule-words';
import type { Reply, ReplyAction } from './types';

/** Button texts the bot understands as follow-ups on the measure last discussed. */
export const FOLLOW_UP = {
  fullText: '查看原文',
  related: '相关措施',
  estimate: '估算奖励',
} as const;

const FIGURE = /\d+(?:\.\d+)?(?:万元|亿元|%|家|个)/;


/** Sentences of the measure that state an amount, a rate or a threshold. */
export function figureSentences(measure: Measure): string[] {
  return sentencesOf(measure.body).filter((s) => FIGURE.test(s));
}

export function unitsLine(measure: Measure): string {
  return `责任单位：${measure.units.join('；')}`;
}

export interface AnswerOptions {
  /** The sentence that best answers the question (from search). */
  snippet?: string;
  /** True when the rules module can estimate an award for this measure. */
  estimable?: boolean;
  /** True when the question asks how much: a measure that writes no sum or rate says so first. */
  asksAmount?: boolean;
  /** True when a yes/no question says what the snippet writes: that the notice writes it leads. */
  affirms?: boolean;
}

function followUpActions(estimable: boolean): ReplyAction[] {
  const actions: ReplyAction[] = [
    { title: FOLLOW_UP.fullText, value: FOLLOW_UP.fullText },
    { title: FOLLOW_UP.related, value: FOLLOW_UP.related },
  ];
  if (estimable) actions.push({ title: FOLLOW_UP.estimate, value: FOLLOW_UP.estimate });
  return actions;
}

/**
 * The answer to a question about one measure: its number and title, the key
 * sentences (the best match first, then any award figures), the responsible units,
 * and the validity note.
 */
export function answerMeasure(measure: Measure, notice: Notice, options: AnswerOptions = {}): Reply {
  const sentences = sentencesOf(measure.body);
  const key = options.snippet && sentences.includes(options.snippet) ? options.snippet : sentences[0];
  const stated = figureSentences(measure);
  const figures = stated.filter((s) => s !== key);
  const lines = [`**${measureLabel(measure)}**`, `> ${key}`];
  if (options.asksAmount && stated.length === 0) lines.unshift(`${measureLabel(measure)}**没有写明具体金额或比例**，它的原文要点如下。`);
  if (options.affirms) lines.unshift(`**通知写到了这一点**：见${measureLabel(measure)}的原文。`);
  if (figures.length > 0) lines.push(`**相关数额**：${figures.join('')}`);
  lines.push(unitsLine(measure), validityNote(notice));
  return { text: lines.join('\n\n'), actions: followUpActions(options.estimable ?? false) };
}

export function fullText(measure: Measure, notice: Notice, estimable = false): Reply {
  return {
    text: [`**${measureLabel(measure)}（原文）**`, measure.text, validityNote(notice)].join('\n\n'),
    actions: followUpActions(estimable).filter((a) => a.title !== FOLLOW_UP.fullText),
  };
}

export function unitsOf(measure: Measure): Reply {
  return { text: `${measureLabel(measure)}的${unitsLine(measure)}。`, actions: followUpActions(false).slice(0, 1) };
}

/**
 * The figures of a measure: for each award its rate and cap (or sums) as the rule declares them,
 * saying when the notice sets no cap; then the sentences that state them.
 *   figuresOf(（九）…).text → '措施（九）…的支持标准：标识解析项目奖励按其获得中央财政资金的5%（通知未规定上限），一次性。…'
 */
/** A sentence that says how a measure supports: it gives, rewards, subsidises. */
const SUPPORT = /给予|奖励|补贴|补助|资助|扶持|奖补/;

export function figuresOf(measure: Measure, notice: Notice, estimable: boolean): Reply {
  const figures = figureSentences(measure);
  const rules = quantifiedRulesOf(measure.id);
  const lines: string[] = [];
  if (rules.length > 0) {
    lines.push(`${measureLabel(measure)}的支持标准：${rules.map((rule) => `${rule.title}${awardLine(rule)}，${PERIOD_WORDS[rule.period]}`).join('；')}。`);
    if (figures.length > 0) lines.push(`> ${figures.join('')}`);
  } else if (figures.length > 0) {
    lines.push(`${measureLabel(measure)}写明的数额：${figures.join('')}`);
  } else {
    // 按啥标准给 after （十一）: what it does say of the support (按支持财源经济发展相关政策给予奖励).
    const support = sentencesOf(measure.body).filter((sentence) => SUPPORT.test(sentence));
    lines.push(`${measureLabel(measure)}没有写明具体金额或比例${support.length > 0 ? '，原文对支持是这样写的：' : '。'}`);
    if (support.length > 0) lines.push(`> ${support.join('')}`);
    lines.push(`可咨询${unitsLine(measure).replace('责任单位：', '')}。`);
  }
  return { text: [...lines, validityNote(notice)].join('\n\n'), actions: followUpActions(estimable) };
}

/**
 * What a measure requires: each rule's conditions and amount, from its declaration; for a
 * measure without an amount, what it promises and whom to ask.
 *   conditionsOf(（六）).text → '措施（六）…的条件（平台服务商上云用平台奖补，适用对象：…）：\n- 纳入市工业互联网平台服务商名录…\n- 年度服务本地企业数 ≥ 50 家…'
 */
export function conditionsOf(measure: Measure, notice: Notice, estimable: boolean): Reply {
  const rules = quantifiedRulesOf(measure.id);
  const blocks = rules.map((rule) =>
    [
      `${measureLabel(measure)}的条件（${rule.title}，适用对象：${rule.subject}）：`,
      ...rule.conditions.map((c) => `- ${conditionLine(rule, c)}`),
      `支持标准：${awardLine(rule)}（${PERIOD_WORDS[rule.period]}）。`,
      // Whom it is given to and what for, in the notice's words (给项目承担企业…用于奖励核心团队).
      `> ${rule.clause.text}`,
    ].join('\n'),
  );
  if (blocks.length === 0) {
    const [promise] = unquantifiedRulesOf(measure.id);
    blocks.push(
      promise
        ? `${measureLabel(measure)}只写明“${promise.promise}”，没有规定具体条件和金额。${promise.askNote}`
        : `通知没有规定${measureLabel(measure)}的申请条件。原文：“${measure.body}”\n\n${unitsLine(measure)}`,
    );
  }
  return { text: [...blocks, validityNote(notice)].join('\n\n'), actions: followUpActions(estimable) };
}

/** The period a yes/no question puts (每年都发吗: yearly); `existence`: asked 有没有…, answered 有 / 没有. */
export interface ProposedPeriod {
  period: 'one-time' | 'yearly';
  existence: boolean;
}

/**
 * One-time or yearly, with the notice's reason. `proposed`: the period a yes/no question puts
 * (每年都发吗: yearly), which the answer confirms or denies first.
 */
export function periodOf(measure: Measure, notice: Notice, estimable: boolean, proposed?: ProposedPeriod): Reply {
  const rules = quantifiedRulesOf(measure.id);
  const line = (rule: (typeof rules)[number]) => {
    const award = `${measureLabel(measure)}的${rule.title}`;
    // Asked 是…吗, the verdict leads: **不是**：…是一次性的.
    if (proposed !== undefined && rule.period !== 'unspecified') {
      const [yes, no] = proposed.existence ? ['有', '没有'] : ['是', '不是'];
      return `**${rule.period === proposed.period ? yes : no}**：${award}是${PERIOD_WORDS[rule.period]}的（${rule.periodBasis}）。`;
    }
    return `${award}：**${PERIOD_WORDS[rule.period]}**（${rule.periodBasis}）。`;
  };
  const text = rules.length
    ? rules.map(line).join('\n\n')
    : `通知没有规定${measureLabel(measure)}是一次性还是按年度给予支持。可咨询${measure.units.join('、')}。`;
  return { text: [text, validityNote(notice)].join('\n\n'), actions: followUpActions(estimable) };
}

/** The other measures of the same section. */
export function relatedMeasures(measure: Measure, notice: Notice): Reply {
  const section = notice.sections[measure.section - 1];
  const others = section.measures.filter((m) => m.id !== measure.id);
  return {
    text: [`与${measureLabel(measure)}同属“${section.heading}”的措施：`, ...others.map((m) => `- ${m.number}${m.title}`)].join('\n'),
    actions: others.map((m) => ({ title: `${m.number}${m.title}`, value: `措施${m.number}` })),
  };
}

/** When the best hits are too close to call: ask which one was meant. */
export function chooseBetween(measures: Measure[]): Reply {
  return {
    text: ['您的问题可能涉及以下几条措施，请问您想了解哪一条？', ...measures.map((m) => `- ${measureLabel(m)}`)].join('\n'),
    actions: measures.map((m) => ({ title: `${m.number}${m.title}`, value: `措施${m.number}` })),
  };
}

export function noMeasureYet(): Reply {
  return { text: '请先告诉我您想了解哪一条措施，例如“第八条”或“两化融合项目补贴多少”。' };
}
