import type { Measure, Notice } from '../knowledge';
import { normalizeKnown } from '../search';
import { allNotQuantifiedRules, allQuantifiedRules, type QuantifiedRule } from '../rules';
import { ESTIMATE_ACTIONS } from './estimate-replies';
import { FOLLOW_UP, unitsLine } from './measure-replies';
import { formatDate, measureLabel, validityNote } from './notice-replies';
import { awardCeiling, awardLine, awardRates, paysFixedSums, PERIOD_WORDS, quantifiedRulesOf, unquantifiedRulesOf } from './rule-words';
import type { Reply, ReplyAction } from './types';
import type { ListFocus } from './vocabulary';

/**
 * Which measures pay money, one line each with its rate and cap, derived from the rule
 * declarations; grouped one-time / yearly when asked; or only the fixed sums, only those
 * paid as a share, or the largest single award first. The equity stake of （十三） is
 * shown apart: it is not a payment.
 *
 *   catalogueReply(notice, { byPeriod: false }).text
 *     → '通知写明了金额或比例的奖补有以下几项…\n- 措施（三）“工业赋能”场景示范奖励：…分别给予300万元、100万元、50万元（一次性）…'
 *   catalogueReply(notice, { byPeriod: false, focus: 'highest' }).text
 *     → '**单项金额最高的是措施（六）平台服务商上云用平台奖补**：…年度补助最高不超过500万元…'
 */
export interface CatalogueOptions {
  byPeriod: boolean;
  focus?: ListFocus;
  /** With focus 'capped': the cap asked about, in yuan. */
  cap?: number;
  /** With focus 'fixed' or 'rate': only the awards of these measures (按投资额比例 → the two paid on investment). */
  among?: number[];
  /** With focus 'rate': the rate asked about, in percent (20%的有哪几个). */
  rate?: number;
}

const awards = () => allQuantifiedRules.filter((rule) => rule.amountKind === 'award');
const line = (rule: QuantifiedRule, withPeriod = true) =>
  `- ${rule.clause.cite}${rule.title}：${awardLine(rule)}${withPeriod ? `（${PERIOD_WORDS[rule.period]}）` : ''}`;
const equityLine = (rule: QuantifiedRule) => `${rule.clause.cite}${rule.title}：${awardLine(rule)}——这是财政股权投资，不是补贴。`;
const checkUpLine = '想知道贵企业可能符合哪几项，可以做“政策体检”：回答几个问题，逐项看是否符合和大约金额。';

export function catalogueReply(notice: Notice, options: CatalogueOptions): Reply {
  const expired = `按原政策口径；通知有效期至${formatDate(notice.validUntil)}，已经到期`;
  const lines =
    options.focus === 'capped' && options.cap !== undefined
      ? cappedLines(expired, options.cap)
      : options.focus === 'unquantified'
        ? unquantifiedLines(notice)
        : options.focus === 'highest'
      ? highestLines(expired)
      : options.focus === 'fixed'
        ? fixedLines(expired, options.among)
        : options.focus === 'rate' && options.rate !== undefined
          ? ratedLines(expired, options.rate)
          : options.focus === 'rate'
          ? rateLines(expired, options.among)
          : options.focus === 'withCap'
            ? withCapLines(expired)
            : allLines(expired, options.byPeriod);
  lines.push(checkUpLine);
  return {
    text: lines.join('\n\n'),
    actions: [
      { title: ESTIMATE_ACTIONS.checkUp, value: ESTIMATE_ACTIONS.checkUp },
      { title: ESTIMATE_ACTIONS.menu, value: ESTIMATE_ACTIONS.menu },
    ],
  };
}

function allLines(expired: string, byPeriod: boolean): string[] {
  const paying = awards();
  const lines = [`通知写明了金额或比例的奖补有以下${paying.length}项（${expired}）：`];
  if (byPeriod) {
    for (const period of ['one-time', 'yearly'] as const) {
      const some = paying.filter((rule) => rule.period === period);
      if (some.length === 0) continue;
      lines.push(`**${PERIOD_WORDS[period]}**：`, some.map((rule) => line(rule, false)).join('\n'));
    }
    lines.push('一次性的按项目给一次；按年度的按当年的数额计算，上限见各项。');
  } else {
    lines.push(paying.map((rule) => line(rule)).join('\n'));
  }
  lines.push(...equityLines(), unquantifiedLine());
  return lines;
}

