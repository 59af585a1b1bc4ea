import type { Measure } from '../knowledge';
import {
  COMBINATION_NOTE,
  allInputs,
  allQuantifiedRules,
  allRules,
  getRule,
  type CheckUp,
  type CheckUpEntry,
  type ConditionResult,
  type Estimate,
  type Period,
  type Rule,
} from '../rules';
import { adaptiveCard, heading, markedRow, note, textBlock, type AdaptiveCard, type CardElement } from './estimate-card';
import { plainAmount, type AnswerChange } from './estimate-interview';
import { measureLabel } from './notice-replies';
import type { Reply, ReplyAction } from './types';

/**
 * The wording of estimates: results as a short text and an Adaptive Card, and the
 * menus that lead to an interview. Pure: estimates in, replies out.
 *
 *   estimateReply(estimate('two-integration', { isSme: true, completed: true, investment: 3_200_000 }).estimate)
 *     → { text: '**估算结果：两化融合项目奖补**\n…640,000.00 元（64万元）…', card: { type: 'AdaptiveCard', … }, actions: [重新估算, 政策体检, 查看原文] }
 */

/** A reply that also carries an Adaptive Card; `text` is its summary for clients without cards. */
export interface CardReply extends Reply {
  card: AdaptiveCard;
}

/** Button texts the bot understands after an estimate. */
export const ESTIMATE_ACTIONS = {
  again: '重新估算',
  checkUp: '政策体检',
  fullText: '查看原文',
  /** Shows every rule that can be estimated. */
  menu: '估算单项奖励',
  checkUpAgain: '重新体检',
  /** Re-opens the last interview at its summary, to change an answer. */
  edit: '修改回答',
  /** After an early stop: re-opens the interview at the question that stopped it. */
  back: '返回',
} as const;

/**
 * What the interview adds to a result: the answers the user gave (a default nobody was
 * asked is not shown as an answer), the rough ones, what a correction changed, and
 * whether the interview stopped early (its answers are kept: the buttons re-open it).
 */
export interface InterviewContext {
  answered?: readonly string[];
  /** '年度内…完成投资额：约 3,000,000 元'. */
  approximate?: readonly string[];
  changes?: readonly AnswerChange[];
  /** The conclusion before the correction: '可获约 300,000.00 元（30万元），一次性'. */
  previousHeadline?: string;
  /** True after an early stop or a result: the answers are kept and can be corrected. */
  correctable?: boolean;
}

// ---------------------------------------------------------------- amounts

