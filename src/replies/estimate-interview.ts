import type { InputDescription } from '../rules';
import type { Reply, ReplyAction } from './types';

/**
 * The words of an eligibility interview: questions with their progress, re-asks with
 * help and an example, the summary before computing, and the ways out. Pure: the
 * dialogs decide what to ask, this decides how it reads.
 *
 *   questionReply({ title: '两化融合项目奖补', input: isSme, progress: '第1题/共3题', canGoBack: false })
 *     → { text: '**第1题/共3题** 贵企业是否属于中小企业？', actions: [是, 否, 取消] }
 */

export interface QuestionView {
  /** What is being estimated: '两化融合项目奖补', '政策体检'. */
  title: string;
  input: InputDescription;
  /** '第2题/共3题', '第3题/共约12题', '修改第2项'. */
  progress: string;
  /** False on the first question: there is nothing to go back to. */
  canGoBack: boolean;
}

/** One answer as the summary lists it. */
export interface SummaryItem {
  key: string;
  label: string;
  valueText: string;
  /** The words on its 修改 button: the input's first name, from its declaration ('投资额'). */
  short: string;
  kind?: InputDescription['kind'];
  /** Not answered (不清楚): always gets its 修改 button. */
  skipped?: boolean;
}

/** An answer a correction changed: '完成投资额：1,500,000 元 → 2,500,000 元'. */
export interface AnswerChange {
  label: string;
  before: string;
  after: string;
}

/** The words users type (or click) to steer an interview. */
export const INTERVIEW_WORDS = {
  back: '返回',
  cancel: '取消',
  confirm: '确认',
  yes: '是',
  no: '否',
  none: '没有',
} as const;

export function progressText(index: number, total: number, approximate: boolean): string {
  return `第${index}题/共${approximate ? '约' : ''}${Math.max(index, total)}题`;
}

/** The button that corrects one answer: '修改投资额' (one style for every input: its first name). */
export const editCommand = (item: Pick<SummaryItem, 'short'>): string => `修改${item.short}`;

/** 3000000 → '300万'; 500000000 → '5亿'; 60 → '60'. */
export function plainAmount(value: number): string {
  if (value >= 100_000_000 && value % 100_000_000 === 0) return `${value / 100_000_000}亿`;
  return value >= 10_000 && value % 10_000 === 0 ? `${value / 10_000}万` : String(value);
}

/** What unit the answer is in, said with the question: '单位：万元或元'. */
export function unitHint(input: InputDescription): string | undefined {
  if (input.kind === 'money') return '单位：万元或元';
  if (input.kind === 'count') return `单位：${input.unit ?? '个'}`;
  return undefined;
}

/** How an answer to this input may look: '“300万”、“3,000,000元”或“1.2亿”'. */
export function exampleText(input: InputDescription): string {
  switch (input.kind) {
    case 'yesno':
      return '“是”或“否”（也可以说“有”“没有”“不属于”）';
    case 'money': {
      const value = Number(input.example);
      const example = `“${plainAmount(value)}”或“${value.toLocaleString('en-US')}元”`;
      return input.default === 0 ? `${example}；没有则回答“没有”或“0”` : example;
    }
    case 'count':
      return `“${String(input.example)}${input.unit ?? ''}”`;
    case 'choice':
      return (input.choices ?? []).map((option) => `“${option.label}”`).join('、');
  }
}

/** How to answer a kind of question, for 帮助. */
function answerHint(input: InputDescription): string {
  switch (input.kind) {
    case 'yesno':
      return '请回答“是”或“否”，也可以说“有/没有”“对/不是”“属于/不属于”';
    case 'money':
      return '请输入金额并带上单位（万元或元），可以用“万”“亿”和中文数字，例如“320万”“三百二十万元”“1.2亿”“1,800万”；约数如“约300万”也可以，结果会注明是近似值';
    case 'count':
      return `请输入一个整数，例如“${String(input.example)}${input.unit ?? ''}”`;
    case 'choice':
      return '请从下面的选项中选一个（点击按钮或输入名称）';
  }
}

function questionActions(view: QuestionView): ReplyAction[] {
  const button = (title: string): ReplyAction => ({ title, value: title });
  const answers: ReplyAction[] =
    view.input.kind === 'yesno'
      ? [button(INTERVIEW_WORDS.yes), button(INTERVIEW_WORDS.no)]
      : view.input.kind === 'choice'
        ? (view.input.choices ?? []).map((option) => button(option.label))
        : view.input.default === 0
          ? [button(INTERVIEW_WORDS.none)]
          : [];
  return [...answers, ...(view.canGoBack ? [button(INTERVIEW_WORDS.back)] : []), button(INTERVIEW_WORDS.cancel)];
}