/** The largest single award first, from each rule's cap or fixed sums; those without a cap apart. */
function highestLines(expired: string): string[] {
  const capped = awards()
    .map((rule) => ({ rule, ceiling: awardCeiling(rule) }))
    .filter((r): r is { rule: QuantifiedRule; ceiling: NonNullable<ReturnType<typeof awardCeiling>> } => r.ceiling !== undefined)
    .sort((a, b) => b.ceiling.yuan - a.ceiling.yuan);
  const uncapped = awards().filter((rule) => awardCeiling(rule) === undefined);
  const [top, ...rest] = capped;
  const lines = [
    `**单项金额最高的是${top.rule.clause.cite}${top.rule.title}**：${awardLine(top.rule)}（${PERIOD_WORDS[top.rule.period]}），即最多${top.ceiling.quote.replace(/^.*?(\d)/, '$1')}（${expired}）。`,
    ['其余写明上限或金额的奖补，从高到低：', ...rest.map(({ rule }) => line(rule))].join('\n'),
  ];
  for (const rule of uncapped) lines.push(`${rule.clause.cite}${rule.title}${awardLine(rule)}：随基数而定，没有写明上限。`);
  lines.push(...equityLines());
  return lines;
}

/** The awards whose cap (or largest fixed sum) is the amount asked about; the other caps after them. */
/** The measures whose awards are capped at `cap` yuan: measuresCappedAt(2_000_000) → [3, 8, 12]. */
export function measuresCappedAt(cap: number): number[] {
  return [...new Set(awards().filter((rule) => awardCeiling(rule)?.yuan === cap).map((rule) => rule.clause.measure))];
}

function cappedLines(expired: string, cap: number): string[] {
  const wan = `${cap / 10000}万元`;
  const capped = awards().filter((rule) => awardCeiling(rule)?.yuan === cap);
  const others = awards().filter((rule) => awardCeiling(rule)?.yuan !== cap);
  const lead =
    capped.length > 0
      ? [`最高（封顶）${wan}的奖补有${capped.length}项（${expired}）：`, ...capped.map((rule) => line(rule))].join('\n')
      : `通知中没有以${wan}为上限的奖补（${expired}）。`;
  return [lead, ['其余奖补的上限或金额：', ...others.map((rule) => line(rule))].join('\n')];
}

/** The measures that promise support but write no amount, each with its promise verbatim. */
function unquantifiedLines(notice: Notice): string[] {
  const rules = allNotQuantifiedRules;
  const title = (id: number) => notice.sections.flatMap((section) => section.measures).find((m) => m.id === id)?.title ?? '';
  return [
    [
      `只承诺支持、没有写明金额或比例的有${new Set(rules.map((rule) => rule.clause.measure)).size}条措施：`,
      ...rules.map((rule) => `- ${rule.clause.cite}${title(rule.clause.measure)}：“${rule.promise}”`),
    ].join('\n'),
    '这些措施的具体支持方式和标准，通知没有规定，需以责任单位的实施细则为准。',
    `写明金额或比例的奖补见：${awards().map((rule) => `${rule.clause.cite}${rule.title}`).join('、')}。`,
  ];
}

function fixedLines(expired: string, among?: number[]): string[] {
  const fixed = awards().filter((rule) => paysFixedSums(rule) && inAmong(rule, among));
  const shares = awards().filter((rule) => !paysFixedSums(rule));
  return [
    [`通知写明固定金额（定额）的奖励有${fixed.length}项（${expired}）：`, ...fixed.map((rule) => line(rule))].join('\n'),
    `${among ? '其余按比例计算的' : `其余${shares.length}项按比例计算`}：${shares.map((rule) => `${rule.clause.cite}${rule.title}`).join('、')}。`,
  ];
}

