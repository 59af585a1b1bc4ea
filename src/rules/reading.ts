import { recognizeBoolean } from '@microsoft/recognizers-text-choice';
import { Culture, recognizeNumber } from '@microsoft/recognizers-text-number';

/**
 * Reading free Chinese answers: yes/no, amounts and counts. Pure: text in, reading out,
 * shared by the interviews (dialogs/answers.ts) and by questions that carry facts.
 * The Microsoft Recognizers that ship with botbuilder-dialogs do the heavy lifting,
 * always with the Chinese culture (never the activity's locale: with en-us "300万"
 * silently reads as 300); small word lists cover what they miss (否, 没有, 不属于…).
 *
 *   readAmount('三百二十万元') → { kind: 'value', value: 3200000, strict: true }
 *   readYesNo('否')            → { kind: 'value', value: false, strict: true }
 *   readAmount('300多万')      → { kind: 'imprecise' }
 *   readAmount('很多')         → { kind: 'none' }
 *
 * `strict` means the text is the answer and nothing else (filler such as 元, 约, 的
 * aside); a loose reading (我们投了300万) counts only when the text is not a question.
 */

export type AnswerValue = boolean | number | string;

export type Reading =
  | { kind: 'value'; value: AnswerValue; strict: boolean }
  /** A number given as a bound or a rough range: 300多万, 500万以上, 十几家. */
  | { kind: 'imprecise' }
  | { kind: 'none' };

export const NONE: Reading = { kind: 'none' };

