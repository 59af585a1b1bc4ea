import { asWritten } from '../search';
import type { Measure, Notice } from '../knowledge';
import { COMBINATION_NOTE } from '../rules';
import { FOLLOW_UP } from './measure-replies';
import { formatDate, greeting, help, measureLabel, sectionActions, validityNote } from './notice-replies';
import type { Reply } from './types';
import type { ApplyNeed, SmallTalk } from './vocabulary';

/**
 * Replies about the conversation rather than one measure: small talk, how to apply,
 * combining awards, and questions the notice does not cover. Pure: values in, replies out.
 */

/** The bureau most measures name first: whom to ask when no measure is in context. */
const MAIN_BUREAU = '市工业和信息化局';

export function smallTalkReply(what: SmallTalk, notice: Notice, topic?: Measure): Reply {
  switch (what) {
    case 'greeting':
      return greeting(notice);
    case 'help':
    case 'capabilities':
      return help(notice);
    case 'identity':
      return {
        text: [
          `我是青岛市工业互联网政策助手，一个自动回复的程序，不是真人，这里也没有人工客服。我只根据《${notice.title}》的原文回答问题、注明出处，并按原政策口径估算奖励；输入“帮助”查看用法。`,
          `需要人工咨询的话，请联系${topic ? `${measureLabel(topic)}的责任单位：${topic.units.join('、')}` : `${MAIN_BUREAU}（通知中多数措施的责任单位），或您所问措施的责任单位`}。`,
        ].join('\n\n'),
      };
    case 'human':
      return {
        text: [
          '这里没有人工客服：我是自动回复的政策助手，不能转接人工。',
          topic
            ? `需要人工咨询的话，请联系${measureLabel(topic)}的责任单位：${topic.units.join('、')}。`
            : `需要人工咨询的话，请联系${MAIN_BUREAU}（通知中多数措施的责任单位），或您所问措施的责任单位。`,
          '通知没有提供联系电话；请通过这些单位的官方渠道联系。',
        ].join('\n\n'),
      };
    case 'goodbye':
      return { text: '再见！以后有关于青岛工业互联网政策的问题，欢迎随时再来问我。' };
    case 'thanks':
      return { text: '不客气！还有其他问题可以继续问我。' };
    case 'ack':
      return { text: '好的。还有其他问题，可以继续问我；输入“帮助”查看用法。' };
  }
}

const NEED_WORDS: Record<ApplyNeed, string> = {
  procedure: '申报流程、渠道和入口',
  materials: '申报需要提交的材料',
  deadline: '申报的时间和截止日期',
  phone: '联系电话、地址或网址',
  contact: '具体的受理窗口和联系人',
};

/**
 * How to apply: the notice gives no procedure. Say so, name the units of the measure in
 * context (or ask which), and say that the notice has expired.
 */
export function applyReply(need: ApplyNeed, notice: Notice, measure?: Measure): Reply {
  const lines = [`通知没有写明${NEED_WORDS[need]}。`];
  if (measure) {
    lines.push(`${measureLabel(measure)}的责任单位是：${measure.units.join('、')}。具体怎么申报，请向这些单位咨询。`);
  } else {
    lines.push(`请告诉我您想申报哪一条措施，我可以告诉您它的责任单位；多数措施由${MAIN_BUREAU}负责。`);
  }
  lines.push(
    `注：本通知有效期至${formatDate(notice.validUntil)}，现已到期；现在是否还有同类项目、如何申报，请以${measure ? '上述' : '有关'}单位的说明为准。`,
  );
  return {
    text: lines.join('\n\n'),
    actions: measure ? [{ title: FOLLOW_UP.fullText, value: FOLLOW_UP.fullText }] : sectionActions(notice),
  };
}

/**
 * Combining awards: the notice is silent; whom to ask for each measure named, with the awards
 * named when a measure pays more than one (（三）: “工业赋能”场景示范奖励、“未来城市”十佳场景奖励).
 */
export function combineReply(measures: Measure[], notice: Notice, awards: { measure: Measure; title: string }[] = []): Reply {
  const lines = [COMBINATION_NOTE];
  if (measures.length > 0) {
    const line = (m: Measure) => {
      const titles = awards.filter((a) => a.measure === m).map((a) => a.title);
      return `- ${measureLabel(m)}${titles.length > 1 ? `（${titles.join('、')}）` : ''}：${m.units.join('、')}`;
    };
    lines.push(['您问到的措施和它们的责任单位：', ...measures.map(line)].join('\n'));
  }
  lines.push(validityNote(notice));
  return { text: lines.join('\n\n') };
}

/**
 * A question the notice does not answer: name what it does not mention; only when a measure
 * is genuinely close, say which, as the nearest and not as the answer.
 *
 *   outsideReply(['首台套'], notice).text → '通知没有提到“首台套”。…'
 */
export function outsideReply(missing: string[], notice: Notice, nearest?: { measure: Measure; snippet: string }): Reply {
  const what = missing.length > 0 ? `通知没有提到“${missing.map(asWritten).join('”“')}”。` : '通知没有涉及您问的内容。';
  const lines = [`${what}这份通知只涉及工业互联网方面的20条措施（${notice.sections.map((s) => s.title).join('、')}）。`];
  if (nearest) {
    lines.push(`最相关的是${measureLabel(nearest.measure)}，但它并不直接回答您的问题：`, `> ${nearest.snippet}`);
  }
  lines.push('您可以换个说法，或从下面的五个方面浏览。');
  return { text: lines.join('\n\n'), actions: sectionActions(notice) };
}

/**
 * The measures a responsible unit has, from the units each measure lists.
 *   unitMeasuresReply('市发展改革委', [（十）, （十六）, （十八）], notice).text
 *     → '市发展改革委是以下3条措施的责任单位：\n- 措施（十）支持5G基站建设…'
 */
export function unitMeasuresReply(unit: string, measures: Measure[], notice: Notice): Reply {
  const lines = [
    [`${unit}是以下${measures.length}条措施的责任单位（多数与其他单位共同负责）：`, ...measures.map((m) => `- ${measureLabel(m)}（责任单位：${m.units.join('、')}）`)].join('\n'),
    validityNote(notice),
  ];
  return { text: lines.join('\n\n'), actions: measures.map((m) => ({ title: `${m.number}${m.title}`, value: `措施${m.number}` })) };
}