/** 64000000 fen → '640,000.00 元' (always with the fen). */
export function yuanText(fen: number): string {
  const whole = Math.floor(fen / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${whole}.${(fen % 100).toString().padStart(2, '0')} 元`;
}

/** 64000000 fen → '64万元'; 24691340 fen → '24.69134万元' (exact, trailing zeros dropped). */
export function wanText(fen: number): string {
  const whole = Math.floor(fen / 1_000_000);
  const rest = (fen % 1_000_000).toString().padStart(6, '0').replace(/0+$/, '');
  return `${whole}${rest ? `.${rest}` : ''}万元`;
}

/** '640,000.00 元（64万元）' */
export const amountText = (fen: number): string => `${yuanText(fen)}（${wanText(fen)}）`;

const PERIOD: Record<Period, string> = { 'one-time': '一次性', yearly: '按年度', unspecified: '通知未规定' };

// ---------------------------------------------------------------- choosing what to estimate

/** The text of the button that starts one rule's interview: '估算两化融合项目奖补'. */
export const estimateCommand = (rule: Rule): string => `估算${rule.title}`;

/** The rule an estimate button names, if the text is exactly such a button. */
export function ruleForEstimateCommand(text: string): Rule | undefined {
  const t = text.trim();
  return allRules.find((rule) => estimateCommand(rule) === t);
}

const ruleAction = (rule: Rule): ReplyAction => ({ title: `${rule.clause.number}${rule.title}`, value: estimateCommand(rule) });

/** When a measure has two quantified rules (（三）), or none is known: which one? */
export function chooseRule(rules: readonly Rule[], measure?: Measure): Reply {
  const lead = measure
    ? `${measureLabel(measure)}有${rules.length}项可以估算的奖励，请问您想估算哪一项？`
    : '请问您想估算哪一项奖励？通知中可以估算金额的有以下几项：';
  return {
    text: [lead, ...rules.map((rule) => `- ${rule.clause.cite} ${rule.title}：${rule.subject}`)].join('\n'),
    actions: [...rules.map(ruleAction), { title: ESTIMATE_ACTIONS.checkUp, value: ESTIMATE_ACTIONS.checkUp }],
  };
}

/** Every quantified rule, as a menu. */
export const chooseAnyRule = (): Reply => chooseRule(allQuantifiedRules);

/** A measure that carries no award at all (（十四）设立工业互联网基金). */
export function nothingToEstimate(measure: Measure): Reply {
  const menu = chooseAnyRule();
  return {
    text: `${measureLabel(measure)}没有规定奖励或补贴的金额，无法估算。\n\n${menu.text}`,
    actions: menu.actions,
  };
}

// ---------------------------------------------------------------- one rule's estimate

const conditionLine = (c: ConditionResult): string =>
  `${c.met ? '✔' : '✘'} ${c.label}：所填“${c.valueText}”，要求“${c.threshold}”`;

function unmetReasons(estimate: Estimate): string[] {
  const unmet = estimate.conditions.filter((c) => !c.met).length;
  return estimate.notes.slice(0, unmet);
}

function unansweredLabels(estimate: Estimate): string[] {
  const rule = getRule(estimate.rule);
  if (!rule || rule.kind !== 'quantified') return [];
  return estimate.unanswered.map((key) => rule.inputs[key]?.label ?? key);
}

/** The amount in words: what is paid, the equity ceiling, or why nothing. */
export function headline(estimate: Estimate): string {
  if (estimate.status === 'not-quantified') return '通知未规定金额，无法测算';
  if (estimate.status === 'ineligible') return '不符合条件';
  const fen = estimate.amountFen ?? 0;
  return estimate.amountKind === 'equity-ceiling'
    ? `市级财政股权投资上限 ${amountText(fen)}（不是奖励）`
    : `可获约 ${amountText(fen)}，${PERIOD[estimate.period]}`;
}

/** The text beside the card (and its fallback): a few lines, the amount first. */
export function estimateText(estimate: Estimate): string {
  const lines = [`**估算结果：${estimate.title}**`, `依据：${estimate.clause}${estimate.measureTitle}`, `结论：${headline(estimate)}`];
  if (estimate.status === 'eligible' && estimate.formula) lines.push(`计算：${estimate.formula.text}`);
  if (estimate.status === 'ineligible') lines.push(...unmetReasons(estimate).map((reason) => `原因：${reason}`));
  if (estimate.status === 'not-quantified') lines.push(...estimate.notes.slice(0, 2));
  if (estimate.conditions.length > 0) lines.push(`条件：${estimate.conditions.map(conditionLine).join('；')}`);
  lines.push(`责任单位：${estimate.units.join('；')}`, `注：${estimate.validity.note}。`);
  return lines.join('\n\n');
}

/**
 * The few lines sent beside the card: what, how much (or why not), the formula and the
 * validity. Clients that cannot render cards get the card's fallbackText, which is complete.
 */
export function estimateSummary(estimate: Estimate): string {
  const lines = [`**估算结果：${estimate.title}**（${estimate.clause}${estimate.measureTitle}）`, `结论：${headline(estimate)}`];
  if (estimate.status === 'eligible' && estimate.formula) lines.push(`计算：${estimate.formula.text}`);
  if (estimate.status === 'ineligible') lines.push(...unmetReasons(estimate).map((reason) => `原因：${reason}`));
  if (estimate.status === 'not-quantified') lines.push(...estimate.notes.slice(0, 2));
  lines.push(`注：${estimate.validity.note}。条件、责任单位和说明见下方卡片。`);
  return lines.join('\n\n');
}

const plain = (markdown: string): string => markdown.replace(/\*\*/g, '');

function conditionRows(conditions: readonly ConditionResult[]): CardElement[] {
  return conditions.map((c) =>
    markedRow(c.met ? '✔' : '✘', c.met ? 'Good' : 'Attention', [
      textBlock(c.label, { weight: 'Bolder', spacing: 'None' }),
      note(`所填：${c.valueText}　要求：${c.threshold}`),
      note(`原文：“${c.quote}”（${c.clause}）`),
    ]),
  );
}

/** The card for one rule: title and clause, amount, formula, conditions, units, period, notes. */
export function estimateCard(estimate: Estimate, fallbackText: string): AdaptiveCard {
  const body: CardElement[] = [
    textBlock(`估算结果：${estimate.title}`, { size: 'Medium', weight: 'Bolder' }),
    textBlock(`${estimate.clause}${estimate.measureTitle}`, { isSubtle: true, spacing: 'None' }),
    textBlock(headline(estimate), {
      size: estimate.status === 'eligible' ? 'Large' : 'Medium',
      weight: 'Bolder',
      color: estimate.status === 'eligible' ? 'Good' : estimate.status === 'ineligible' ? 'Attention' : 'Warning',
    }),
  ];
  if (estimate.status === 'eligible' && estimate.formula) {
    body.push(heading('计算过程'), textBlock(estimate.formula.text));
  }
  if (estimate.status === 'ineligible') {
    body.push(heading('不符合的原因'), ...unmetReasons(estimate).map((reason) => textBlock(reason, { color: 'Attention' })));
    const skipped = unansweredLabels(estimate);
    if (skipped.length > 0) body.push(note(`因上述条件不符合，未再询问：${skipped.join('、')}。`));
  }
  if (estimate.conditions.length > 0) body.push(heading('申请条件'), ...conditionRows(estimate.conditions));
  if (estimate.status === 'not-quantified') {
    body.push(heading('通知怎么说'), ...estimate.notes.slice(0, 2).map((n) => textBlock(n)));
  }
  body.push(
    heading('责任单位'),
    textBlock(estimate.units.join('；')),
    heading('发放方式'),
    textBlock(`${PERIOD[estimate.period]}：${estimate.periodBasis}`),
    heading('说明'),
    note(`${estimate.validity.note}。`, 'Warning'),
  );
  const shown = estimate.status === 'not-quantified' ? 2 : estimate.status === 'ineligible' ? unmetReasons(estimate).length : 0;
  const otherNotes = estimate.notes.slice(shown);
  body.push(...otherNotes.map((n) => note(n)));
  return adaptiveCard(body, fallbackText);
}

/** '已按修改后的回答重新计算：完成投资额 1,500,000 元 → 2,500,000 元；结论 … → …'. */
function changesLine(context: InterviewContext, now: string): string | undefined {
  const changes = context.changes ?? [];
  if (changes.length === 0) return undefined;
  const lines = changes.map((c) => `- ${c.label}：${c.before} → ${c.after}`);
  if (context.previousHeadline && context.previousHeadline !== now) lines.push(`- 结论：${context.previousHeadline} → ${now}`);
  return ['**已按修改后的回答重新计算**', ...lines].join('\n');
}

/** Under the card's headline: what changed and whether the figures are rough (how to correct is the chat's business). */
function cardNotes(card: AdaptiveCard, context: InterviewContext, changes: readonly string[]): void {
  const rough = approximateLine(context);
  const notes = [...changes.map((line) => note(plain(line))), ...(rough ? [note(rough, 'Warning')] : [])];
  card.body.splice(3, 0, ...notes);
}

const approximateLine = (context: InterviewContext): string | undefined =>
  context.approximate?.length
    ? `注意：${context.approximate.join('；')}是约数，按该数测算，结果也是近似值。`
    : undefined;

/** An example of a correction, from the inputs' own declarations: '“投资额其实是450万”'. */
function correctionExample(keys: readonly string[]): string {
  const inputs = keys.map((key) => allInputs.get(key)).filter((spec) => spec !== undefined);
  const amount = inputs.find((spec) => spec.kind === 'money' && spec.default === undefined);
  if (amount) return `“${amount.names[0]}其实是${plainAmount(Number(amount.example) * 1.5)}”`;
  return inputs[0] ? `“修改${inputs[0].names[0]}”` : '“修改回答”';
}

/** The buttons that correct the answers that stopped the interview: '修改中小企业'. */
function stopEditCommands(estimate: Estimate): string[] {
  const rule = getRule(estimate.rule);
  if (rule?.kind !== 'quantified') return [];
  return estimate.conditions.filter((c) => !c.met).map((c) => `修改${rule.inputs[c.input].names[0]}`);
}

/**
 * The result of one rule. `context` comes from the interview (see InterviewContext);
 * without it the estimate stands alone (a measure without an amount, the JSON API).
 */
export function estimateReply(estimate: Estimate, context: InterviewContext = {}): CardReply {
  const { answered } = context;
  if (answered) {
    estimate = { ...estimate, conditions: estimate.conditions.filter((c) => !c.met || answered.includes(c.input)) };
  }
  const now = headline(estimate);
  const stopped = context.correctable && estimate.status === 'ineligible';
  const before = [changesLine(context, now)].filter((line): line is string => !!line);
  const after = [
    approximateLine(context),
    stopped
      ? `您的回答都已保留。如有答错，可以点“修改…”或“返回”，也可以直接说明正确的情况（如“说错了，是…”），我会接着问下去。`
      : context.correctable && estimate.status === 'eligible'
        ? `如需修改某项回答，可以直接说，如${correctionExample(Object.keys(estimate.inputs))}，或点“${ESTIMATE_ACTIONS.edit}”，我会重新计算。`
        : undefined,
  ].filter((line): line is string => !!line);
  const text = [...before, estimateSummary(estimate), ...after].join('\n\n');
  const fallback = [...before, plain(estimateText(estimate)), ...after].join('\n\n');
  const card = estimateCard(estimate, plain(fallback));
  cardNotes(card, context, before);
  const words: string[] =
    estimate.status === 'not-quantified'
      ? [ESTIMATE_ACTIONS.fullText, ESTIMATE_ACTIONS.menu, ESTIMATE_ACTIONS.checkUp]
      : stopped
        ? [...stopEditCommands(estimate), ESTIMATE_ACTIONS.back, ESTIMATE_ACTIONS.again, ESTIMATE_ACTIONS.checkUp]
        : context.correctable
          ? [ESTIMATE_ACTIONS.edit, ESTIMATE_ACTIONS.again, ESTIMATE_ACTIONS.checkUp, ESTIMATE_ACTIONS.fullText]
          : [ESTIMATE_ACTIONS.again, ESTIMATE_ACTIONS.checkUp, ESTIMATE_ACTIONS.fullText];
  return { text, card, actions: words.map((w) => ({ title: w, value: w })) };
}

// ---------------------------------------------------------------- the check-up

/** The check-up's conclusion in a few words: '合计约 640,000.00 元（64万元）'. */
export const checkUpHeadline = (c: CheckUp): string =>
  paidEligible(c).length > 0 ? `合计约 ${amountText(c.totalFen)}` : '暂未发现可以测算金额的奖补';

/** Rules the check-up could not judge, because a question was skipped: each with what it lacks. */
function undecided(c: CheckUp, skipped: readonly string[]): { entry: CheckUpEntry; lacking: string[]; edit: string }[] {
  return c.entries
    .filter((e) => e.status === 'incomplete')
    .map((entry) => {
      const keys = entry.missing.filter((key) => skipped.includes(key));
      const specs = (keys.length > 0 ? keys : entry.missing).map((key) => allInputs.get(key)).filter((spec) => spec !== undefined);
      return { entry, lacking: specs.map((spec) => spec.label), edit: `修改${specs[0]?.names[0] ?? ''}` };
    });
}

const undecidedLine = (items: ReturnType<typeof undecided>): string =>
  `未能判断（缺少回答）：${items.map(({ entry, lacking }) => `${entry.clause}${entry.title}（缺：${lacking.join('、')}）`).join('；')}。补上回答即可计算，如“${items[0].edit}”。`;

const paidEligible = (c: CheckUp): CheckUpEntry[] =>
  c.entries.filter((e) => e.status === 'eligible' && e.amountKind === 'award' && e.estimate);
const equityEligible = (c: CheckUp): CheckUpEntry[] =>
  c.entries.filter((e) => e.status === 'eligible' && e.amountKind === 'equity-ceiling' && e.estimate);

/** The first unmet condition, in a few words: '市级新认定：否'. */
function shortReason(entry: CheckUpEntry): string {
  const unmet = entry.estimate?.conditions.find((c) => !c.met);
  return unmet ? `${unmet.label}：${unmet.valueText}（要求${unmet.threshold}）` : '条件不符';
}

const entryLine = (e: CheckUpEntry): string =>
  `${e.clause} ${e.title}：${amountText(e.estimate!.amountFen ?? 0)}，${PERIOD[e.estimate!.period]}（${e.estimate!.formula?.text ?? ''}）`;

export function checkUpText(c: CheckUp, skipped: readonly string[] = []): string {
  const paid = paidEligible(c);
  const equity = equityEligible(c);
  const ineligible = c.entries.filter((e) => e.status === 'ineligible');
  const lines = ['**政策体检结果**'];
  if (paid.length > 0) {
    lines.push(`您可能符合 ${paid.length} 项奖补，合计约 ${amountText(c.totalFen)}：`, ...paid.map((e) => `- ✔ ${entryLine(e)}`));
  } else {
    lines.push('按您的回答，暂未发现可以测算金额的奖补。');
  }
  for (const e of equity) {
    lines.push(`另：${e.clause} ${e.title}——市级财政股权投资上限 ${amountText(e.estimate!.amountFen ?? 0)}，不是奖励，不计入合计。`);
  }
  if (ineligible.length > 0) lines.push(`不符合：${ineligible.map((e) => `${e.clause}${e.title}（${shortReason(e)}）`).join('；')}`);
  const open = undecided(c, skipped);
  if (open.length > 0) lines.push(undecidedLine(open));
  if (c.notQuantified.length > 0) {
    lines.push(`另有${c.notQuantified.length}项措施支持但未规定金额：${c.notQuantified.map((e) => `${e.clause}${e.title}`).join('、')}，可咨询责任单位。`);
  }
  lines.push(`注：${c.notes.join('')}${c.validity.note}。`);
  return lines.join('\n\n');
}

/** The lines beside the check-up card: the awards and the total; reasons and formulas are in the card. */
export function checkUpSummary(c: CheckUp, skipped: readonly string[] = []): string {
  const paid = paidEligible(c);
  const open = undecided(c, skipped);
  const lines = ['**政策体检结果**'];
  if (paid.length > 0) {
    lines.push(
      `您可能符合 ${paid.length} 项奖补，合计约 ${amountText(c.totalFen)}：`,
      paid.map((e) => `- ${e.clause} ${e.title}：${amountText(e.estimate!.amountFen ?? 0)}，${PERIOD[e.estimate!.period]}`).join('\n'),
    );
  } else {
    lines.push(
      '按您的回答，暂未发现可以测算金额的奖补。',
      `以下措施支持但未规定金额，可咨询责任单位：${c.notQuantified.map((e) => `${e.clause}${e.title}`).join('、')}。`,
    );
  }
  for (const e of equityEligible(c)) {
    lines.push(`另：${e.clause} ${e.title}——市级财政股权投资上限 ${amountText(e.estimate!.amountFen ?? 0)}，不是奖励，不计入合计。`);
  }
  if (open.length > 0) lines.push(undecidedLine(open));
  lines.push(`注：${COMBINATION_NOTE}${c.validity.note}。计算过程和不符合的原因见下方卡片。`);
  return lines.join('\n\n');
}

export function checkUpCard(c: CheckUp, fallbackText: string, skipped: readonly string[] = []): AdaptiveCard {
  const paid = paidEligible(c);
  const equity = equityEligible(c);
  const ineligible = c.entries.filter((e) => e.status === 'ineligible');
  const open = undecided(c, skipped);
  const body: CardElement[] = [
    textBlock('政策体检结果', { size: 'Medium', weight: 'Bolder' }),
    textBlock('《关于加快工业互联网高质量发展若干措施的通知》', { isSubtle: true, spacing: 'None' }),
    textBlock(checkUpHeadline(c), {
      size: 'Large',
      weight: 'Bolder',
      color: paid.length > 0 ? 'Good' : 'Attention',
    }),
  ];
  if (paid.length > 0) body.push(note(`共 ${paid.length} 项可能符合的奖补，各项单独测算后相加。`));
  if (paid.length > 0) {
    body.push(heading('可能符合'));
    for (const e of paid) {
      const est = e.estimate!;
      body.push(
        markedRow('✔', 'Good', [
          textBlock(`${e.clause} ${e.title}`, { weight: 'Bolder', spacing: 'None' }),
          textBlock(`${amountText(est.amountFen ?? 0)}，${PERIOD[est.period]}`),
          note(`计算：${est.formula?.text ?? ''}`),
          note(`责任单位：${est.units.join('；')}`),
        ]),
      );
    }
  }
  if (equity.length > 0) {
    body.push(heading('股权投资（不是奖励，不计入合计）'));
    for (const e of equity) {
      body.push(
        markedRow('◆', 'Accent', [
          textBlock(`${e.clause} ${e.title}`, { weight: 'Bolder', spacing: 'None' }),
          textBlock(`市级财政股权投资上限 ${amountText(e.estimate!.amountFen ?? 0)}`),
          note(`计算：${e.estimate!.formula?.text ?? ''}`),
        ]),
      );
    }
  }
  if (ineligible.length > 0) {
    body.push(heading('不符合'));
    for (const e of ineligible) {
      body.push(markedRow('✘', 'Attention', [textBlock(`${e.clause} ${e.title}`, { spacing: 'None' }), note(shortReason(e))]));
    }
  }
  if (open.length > 0) {
    body.push(heading('未能判断（缺少回答）'));
    for (const { entry, lacking } of open) {
      body.push(markedRow('?', 'Warning', [textBlock(`${entry.clause} ${entry.title}`, { spacing: 'None' }), note(`缺：${lacking.join('、')}`)]));
    }
  }
  if (c.notQuantified.length > 0) {
    body.push(heading('支持但未规定金额'));
    for (const e of c.notQuantified) {
      body.push(textBlock(`${e.clause} ${e.title}`, { spacing: 'Small' }), note(e.notes[1] ?? ''));
    }
  }
  body.push(heading('说明'), note(`${c.validity.note}。`, 'Warning'), ...c.notes.map((n) => note(n)));
  return adaptiveCard(body, fallbackText);
}

/** The check-up's result; `skipped`: the questions the user could not answer. */
export function checkUpReply(c: CheckUp, context: InterviewContext & { skipped?: readonly string[] } = {}): CardReply {
  const skipped = context.skipped ?? [];
  const before = [changesLine(context, checkUpHeadline(c))].filter((line): line is string => !!line);
  const after = [
    approximateLine(context),
    context.correctable
      ? `如需修改某项回答，可以直接说，如${correctionExample(context.answered ?? [])}，或点“${ESTIMATE_ACTIONS.edit}”，我会重新计算。`
      : undefined,
  ].filter((line): line is string => !!line);
  const card = checkUpCard(c, plain([...before, checkUpText(c, skipped), ...after].join('\n\n')), skipped);
  cardNotes(card, context, before);
  return {
    text: [...before, checkUpSummary(c, skipped), ...after].join('\n\n'),
    card,
    actions: [
      ...(context.correctable ? [ESTIMATE_ACTIONS.edit] : []),
      ESTIMATE_ACTIONS.checkUpAgain,
      ESTIMATE_ACTIONS.menu,
    ].map((words) => ({ title: words, value: words })),
  };
}