/** Full-width to half-width, lower case, no spaces: '１，８００万 元' → '1,800万元'. */
export function clean(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

export const PUNCTUATION = /[,.;:!?~，。；：！？、…"'“”‘’「」()（）【】\[\]]/g;

// ---------------------------------------------------------------- yes / no

const YES = new Set([
  '是', '对', '有', '没错', '正确', '属于', '在', '已', '已经', '嗯', '嗯嗯', '好', '当然', '肯定', '确实', '确定',
  '是滴', '对头', '已纳入', '纳入', '入选', '已入选', '竣工', '已竣工', '上线', '已上线', '获批', '已获批', '认定', '已认定',
  'yes', 'y', 'true', 'ok', '√', '✔', '✓',
]);
const NO = new Set([
  '否', '不', '不是', '不对', '没有', '没', '无', '不属于', '不在', '未', '尚未', '还没有', '还没', '非', '错', '并不是',
  '都不是', '不算', '从未', '未纳入', '没纳入', '未入选', '没入选', '未竣工', '没竣工', '未上线', '没上线', '未获批', '未认定', '也不是',
  'no', 'n', 'false', '×', '✘', '✗',
]);
/** Words of doubt: an answer that carries one is not an answer. */
const UNSURE = /不(知道|清楚|确定|一定|好说|晓得|了解|记得|太清楚|太确定)|说不(准|清|好)|无法(确定|判断|回答)|可能|也许|大概|或许|待定|忘了|记不清|看情况|不好判断/;
const PARTICLES = /[的啊呀吧呢哦哈啦了嘛哇噢]+$/;
const NEGATIVE = /不是|不属于|不在|不算|没有|没|未|尚未|并非|并不|否|无/;
const POSITIVE = /是|属于|有|已|对|入选|纳入|获批|竣工|上线/;

export function readYesNo(text: string): Reading {
  const t = clean(text).replace(PUNCTUATION, ' ').trim();
  if (t === '' || UNSURE.test(t)) return NONE;
  const exact = yesNoWord(t.replace(/\s+/g, ''));
  if (exact !== undefined) return { kind: 'value', value: exact, strict: true };
  const [recognized, ...more] = recognizeBoolean(t.replace(/\s+/g, ''), 'zh-cn');
  if (recognized && more.length === 0 && recognized.text.length === t.replace(/\s+/g, '').length) {
    return { kind: 'value', value: Boolean(recognized.resolution.value), strict: true };
  }
  // '是的 我们是中小企业': the first clause answers.
  const first = yesNoWord(t.split(' ')[0]);
  if (first !== undefined) return { kind: 'value', value: first, strict: false };
  // '我们不属于中小企业', '项目已经上线了' (short sentences only: a long one is about something else).
  if (t.length > 16) return NONE;
  if (NEGATIVE.test(t)) return { kind: 'value', value: false, strict: false };
  if (POSITIVE.test(t)) return { kind: 'value', value: true, strict: false };
  return NONE;
}

function yesNoWord(word: string): boolean | undefined {
  for (const candidate of [word, word.replace(PARTICLES, '')]) {
    if (YES.has(candidate)) return true;
    if (NO.has(candidate)) return false;
  }
  return undefined;
}

// ---------------------------------------------------------------- amounts and counts

/** What may stand beside a number in a plain answer: units, 约, 的, 人民币… */
const FILLER =
  /^(约|大约|大概|差不多|共|共计|合计|总共|一共|总计|累计|人民币|rmb|¥|元|块钱|块|圆|整|左右|上下|是|为|有|了|的|投资额|投资|投入|收入|费用|资金|我们|本年度|今年|年度|家企业|家|个|户|企业|吧|啊|呀|哦|呢|嗯|已经|已|获得|获|收到|拿到|服务了|服务|总股本|股本)*$/;
/** Bounds and ranges: the number is not the amount. */
const IMPRECISE = /多|余|几|以上|以下|以内|不到|超过|不足|至少|最多|上百|上千|上万|好几/;
/** Left over after the number, these mean the recogniser read something else (第十四条, 两个亿). */
const NOT_AN_AMOUNT = /[第条款项号万亿千百十]|措施|%/;
/** After 一 or 两, these make a word: 一下, 一共, 一些, 一样, 两者… */
const WORD_AFTER_ONE = /[下共些样起直定般切致旦点者边方]/;
/** For an amount that defaults to 0 (alreadyReceived): 没有 / 无 / 未获得 mean 0. */
const NOTHING = /^(没有|没|无|未|尚未|未获得|没有获得|没拿到|没有拿到|还没有|零|0|没有过|从未|一分没有|没收到)[的过了]*$/;

export function readAmount(text: string, options: { zeroIfNone?: boolean } = {}): Reading {
  const t = clean(text)
    .replace(/^-(?=\d)/, '负')
    .replace(/(\d)w(?![a-z])/g, '$1万')
    .replace(/个(亿|万)/g, '$1')
    .replace(/[。！!]+$/, '');
  if (t === '') return NONE;
  if (options.zeroIfNone && NOTHING.test(t.replace(PUNCTUATION, ''))) return { kind: 'value', value: 0, strict: true };
  // 一 in 算一下 / 一共 / 一些 is a word, not a number.
  const found = recognizeNumber(t, Culture.Chinese).filter(
    (n) => !(/^[一两]$/.test(n.text) && WORD_AFTER_ONE.test(t.charAt(n.end + 1))),
  );
  if (found.length !== 1) return found.length > 1 && IMPRECISE.test(t) ? { kind: 'imprecise' } : NONE;
  const [number] = found;
  const value = Number(number.resolution?.value);
  if (!Number.isFinite(value)) return NONE;
  const rest = (t.slice(0, number.start) + t.slice(number.end + 1)).replace(PUNCTUATION, '');
  if (IMPRECISE.test(number.text) || IMPRECISE.test(rest)) return { kind: 'imprecise' };
  if (NOT_AN_AMOUNT.test(rest)) return NONE;
  // '5万5' says 55,000 in speech but the recogniser reads 50,005: ask again rather than guess.
  if (/[万亿]([0-9]|[一二三四五六七八九两])$/.test(number.text)) return NONE;
  const strict = FILLER.test(rest);
  // Inside a sentence, only a number that looks like an amount: digits, several numerals, or a unit after it.
  const amountLike = /\d/.test(number.text) || number.text.length > 1 || /^[万亿元块家个]/.test(t.slice(number.end + 1));
  if (!strict && !amountLike) return NONE;
  return { kind: 'value', value, strict };
}