/**
 * A question: its progress and the rule's own words; `detailed` adds the help text and
 * an example (for re-asks and 帮助); `lead` comes first (an intro, or why we ask again).
 */
export function questionReply(view: QuestionView, lead?: string, detailed = false): Reply {
  const hint = unitHint(view.input);
  const lines = [...(lead ? [lead] : []), `**${view.progress}** ${view.input.question}${hint ? `（${hint}）` : ''}`];
  if (detailed) lines.push(`说明：${view.input.help}`, `例如：${exampleText(view.input)}`);
  return { text: lines.join('\n\n'), actions: questionActions(view) };
}

export const reasks = {
  unreadable: (view: QuestionView): Reply =>
    questionReply(view, '抱歉，我没能读懂这个回答，请再回答一次。', true),
  imprecise: (view: QuestionView): Reply =>
    questionReply(view, '测算需要一个确切的数或约数（如“约300万”），“不到”“以下”“几”或一个范围无法计算，请给出具体数额。', true),
  invalid: (view: QuestionView, problem: string): Reply =>
    questionReply(view, `${problem.replace(/[。.]$/, '')}，请重新填写。`, true),
  help: (view: QuestionView): Reply =>
    questionReply(view, `**怎么回答**：${answerHint(view.input)}。输入“返回”回到上一题，输入“取消”退出${view.title}。`, true),
  resume: (view: QuestionView): Reply => questionReply(view, `我们继续刚才的${view.title}：`),
  firstQuestion: (view: QuestionView): Reply => questionReply(view, '这已经是第一题了。'),
  /** 900万元 to a yes/no question that can take no amount (or took one ahead already): what is asked here, plainly. */
  notAnAmount: (view: QuestionView): Reply => questionReply(view, '这一题不需要金额，请回答“是”或“否”。'),
  /** 什么算中小企业: the input's help, then the question again. */
  definition: (view: QuestionView, about: InputDescription): Reply =>
    questionReply(
      view,
      about.key === view.input.key ? `**${about.label}**：${about.help}` : `**${about.label}**：${about.help}\n\n我们继续刚才的问题：`,
    ),
  /** 不清楚 in a single rule's interview: the estimate cannot do without it. */
  needed: (view: QuestionView): Reply =>
    questionReply(
      view,
      `这一项是测算必需的，暂时不能跳过。可以查一下再回答，或输入“取消”退出；“政策体检”中可以跳过不清楚的问题。`,
      true,
    ),
};

/** 不清楚 in the check-up: skipped, and what that costs (said before the next question). */
export const skippedLead = (label: string): string =>
  `好的，“${label}”先跳过：用到它的奖补将列为“未能判断”，其余照常计算。`;

/** Labels of the two readings of a bare number: { wan: '50万元', yuan: '50元' }. */
export function unitLabels(asWan: number, asYuan: number): { wan: string; yuan: string } {
  return { wan: `${plainAmount(asWan)}元`, yuan: `${asYuan}元` };
}

/** '50' for an amount: 万元 or 元? Two buttons, and the question's own ways out. */
export function unitQuestionReply(view: QuestionView, asWan: number, asYuan: number, approximate: boolean): Reply {
  const labels = unitLabels(asWan, asYuan);
  const rough = approximate ? '约' : '';
  return {
    text: [
      `关于“${view.input.label}”，您回答的是“${rough}${asYuan}”，没有写单位。`,
      `**您是指${rough}${labels.wan}吗？**`,
    ].join('\n\n'),
    actions: [
      { title: labels.wan, value: labels.wan },
      { title: labels.yuan, value: labels.yuan },
      ...(view.canGoBack ? [{ title: INTERVIEW_WORDS.back, value: INTERVIEW_WORDS.back }] : []),
      { title: INTERVIEW_WORDS.cancel, value: INTERVIEW_WORDS.cancel },
    ],
  };
}

/** After 不是 to '您是指50万元吗？': said before the question again. */
export const unitRefused = (): string => '好的，请连同单位重新回答，例如“50万”或“500,000元”。';

/** The lead of a question asked because a correction re-opened the interview. */
export const correctionTaken = (label: string, text: string): string => `好的，已改为：${label}：${text}。`;

/** The lead of an interview that starts with answers given in another one. */
export function carriedLead(from: string, items: readonly SummaryItem[]): string {
  return `已沿用您在${from}中的${items.length}项回答（${items.map((item) => `${item.label}：${item.valueText}`).join('；')}），核对时可以修改。`;
}