function rateLines(expired: string, among?: number[]): string[] {
  const shares = awards().filter((rule) => !paysFixedSums(rule) && inAmong(rule, among));
  const others = awards().filter((rule) => !shares.includes(rule));
  const fixed = others.filter(paysFixedSums);
  const otherShares = others.filter((rule) => !paysFixedSums(rule));
  return [
    [`按比例计算的奖补有${shares.length}项${among ? '与所问相关' : ''}（${expired}）：`, ...shares.map((rule) => line(rule))].join('\n'),
    ...(otherShares.length > 0 ? [`另有按其他基数的比例计算的：${otherShares.map((rule) => `${rule.clause.cite}${rule.title}（${awardLine(rule)}）`).join('；')}。`] : []),
    `${fixed.map((rule) => `${rule.clause.cite}${rule.title}`).join('、')}是固定金额：${fixed.map(awardLine).join('；')}。`,
    ...equityLines(),
  ];
}

/** The awards paid at the rate asked about (20%), then every award's rate or sums. */
function ratedLines(expired: string, rate: number): string[] {
  const at = awards().filter((rule) => awardRates(rule).includes(rate));
  const others = awards().filter((rule) => !at.includes(rule));
  const lead =
    at.length > 0
      ? [`按${rate}%计算的奖补有${at.length}项（${expired}）：`, ...at.map((rule) => line(rule))].join('\n')
      : `通知中没有按${rate}%计算的奖补（${expired}）。`;
  return [lead, ['其余奖补的比例或金额：', ...others.map((rule) => line(rule))].join('\n'), ...equityLines()];
}

/** Every award with a cap (or fixed sums), from the highest cap down, each with its cap; those without one apart. */
function withCapLines(expired: string): string[] {
  const capped = awards()
    .flatMap((rule) => {
      const ceiling = awardCeiling(rule);
      return ceiling ? [{ rule, ceiling }] : [];
    })
    .sort((a, b) => b.ceiling.yuan - a.ceiling.yuan);
  const uncapped = awards().filter((rule) => awardCeiling(rule) === undefined);
  return [
    [
      `写明上限（封顶）或金额的奖补有${capped.length}项，上限从高到低（${expired}）：`,
      ...capped.map(({ rule, ceiling }) => `- ${rule.clause.cite}${rule.title}：最多${ceiling.yuan / 10000}万元（${awardLine(rule)}，${PERIOD_WORDS[rule.period]}）`),
    ].join('\n'),
    ...uncapped.map((rule) => `${rule.clause.cite}${rule.title}${awardLine(rule)}：随基数而定，没有写明上限。`),
    ...equityLines(),
  ];
}

/** True when no measures are singled out, or the rule is of one of them. */
const inAmong = (rule: QuantifiedRule, among?: number[]) => !among || among.includes(rule.clause.measure);

/**
 * The awards whose subject (适用对象) a question names, one line each with its subject:
 *   awardsForReply('工业互联网平台', [scenarioDemo, platformCloudService], notice).text
 *     → '适用于“工业互联网平台”的奖补有以下2项…\n- 措施（三）“工业赋能”场景示范奖励：分别给予300万元…'
 */
export function awardsForReply(kind: string, rules: QuantifiedRule[], notice: Notice): Reply {
  const expired = `按原政策口径；通知有效期至${formatDate(notice.validUntil)}，已经到期`;
  const lines = [
    [`适用于“${kind}”的奖补有以下${rules.length}项（${expired}）：`, ...rules.map((rule) => `${line(rule)}；适用对象：${rule.subject}`)].join('\n'),
    '各项的条件不同，能否同时享受通知没有规定。',
    checkUpLine,
  ];
  return {
    text: lines.join('\n\n'),
    actions: [
      { title: ESTIMATE_ACTIONS.checkUp, value: ESTIMATE_ACTIONS.checkUp },
      { title: ESTIMATE_ACTIONS.menu, value: ESTIMATE_ACTIONS.menu },
    ],
  };
}

/**
 * The measures whose text names a kind of beneficiary or thing, one line each: its award where it
 * pays one, else the sentence that names it.
 *   measuresNamingReply({ phrases: ['工业互联网平台'], measures: [（三）, （四）, …] }, notice).text
 *     → '通知中写到“工业互联网平台”的措施有6条…\n- 措施（四）支持跨行业跨领域工业互联网平台建设：运用股权、债权等方式…'
 */
