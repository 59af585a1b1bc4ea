import { recognizeBoolean } from '@microsoft/recognizers-text-choice';
import { Culture, recognizeNumber } from '@microsoft/recognizers-text-number';
import { normalizeQuery } from '../search/normalize';
import type { YesNoWords } from './inputs';

/**
 * Reading free Chinese answers: yes/no, amounts and counts. Pure: text in, reading out,
 * shared by the interviews (dialogs/answers.ts) and by questions that carry facts.
 * Every text first goes through the normaliser questions go through (normalizeQuery:
 * full-width → half-width, traditional → simplified, Chinese amounts → digits); then
 * the Microsoft Recognizers that ship with botbuilder-dialogs do the heavy lifting,
 * always with the Chinese culture (never the activity's locale: with en-us "300万"
 * silently reads as 300); small word lists cover what they miss (否, 没有, 不属于…),
 * and each input's own words come from its declaration.
 *
 *   readAmount('三百二十万元')        → { kind: 'value', value: 3200000, strict: true }
 *   readAmount('一百二十来万')        → { kind: 'value', value: 1200000, strict: true, approximate: 'about' }
 *   readAmount('不到50万')            → { kind: 'imprecise' }
 *   readMoney('50', investment)       → { kind: 'unit-unclear', asWan: 500000, asYuan: 50, … }
 *   readYesNo('否')                   → { kind: 'value', value: false, strict: true }
 *   readAmount('很多')                → { kind: 'none' }
 *
 * `strict` means the text is the answer and nothing else (filler such as 元, 约, 的
 * aside); a loose reading (我们投了300万) counts only when the text is not a question.
 */

export type AnswerValue = boolean | number | string;

/**
 * A number the user gave as a rough figure. 'about': 约300万, 三百万左右, 一百二十来万;
 * 'at-least': 300多万, 五十+, 500万以上 (the number is taken as the figure).
 */
export type Approximation = 'about' | 'at-least';

export type Reading =
  | { kind: 'value'; value: AnswerValue; strict: boolean; approximate?: Approximation; bare?: boolean }
  /** A bare number ('50') for an amount, where 50 元 is implausible: 万元 or 元? */
  | { kind: 'unit-unclear'; asWan: number; asYuan: number; strict: boolean; approximate?: Approximation }
  /** An upper bound or a range: 不到50万, 十几家, 300万或400万. */
  | { kind: 'imprecise' }
  | { kind: 'none' };

export const NONE: Reading = { kind: 'none' };

/**
 * The normalised form every reader works on: normalizeQuery, then lower case and no
 * spaces. '１，８００萬 元' → '1,800万元'; '確認無誤' → '确认无误'; '三百二十万' → '320万'.
 */
export function clean(text: string): string {
  let cleaned = CLEANED.get(text);
  if (cleaned === undefined) {
    cleaned = normalizeQuery(text).toLowerCase().replace(/\s+/g, '');
    // Labels and names are cleaned on every turn; a small memo spares normalizeQuery the repeats.
    if (CLEANED.size >= 1000) CLEANED.clear();
    CLEANED.set(text, cleaned);
  }
  return cleaned;
}
const CLEANED = new Map<string, string>();