/** The opening line of a rule's interview. */
export function interviewIntro(title: string, clause: string, total: number): string {
  return `好的，我们来估算**${title}**（${clause}），最多${total}个问题，可以直接用中文回答，如“是”“没有”“320万”，金额请带上单位（万元或元）。输入“返回”回到上一题，“取消”退出。`;
}

/** The opening line of the check-up. */
export function checkUpIntro(total: number): string {
  return [
    '好的，我们来做**政策体检**：我会逐一询问，对照通知中可以测算金额的7项奖补，最后列出您可能符合的奖补和合计金额。',
    `先问各项奖补的基本条件，回答“否”会跳过相关问题，共约${total}题；不清楚的问题可以回答“不清楚”跳过。输入“返回”回到上一题，“取消”退出。`,
  ].join('\n\n');
}

/** Before computing: every answer, numbered, with 确认 and 修改 buttons. */
export function summaryReply(title: string, items: readonly SummaryItem[], lead?: string): Reply {
  // A long summary (the check-up) gets buttons for the amounts and choices only; any item can be typed.
  const editable = items.length > 6 ? items.filter((item) => item.kind !== 'yesno' || item.skipped) : items;
  const editButtons = editable.map((item) => ({ title: editCommand(item), value: editCommand(item) }));
  const howToEdit =
    editButtons.length > 0 ? '请点“修改…”按钮或输入“修改第N项”' : `请输入“修改第N项”（如“修改第${Math.min(2, items.length)}项”）`;
  const lines = [
    ...(lead ? [lead] : []),
    `**请核对您的回答（${title}）**`,
    items.map((item, i) => `${i + 1}. ${item.label}：${item.valueText}`).join('\n'),
    // Asked as a question, as every step of the interview is: 以上回答都对吗？
    `以上回答都对吗？确认无误请点“确认”开始计算；如需修改，${howToEdit}。`,
  ];
  return {
    text: lines.join('\n\n'),
    actions: [
      { title: INTERVIEW_WORDS.confirm, value: INTERVIEW_WORDS.confirm },
      ...editButtons,
      { title: INTERVIEW_WORDS.back, value: INTERVIEW_WORDS.back },
      { title: INTERVIEW_WORDS.cancel, value: INTERVIEW_WORDS.cancel },
    ],
  };
}

export const summaryReasks = {
  unreadable: (title: string, items: readonly SummaryItem[]): Reply =>
    summaryReply(title, items, '请点“确认”开始计算，或告诉我要修改哪一项（如“修改第2项”）。'),
  which: (title: string, items: readonly SummaryItem[], candidates: readonly string[]): Reply => {
    const named = items.filter((item) => candidates.includes(item.key));
    return summaryReply(title, items, `请问要修改哪一项？${named.map((item) => `“${item.label}”`).join('、')}`);
  },
  help: (title: string, items: readonly SummaryItem[]): Reply =>
    summaryReply(title, items, '**怎么操作**：点“确认”按当前回答计算；点“修改…”或输入“修改第N项”重新回答那一项；“返回”回到上一题；“取消”退出。'),
  resume: (title: string, items: readonly SummaryItem[]): Reply => summaryReply(title, items, `我们继续刚才的${title}：`),
  definition: (title: string, items: readonly SummaryItem[], about: InputDescription): Reply =>
    summaryReply(title, items, `**${about.label}**：${about.help}`),
};

/** After 取消: what ended and how to start again. */
export function interviewCancelled(title: string, restart: string): Reply {
  return {
    text: `好的，已退出${title}，刚才的回答不会保留。需要时可以点“${restart}”或输入“估算奖励”“政策体检”重新开始，也可以继续提问。`,
    actions: [
      { title: restart, value: restart },
      { title: '政策体检', value: '政策体检' },
      { title: '帮助', value: '帮助' },
    ].filter((action, i, all) => all.findIndex((a) => a.value === action.value) === i),
  };
}

/** When a new estimate is asked for in the middle of another. */
export const interviewSwitched = (title: string): Reply => ({ text: `已结束刚才的${title}。` });

/** 取消 or 返回 when no interview is running. */
export const nothingToLeave = (): Reply => ({
  text: '目前没有进行中的估算或政策体检。您可以继续提问，或输入“估算奖励”“政策体检”开始。',
  actions: [
    { title: '估算单项奖励', value: '估算单项奖励' },
    { title: '政策体检', value: '政策体检' },
  ],
});