export interface MeasuresNaming {
  /** What was asked about: one phrase, or the topics of a list over several (金融, 基金). */
  phrases: string[];
  measures: Measure[];
  /** Measures that write only the phrase's most distinctive word (股权 of 股权投资). */
  also?: { word: string; measures: Measure[] };
}

export function measuresNamingReply({ phrases, measures, also }: MeasuresNaming, notice: Notice): Reply {
  const expired = `按原政策口径；通知有效期至${formatDate(notice.validUntil)}，已经到期`;
  const lineOf = (words: string[]) => (measure: Measure) => {
    const paying = quantifiedRulesOf(measure.id).filter((rule) => rule.amountKind === 'award');
    if (paying.length > 0) return `- ${measureLabel(measure)}：${paying.map((rule) => `${rule.title}${awardLine(rule)}`).join('；')}`;
    const sentence = measure.body.split(/(?<=[。；])/).find((s) => words.some((word) => normalizeKnown(s).includes(word))) ?? measure.body;
    return `- ${measureLabel(measure)}：${sentence.replace(/[。；]$/, '')}`;
  };
  const named = phrases.map((phrase) => `“${phrase}”`).join('或');
  const block = [`通知中写到${named}的措施有${measures.length}条（${expired}）：`, ...measures.map(lineOf(phrases))];
  if (also) block.push(`另外写到“${also.word}”的：`, ...also.measures.map(lineOf([also.word])));
  const lines = [block.join('\n'), checkUpLine];
  return {
    text: lines.join('\n\n'),
    actions: [
      { title: ESTIMATE_ACTIONS.checkUp, value: ESTIMATE_ACTIONS.checkUp },
      { title: ESTIMATE_ACTIONS.menu, value: ESTIMATE_ACTIONS.menu },
    ],
  };
}

const equityLines = () => allQuantifiedRules.filter((rule) => rule.amountKind === 'equity-ceiling').map((rule) => `另有${equityLine(rule)}`);

function unquantifiedLine(): string {
  const unquantified = [...new Set(allNotQuantifiedRules.map((rule) => rule.clause.number))].join('');
  return `措施${unquantified}也承诺支持，但通知没有写明金额。`;
}

/**
 * Is a measure's money a subsidy at all? （十三） is an equity stake; an award is an award; a
 * measure without an amount does not say.
 *   natureReply(（十三）…).text → '**不算补贴**：措施（十三）…按照不高于被投企业总股本的50%实行股权投资…'
 */
export function natureReply(measure: Measure, notice: Notice, estimable: boolean): Reply {
  const rules = quantifiedRulesOf(measure.id);
  const equity = rules.find((rule) => rule.amountKind === 'equity-ceiling');
  const paying = rules.filter((rule) => rule.amountKind === 'award');
  const [promise] = unquantifiedRulesOf(measure.id);
  let lead: string;
  if (equity) {
    lead = `**不算补贴**：${measureLabel(measure)}是财政资金“拨改投”，按照${awardLine(equity)}实行股权投资——财政资金入股成为被投企业的股东，不是无偿给企业的补贴或奖励。`;
  } else if (paying.length > 0) {
    lead = `**是奖补**：${measureLabel(measure)}写明给予奖补——${paying.map((rule) => `${rule.title}${awardLine(rule)}`).join('；')}。`;
  } else if (promise) {
    lead = `**通知没有规定**支持的方式和金额：${measureLabel(measure)}只写明“${promise.promise}”。${promise.askNote}`;
  } else {
    lead = `**通知没有规定**${measureLabel(measure)}向企业发放补贴：这条措施写的是政府要做的工作。`;
  }
  const actions: ReplyAction[] = [{ title: FOLLOW_UP.fullText, value: FOLLOW_UP.fullText }];
  if (estimable) actions.push({ title: FOLLOW_UP.estimate, value: FOLLOW_UP.estimate });
  return { text: [lead, `> ${measure.body}`, unitsLine(measure), validityNote(notice)].join('\n\n'), actions };
}