export const PUNCTUATION = /[,.;:!?~，。；：！？、…"'“”‘’「」()（）【】\[\]]/g;

// ---------------------------------------------------------------- yes / no

const YES = new Set([
  '是', '对', '有', '没错', '正确', '属于', '在', '已', '已经', '嗯', '嗯嗯', '好', '当然', '肯定', '确实', '确定',
  '是滴', '对头', 'yes', 'y', 'true', 'ok', '√', '✔', '✓',
]);
const NO = new Set([
  '否', '不', '不是', '不对', '没有', '没', '无', '不属于', '不在', '未', '尚未', '还没有', '还没', '非', '错', '并不是',
  '都不是', '不算', '从未', '也不是', 'no', 'n', 'false', '×', '✘', '✗',
]);
/** Words of doubt: an answer that carries one is not an answer. */
const UNSURE = /不(知道|清楚|确定|一定|好说|晓得|了解|记得|太清楚|太确定)|说不(准|清|好)|无法(确定|判断|回答)|可能|也许|大概|或许|待定|忘了|记不清|看情况|不好判断/;
/** 是不是中小企业, 有没有上线: a question put back, not an answer. */
const A_NOT_A = /是不是|属不属于|算不算|有没有|是否|[吗么]$/;
const PARTICLES = /[的啊呀吧呢哦哈啦了嘛哇噢]+$/;
const NEGATIVE = /不是|不属于|不在|不算|没有|没|未|尚未|并非|并不|否|无/;
const POSITIVE = /是|属于|有|已|对/;
/** A negation just before an input's own word turns it round: 未纳入, 不是中小企业, 还没有上线. */
const NEGATED = /(不是|不属于|不算|并非|并不是|非|不|没有|没|未|尚未|还没有|还没|无)(已经|已|被|有)?$/;
/** What may stand around an input's own word in a plain answer: 我们是中小企业, 已经上线了. */
const AROUND_OWN_WORD = /^(我们|我司|我单位|本单位|本企业|公司|企业|项目|平台|已经|已|都|也|还|被|是|属于|算|有|在|了|的|啊|呀|吧|呢|嗯)*$/;

/**
 * `words`: the input's own words from its declaration (yes: 已纳入…; no: 大型企业…), read
 * before the common heuristics so that 我们是大型企业 is a no although it says 是.
 */
export function readYesNo(text: string, words: YesNoWords = {}): Reading {
  const t = clean(text).replace(PUNCTUATION, ' ').trim();
  if (t === '' || UNSURE.test(t)) return NONE;
  const whole = t.replace(/\s+/g, '');
  if (A_NOT_A.test(whole)) return NONE;
  const exact = yesNoWord(whole);
  if (exact !== undefined) return { kind: 'value', value: exact, strict: true };
  // Read on the clauses as written: 不是，企业自筹 is a no that says why, not "不是企业自筹".
  const own = ownWords(t, words);
  if (own) return { kind: 'value', value: own.value, strict: own.strict };
  const [recognized, ...more] = recognizeBoolean(whole, 'zh-cn');
  if (recognized && more.length === 0 && recognized.text.length === whole.length) {
    return { kind: 'value', value: Boolean(recognized.resolution.value), strict: true };
  }
  // '是的 我们是中小企业': the first clause answers.
  const first = yesNoWord(t.split(' ')[0]);
  if (first !== undefined) return { kind: 'value', value: first, strict: false };
  // '我们不属于中小企业', '项目已经上线了' (short sentences only: a long one is about something else).
  if (whole.length > 16) return NONE;
  if (NEGATIVE.test(whole)) return { kind: 'value', value: false, strict: false };
  if (POSITIVE.test(whole)) return { kind: 'value', value: true, strict: false };
  return NONE;
}

function yesNoWord(word: string): boolean | undefined {
  for (const candidate of [word, word.replace(PARTICLES, '')]) {
    if (YES.has(candidate)) return true;
    if (NO.has(candidate)) return false;
  }
  return undefined;
}

/**
 * The input's own words in the text, each turned round by a negation just before it in its
 * clause (clauses are separated by a space); undefined when none, or when they disagree.
 */
function ownWords(text: string, words: YesNoWords): { value: boolean; strict: boolean } | undefined {
  const found: { value: boolean; start: number; end: number }[] = [];
  for (const [list, polarity] of [[words.yes ?? [], true], [words.no ?? [], false]] as const) {
    for (const word of list) {
      const w = clean(word);
      for (let at = text.indexOf(w); at >= 0; at = text.indexOf(w, at + 1)) {
        const before = text.slice(0, at);
        const negation = NEGATED.exec(before);
        found.push({ value: negation ? !polarity : polarity, start: at - (negation?.[0].length ?? 0), end: at + w.length });
      }
    }
  }
  // A word inside a longer one says nothing of its own: 认定 in 以前认定.
  const length = (f: (typeof found)[number]) => f.end - f.start;
  const outermost = found.filter((f) => !found.some((g) => g !== f && g.start <= f.start && g.end >= f.end && length(g) > length(f)));
  if (outermost.length === 0) return undefined;
  const values = new Set(outermost.map((f) => f.value));
  if (values.size > 1) return undefined;
  // Strict when nothing but filler stands around the longest word.
  const main = outermost.reduce((a, b) => (length(b) > length(a) ? b : a));
  const rest = (text.slice(0, main.start) + text.slice(main.end)).replace(/\s+/g, '');
  return { value: outermost[0].value, strict: AROUND_OWN_WORD.test(rest) };
}

// ---------------------------------------------------------------- amounts and counts

/** What may stand beside a number in a plain answer: units, 约, 的, 人民币… */
const FILLER =
  /^(约|大约|大概|差不多|共|共计|合计|总共|一共|总计|累计|人民币|rmb|¥|元|块钱|块|圆|整|左右|上下|是|为|有|了|的|投资额|投资|投入|收入|费用|资金|我们|本年度|今年|年度|申报年度|家企业|家|个|户|企业|吧|啊|呀|哦|呢|嗯|已经|已|获得|获|收到|拿到|服务了|服务|总股本|股本)*$/;
/** Before the number: it is a rough figure (约300万) or a floor (至少300万), or a ceiling (不到50万). */
const ABOUT_BEFORE = /(约|大约|大概|大致|差不多|将近|接近|近|估计|预计)(为|是|有)?$/;
const AT_LEAST_BEFORE = /(至少|起码|超过|不止|多于)$/;
const AT_MOST_BEFORE = /(不到|不足|不超过|最多|至多|低于|少于|小于)$/;
/** After the number (and its unit): 三百万左右, 300万以上, 五十+, 50万以下. */
const ABOUT_AFTER = /^(万元|元|块钱|块|万|家)?(左右|上下|的样子)/;
const AT_LEAST_AFTER = /^(万元|元|块钱|块|万|亿|家)?(以上|出头|开外|有余|不止|\+|多)/;
const AT_MOST_AFTER = /^(万元|元|块钱|块|万|亿|家)?(以下|以内|之内)/;
/**
 * Two neighbouring numerals before a unit say a range: 三四百万, 二十三四万. Checked on the
 * text as typed, since normalizeQuery already reads 三四百万 as 400万.
 */
const NEIGHBOUR_NUMERALS = /[一二三四五六七八九两兩][一二三四五六七八九](?=[十百千万萬亿億])/;
/** A range, not a figure: 十几万, 几百万, 上百家. */
const RANGE = /几|上百|上千|上万|数十|数百|数千|成百|成千/;
/** The words above, removed before checking that what is left is filler. */
const APPROXIMATION_WORDS = /大约|约|大概|大致|差不多|将近|接近|近|估计|预计|左右|上下|的样子|至少|起码|超过|不止|多于|以上|出头|开外|有余|\+/g;
/**
 * Between a number and its unit, 来 means "about" (一百二十来万) and 多 / 余 "a little
 * more" (300多万, 十余家): taken out before the recogniser reads the number, which
 * would otherwise stop at them or read the number without its unit.
 */
const NUMBER_THEN_ROUGHLY = /([0-9一二三四五六七八九十百千两零])(来|多|余)(?=[万亿元块家个]|$)/;
/** Left over after the number, these mean the recogniser read something else (第十四条, 两个亿). */
const NOT_AN_AMOUNT = /[第条款项号万亿千百十]|措施|%/;
/** After 一 or 两, these make a word: 一下, 一共, 一些, 一样, 两者… */
const WORD_AFTER_ONE = /[下共些样起直定般切致旦点者边方]/;
/** For an amount that defaults to 0 (alreadyReceived): 没有 / 无 / 未获得 mean 0. */
const NOTHING = /^(没有|没|无|未|尚未|未获得|没有获得|没拿到|没有拿到|还没有|零|0|没有过|从未|一分没有|没收到)[的过了]*$/;
/** Any numeral, Arabic, Chinese or financial. */
const NUMERAL = /[0-9零〇一二三四五六七八九十百千两壹贰叁参肆伍陆柒捌玖拾佰仟]/;
/** A unit said with the number: with one, the amount is not bare. */
const UNIT = /[万亿k]|元|块|圆|rmb|¥|人民币/;

export function readAmount(text: string, options: { zeroIfNone?: boolean } = {}): Reading {
  if (NEIGHBOUR_NUMERALS.test(text.normalize('NFKC'))) return { kind: 'imprecise' };
  let t = clean(text)
    .replace(/^-(?=\d)/, '负')
    // Traditional 參 (financial three) becomes 参 in simplified script; the recogniser knows 叁.
    .replace(/参(?=[拾佰仟万亿元圆整]|$)|(?<=[零壹贰叁肆伍陆柒捌玖拾佰仟万亿])参/g, '叁')
    .replace(/(\d)w(?![a-z])/g, '$1万')
    .replace(/个(亿|万)/g, '$1')
    .replace(/[。！!]+$/, '');
  if (t === '') return NONE;
  if (options.zeroIfNone && NOTHING.test(t.replace(PUNCTUATION, ''))) return { kind: 'value', value: 0, strict: true };
  let approximate: Approximation | undefined;
  const roughly = NUMBER_THEN_ROUGHLY.exec(t);
  if (roughly) {
    t = t.replace(NUMBER_THEN_ROUGHLY, '$1');
    approximate = roughly[2] === '来' ? 'about' : 'at-least';
  }
  // 一 in 算一下 / 一共 / 一些 is a word, not a number.
  const found = recognizeNumber(t, Culture.Chinese).filter(
    (n) => !(/^[一两]$/.test(n.text) && WORD_AFTER_ONE.test(t.charAt(n.end + 1))),
  );
  if (found.length === 0) return RANGE.test(t) && /[万亿千百十元块家]/.test(t) ? { kind: 'imprecise' } : NONE;
  if (found.length > 1) return /或|到|至|~|-|、|和|几/.test(t) ? { kind: 'imprecise' } : NONE;
  const [number] = found;
  const value = Number(number.resolution?.value);
  if (!Number.isFinite(value)) return NONE;
  // A numeral the recogniser left out beside the number ('壹拾参' read as 10): its value would be wrong.
  if (NUMERAL.test(t.charAt(number.end + 1)) || NUMERAL.test(t.charAt(number.start - 1))) return NONE;
  const before = t.slice(0, number.start).replace(PUNCTUATION, '');
  const after = t.slice(number.end + 1).replace(PUNCTUATION, '');
  const rest = before + after;
  if (RANGE.test(number.text) || RANGE.test(rest) || AT_MOST_BEFORE.test(before) || AT_MOST_AFTER.test(after)) return { kind: 'imprecise' };
  if (/[多余]/.test(number.text) || AT_LEAST_BEFORE.test(before) || AT_LEAST_AFTER.test(after)) approximate = 'at-least';
  else if (ABOUT_BEFORE.test(before) || ABOUT_AFTER.test(after)) approximate ??= 'about';
  const plainRest = rest.replace(APPROXIMATION_WORDS, '');
  if (NOT_AN_AMOUNT.test(plainRest)) return NONE;
  // '5万5' says 55,000 in speech but the recogniser reads 50,005: ask again rather than guess.
  if (/[万亿]([0-9]|[一二三四五六七八九两])$/.test(number.text)) return NONE;
  const strict = FILLER.test(plainRest);
  // Inside a sentence, only a number that looks like an amount: digits, several numerals, or a unit after it.
  const amountLike = /\d/.test(number.text) || number.text.length > 1 || /^[万亿元块家个]/.test(t.slice(number.end + 1));
  if (!strict && !amountLike) return NONE;
  const bare = !UNIT.test(number.text) && !UNIT.test(rest);
  return { kind: 'value', value, strict, ...(approximate ? { approximate } : {}), ...(bare ? { bare } : {}) };
}

/**
 * An amount in yuan for an input that declares the least plausible amount: a bare
 * number under it ('50', '1500', '五十+') may mean 万元, so it comes back as
 * 'unit-unclear' with both readings for the interview to ask about. 0 is never unclear.
 */
export function readMoney(text: string, input: { plausibleMin?: number; default?: number }): Reading {
  const reading = readAmount(text, { zeroIfNone: input.default === 0 });
  if (reading.kind !== 'value' || !reading.bare || typeof reading.value !== 'number') return reading;
  const { value, strict, approximate } = reading;
  if (value <= 0 || value >= (input.plausibleMin ?? 0)) return reading;
  return { kind: 'unit-unclear', asWan: timesTenThousand(value), asYuan: value, strict, ...(approximate ? { approximate } : {}) };
}

/** 1.5 → 15000, exactly: the decimal point moves four places rather than multiplying a double. */
export function timesTenThousand(value: number): number {
  const text = String(value);
  if (!/^\d+(\.\d+)?$/.test(text)) return Math.round(value * 1e6) / 100;
  const [whole, fraction = ''] = text.split('.');
  const shifted = whole + fraction.padEnd(4, '0').slice(0, 4) + '.' + fraction.slice(4);
  return Number(shifted.replace(/\.$/, ''));
}

// ---------------------------------------------------------------- not knowing

/** 不清楚, 这题先不答, 跳过: the user cannot or will not answer this question. */
const UNKNOWN =
  /不(知道|清楚|确定|了解|记得|晓得|太清楚|太确定)|说不(准|清|好)|记不清|忘了|没数|待定|跳过|略过|先不答|不答了|暂不回答|暂时不答|不想(回)?答|不方便(说|透露|回答)?|保密|下一题|不好说|无法(确定|回答)/;

/** True when the text says the user does not know or skips (short answers only: a long text says more). */
export function saysUnknown(text: string): boolean {
  const t = clean(text).replace(PUNCTUATION, '');
  return t.length <= 14 && UNKNOWN.test(t);
}
