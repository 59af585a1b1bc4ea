import type { Measure, Notice, Section } from '../knowledge';
import type { Reply, ReplyAction } from './types';
import type { NoticeFact } from './vocabulary';

export type { NoticeFact };

/** The notice ran 2020-08-05 … 2022-12-31; every answer says so. */
export function validityNote(notice: Notice): string {
  return `注：本通知自${formatDate(notice.issued)}起施行，有效期至${formatDate(notice.validUntil)}，现已到期；以上内容按原文提供，仅供参考，具体以责任单位解释为准。`;
}

export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

export const measureLabel = (measure: Measure): string => `措施${measure.number}${measure.title}`;

export const sectionActions = (notice: Notice): ReplyAction[] =>
  notice.sections.map((section) => ({ title: section.heading, value: section.heading }));

export function greeting(notice: Notice): Reply {
  return {
    text: [
      '您好！我是青岛市工业互联网政策助手。',
      `我可以解答青岛市人民政府办公厅《${notice.title}》（${formatDate(notice.issued)}发布）中20条措施的问题，并注明出处。`,
      '您可以直接提问，例如“两化融合项目补贴多少”“企业上云有什么补贴”“第八条讲的是什么”，也可以从下面的五个方面浏览。输入“帮助”随时查看用法。',
    ].join('\n\n'),
    actions: sectionActions(notice),
  };
}

export function help(notice: Notice): Reply {
  return {
    text: [
      '我是自动回复的政策助手，只根据通知原文回答，并注明出处。**使用方法**',
      '- 直接提问：如“数字化车间有奖励吗”“标识解析项目有什么奖励”',
      '- 按条查看：如“第八条”“措施（十二）”',
      '- 追问上一条：如“这条的责任单位是谁”“门槛是什么”“补多少”“查看原文”',
      '- 问能不能拿：如“大型企业能申请两化融合奖补吗”“投资40万能拿两化融合奖补吗”',
      '- 列出奖补：如“哪些奖补有具体金额”“哪些是按年度给的”',
      '- 了解通知本身：如“有效期到什么时候”“发文单位是谁”“适用范围”',
      '- 估算奖励：如“我想算一下两化融合能拿多少”；问答中可随时说“返回”“取消”',
      '- 政策体检：说“政策体检”，回答几个问题，看看企业可能符合哪些奖励及合计金额',
      '- 按方面浏览：点击下面的按钮',
    ].join('\n'),
    actions: sectionActions(notice),
  };
}

export function sectionMenu(section: Section): Reply {
  return {
    text: [`**${section.heading}**`, ...section.measures.map((m) => `- ${m.number}${m.title}`)].join('\n'),
    actions: section.measures.map((m) => ({ title: `${m.number}${m.title}`, value: `措施${m.number}` })),
  };
}

export function noSuchMeasure(requested: number): Reply {
  return { text: `通知共有20条措施（（一）至（二十）），没有第${requested}条。请输入1到20之间的条目，例如“第八条”。` };
}


export function noticeFact(fact: NoticeFact, notice: Notice): Reply {
  const title = `《${notice.title}》`;
  switch (fact) {
    case 'validity':
      return {
        text: `${title}自${formatDate(notice.issued)}发布之日起施行，有效期至${formatDate(notice.validUntil)}（原文：“${notice.validitySentence}”）。该通知现已到期，本助手按原文解答，仅供参考；现行政策请咨询市工业和信息化局。`,
      };
    case 'issuer':
      return { text: `${title}由${notice.issuer}印发，${notice.publication.replace(/[（）]/g, '')}。` };
    case 'date':
      return { text: `${title}由${notice.issuer}于${notice.dateLine}发布，自发布之日起施行。` };
    case 'scope':
      return {
        text: [
          `${title}的主送单位是：${notice.addressees.replace(/：$/, '')}。`,
          '通知面向在青岛市的工业互联网平台、服务商和制造业企业（特别是中小企业）等，各条措施的适用对象和条件各不相同，请查看具体措施。',
          validityNote(notice),
        ].join('\n\n'),
        actions: sectionActions(notice),
      };
    case 'overview':
      return {
        text: [
          `${title}共5个方面、20条措施：`,
          ...notice.sections.map((s) => `- ${s.heading}（${s.measures[0].number}至${s.measures[s.measures.length - 1].number}）`),
          validityNote(notice),
        ].join('\n'),
        actions: sectionActions(notice),
      };
  }
}
