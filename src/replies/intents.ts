import type { NoticeFact } from './notice-replies';

/**
 * What a message asks for, before any search. Patterns work on normalised text
 * (simplified, half-width, Latin upper case). Order matters: first match wins.
 */
export type Intent =
  | { kind: 'help' }
  | { kind: 'greeting' }
  | { kind: 'thanks' }
  | { kind: 'full-text' }
  | { kind: 'related' }
  | { kind: 'estimate' }
  | { kind: 'check-up' }
  | { kind: 'follow-up'; aspect: 'units' | 'figures' | 'full-text' | 'summary' }
  | { kind: 'notice-fact'; fact: NoticeFact; unlessMeasureFound: boolean }
  | { kind: 'question' };

const HELP = /^(帮助|菜单|目录|HELP|MENU|\?|使用说明|怎么用|你能做什么|你会什么|功能)$|帮助|菜单/;
const GREETING = /^(你好|您好|HI|HELLO|在吗|在不在|早上好|下午好)[!。,~]*$/;
const THANKS = /^(谢谢|多谢|感谢|好的谢谢|THANKS|THANK YOU)[!。,~]*$/;
// The "this measure" words of a follow-up: 这条的责任单位是谁, 该项补贴多少.
const THIS_MEASURE = /这条|该条|此条|这项|该项|此项|这一条|这个措施|该措施|这条措施|上一条|刚才那条|刚才的|它的/;
const ASPECT_UNITS = /责任单位|谁负责|哪个部门|哪些部门|什么部门|找谁|联系谁|哪里申请|向谁申请/;
const ASPECT_FIGURES = /多少|金额|标准|比例|钱|补贴|奖励|奖补|上限|最高/;
const ASPECT_TEXT = /原文|全文|具体内容|详细|完整/;
const ESTIMATE = /估算|测算|算一下|算算|帮我算|计算.*(奖|补|钱)|能拿多少.*算/;
const CHECK_UP = /政策体检|体检|我能享受哪些|能享受哪些|符合哪些政策|匹配政策/;

const FACTS: { fact: NoticeFact; pattern: RegExp; unlessMeasureFound: boolean }[] = [
  { fact: 'validity', pattern: /有效期|到期|过期|还有效|仍然有效|截止|失效|什么时候结束|还能申请吗|是否有效/, unlessMeasureFound: false },
  { fact: 'issuer', pattern: /发文单位|发文机关|谁发的|谁发布|哪个部门发|印发单位|发布单位|谁印发/, unlessMeasureFound: false },
  { fact: 'date', pattern: /发布日期|什么时候发布|发文日期|哪天发布|何时发布|发布时间|印发时间|哪一年发布/, unlessMeasureFound: false },
  { fact: 'scope', pattern: /适用范围|适用对象|适用于|哪些企业可以|谁可以申请|面向哪些|主送/, unlessMeasureFound: true },
  { fact: 'overview', pattern: /(通知|文件|政策).*(主要内容|讲了什么|讲什么|说了什么|概要|概况|有哪些措施|多少条)|^(主要内容|概要|有哪些措施)/, unlessMeasureFound: true },
];

/** What part of a measure a question asks for, if it names one: 责任单位 → 'units'. */
export function aspectOf(normalized: string): 'units' | 'figures' | 'full-text' | undefined {
  if (ASPECT_UNITS.test(normalized)) return 'units';
  if (ASPECT_TEXT.test(normalized)) return 'full-text';
  if (ASPECT_FIGURES.test(normalized)) return 'figures';
  return undefined;
}

export function detectIntent(normalized: string): Intent {
  const text = normalized.replace(/\s+/g, '');
  if (GREETING.test(text)) return { kind: 'greeting' };
  if (THANKS.test(text)) return { kind: 'thanks' };
  if (HELP.test(text)) return { kind: 'help' };
  if (/^(查看)?原文$/.test(text)) return { kind: 'full-text' };
  if (/^相关措施$/.test(text)) return { kind: 'related' };
  if (CHECK_UP.test(text)) return { kind: 'check-up' };
  if (/^估算奖励$/.test(text) || ESTIMATE.test(text)) return { kind: 'estimate' };
  if (THIS_MEASURE.test(text)) return { kind: 'follow-up', aspect: aspectOf(text) ?? 'summary' };
  for (const { fact, pattern, unlessMeasureFound } of FACTS) {
    if (pattern.test(text)) return { kind: 'notice-fact', fact, unlessMeasureFound };
  }
  return { kind: 'question' };
}
