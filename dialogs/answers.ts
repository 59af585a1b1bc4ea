/**
 * Reading free Chinese answers to interview questions: choices and other pickers,
 * commands, corrections, definitions asked back, and (from src/rules/reading.ts) yes/no
 * and amounts. Pure: text in, reading out. Every reader works on clean(text), i.e. on
 * normalizeQuery's output, so 確定 / 修改第2項 / 返回上一題 read as their simplified forms.
 *
 *   readAnswer('三百二十万元', investment)    → { kind: 'value', value: 3200000, strict: true }
 *   readCommand('確認無誤')                    → 'confirm'
 *   readCorrection('投资额其实是250万', items) → { kind: 'value', key: 'investment', reading: { value: 2500000, … } }
 *   readPick('后一个', twoRules)                → { kind: 'value', value: 'future-city-top10', … }
 */
import { Culture, recognizeNumber } from '@microsoft/recognizers-text-number';
import { recognizeChoices, type Choice, type Token } from 'botbuilder-dialogs';
import type { ChoiceOption, InputDescription } from '../src/rules';
import { NONE, PUNCTUATION, clean, readAmount, readMoney, readYesNo, type Reading } from '../src/rules/reading';

// ---------------------------------------------------------------- pickers

/** Chinese has no spaces: each Han character is a token, runs of Latin letters or digits are one. */
export function hanTokenizer(text: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /[\u3400-\u9fff]|[a-z0-9]+/gi;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    tokens.push({ start: match.index, end: match.index + match[0].length - 1, text: match[0], normalized: match[0].toLowerCase() });
  }
  return tokens;
}

/** '智能（互联）工厂' → ['智能（互联）工厂', '智能工厂', '智能互联工厂']: the label, without and with what the brackets hold. */
export function choiceSynonyms(option: ChoiceOption): string[] {
  const label = option.label.normalize('NFKC');
  const withoutBrackets = label.replace(/\([^)]*\)/g, '');
  const bracketsOpened = label.replace(/[()]/g, '');
  return [...new Set([option.label, withoutBrackets, bracketsOpened, option.value])];
}

/** One thing the bot offers to pick: a choice of an input, a rule of a menu. */
export interface PickOption {
  value: string;
  /** The words on its button. */
  label: string;
  /** Other words that name it exactly. */
  synonyms?: string[];
}

/** Words around a pick that pick nothing: 我选…, …那个, …吧. */
const PICK_FILLER = /^(我选|选择|选|我要|要|就是|就|是|估算)+|(吧|的|了|啊|呀|那个|这个|那项|这项|那一项|这一项|那一个)+$/g;
/** Quotes and brackets are not words: '“未来城市”十佳' matches '未来城市十佳'. */
const MARKS = /[“”"'‘’「」()（）【】《》\s]/g;
const bareWords = (text: string): string => clean(text).replace(MARKS, '');

/**
 * Which option the text picks: its label or a synonym as typed (the button's words),
 * a position (第二个, 2, 后一个 / 后者 of two, 最后那个, 倒数第二个), or a word that only
 * one label holds (十佳, 工业赋能, 车间). NONE when nothing or more than one fits.
 */
export function readPick(text: string, options: readonly PickOption[]): Reading {
  const t = bareWords(text).replace(/[。！!?？,，]+$/, '');
  if (t === '' || options.length === 0) return NONE;
  const named = (option: PickOption) => [option.label, option.value, ...(option.synonyms ?? [])].map(bareWords);
  const exact = options.filter((option) => named(option).includes(t));
  if (exact.length === 1) return { kind: 'value', value: exact[0].value, strict: true };

  const position = positionOf(t.replace(PICK_FILLER, ''), options.length);
  if (position !== undefined) return { kind: 'value', value: options[position].value, strict: true };

  const word = distinctiveWord(t, options.map((option) => named(option).join('|')));
  if (word && word.length * 3 >= t.length) return { kind: 'value', value: options[word.index].value, strict: word.length >= t.replace(PICK_FILLER, '').length };
  return NONE;
}

/** 前一个 / 后者: a position relative to something, clear only between two. */
const RELATIVE = /^(前|后|上|下|前面|后面|上面|下面|前边|后边)(1|一)?(个|项|种|者|那个)?$|^(前者|后者)$/;

/** 0-based position named by the text, for a list of `count`. */
function positionOf(t: string, count: number): number | undefined {
  if (/^(最后|末|倒数第(1|一))(1|一)?(个|项|种|那个|那项|一个|一项)?$/.test(t)) return count - 1;
  const fromEnd = /^倒数第(\d|[二三四五六七八九])(个|项|种)?$/.exec(t);
  if (fromEnd) {
    const n = Number(recognizeNumber(fromEnd[1], Culture.Chinese)[0]?.resolution?.value);
    return n >= 1 && n <= count ? count - n : undefined;
  }
  if (count === 2 && /^(后|后面|下面|下|第二|后边)(1|一)?(个|项|种|那个|那项|者)?$|^后者$/.test(t)) return 1;
  if (count === 2 && /^(前|前面|上面|上|前边)(1|一)?(个|项|种|那个|那项|者)?$|^前者$/.test(t)) return 0;
  const ordinal = /^第?(\d+|[一二三四五六七八九十两]+)(个|项|种|条)?$/.exec(t);
  if (ordinal) {
    const n = Number(recognizeNumber(ordinal[1], Culture.Chinese)[0]?.resolution?.value);
    return Number.isInteger(n) && n >= 1 && n <= count ? n - 1 : undefined;
  }
  return undefined;
}

/** The longest run of the text (two characters or more) that only one of the labels holds. */
function distinctiveWord(t: string, labels: readonly string[]): { index: number; length: number } | undefined {
  let best: { index: number; length: number } | undefined;
  let tie = false;
  for (let length = t.length; length >= 2 && !best; length--) {
    for (let start = 0; start + length <= t.length; start++) {
      const run = t.slice(start, start + length);
      const holders = labels.flatMap((label, index) => (label.includes(run) ? [index] : []));
      if (holders.length !== 1) continue;
      if (best && best.index !== holders[0]) tie = true;
      best ??= { index: holders[0], length };
    }
  }
  return best && !tie ? best : undefined;
}

/** A choice input: its options with the zh-cn choice recogniser (2, 第二个, 车间…), then the pickers above. */
export function readChoice(text: string, options: readonly ChoiceOption[]): Reading {
  const picked = readPick(text, options.map((option) => ({ value: option.value, label: option.label, synonyms: choiceSynonyms(option) })));
  if (picked.kind === 'value' && picked.strict) return picked;
  const t = clean(text).replace(/[。！!?？]+$/, '');
  // 后一个 among four is unclear; the recogniser would read its 一 as the first.
  if (RELATIVE.test(t)) return NONE;
  const choices: Choice[] = options.map((option) => ({ value: option.value, synonyms: choiceSynonyms(option) }));
  const found = recognizeChoices(t, choices, { locale: 'zh-cn', tokenizer: hanTokenizer, allowPartialMatches: false });
  const values = [...new Set(found.map((f) => f.resolution.value))];
  if (values.length !== 1) return picked;
  // The whole text named the choice ('2', '第二个', '车间') or only part of it ('我们是自动化生产线').
  return { kind: 'value', value: values[0], strict: found[0].text.length >= t.length - 1 };
}

// ---------------------------------------------------------------- one input

export type AnswerInput = Pick<InputDescription, 'kind' | 'choices' | 'default' | 'words' | 'plausibleMin'>;

export function readAnswer(text: string, input: AnswerInput): Reading {
  switch (input.kind) {
    case 'yesno':
      return readYesNo(text, input.words);
    case 'money':
      return byClause(text, (clause) => readMoney(clause, input));
    case 'count':
      return byClause(text, (clause) => readAmount(clause, { zeroIfNone: input.default === 0 }));
    case 'choice':
      return readChoice(text, input.choices ?? []);
  }
}

/**
 * 之前没拿过这项补助，累计0元: when the whole reads as no amount, the one clause that gives one
 * answers (not strictly: a question around it is still a question).
 */
function byClause(text: string, read: (clause: string) => Reading): Reading {
  const whole = read(text);
  const clauses = text.split(/[,，;；。]/).filter((clause) => clause.trim() !== '');
  if (whole.kind !== 'none' || clauses.length < 2) return whole;
  const readings = clauses.map(read).filter((reading) => reading.kind !== 'none');
  return readings.length === 1 && readings[0].kind === 'value' ? { ...readings[0], strict: false } : whole;
}

// ---------------------------------------------------------------- commands

export type Command = 'back' | 'help' | 'cancel' | 'confirm';

const COMMANDS: [Command, RegExp][] = [
  ['cancel', /^(取消|退出|结束|算了|不算了|不用了|停止|不估了|不测了|取消估算|退出估算|结束估算|退出体检|取消体检|结束体检|quit|exit|cancel|stop)$/],
  ['back', /^(返回|上一步|上一题|后退|回退|退回|返回上一题|返回上一步|回到上一题|back)$/],
  ['help', /^(帮助|help|怎么填|怎么回答|怎么答|怎么写|不会填|不会答|不懂|说明|提示|怎么办)$/],
  ['confirm', /^(确认|确定|确认无误|无误|没问题|正确|对|是|是的|好|好的|可以|ok|提交|计算|开始计算|确认计算|没错|对的)$/],
];

/** '返回' → 'back', '取消。' → 'cancel', '確認無誤' → 'confirm'; undefined for anything else. 'confirm' only makes sense on a summary. */
export function readCommand(text: string): Command | undefined {
  const t = clean(text).replace(PUNCTUATION, '');
  return COMMANDS.find(([, pattern]) => pattern.test(t))?.[0];
}

// ---------------------------------------------------------------- corrections

export interface EditableItem {
  key: string;
  label: string;
  /** The word on its 修改 button: the input's first name ('投资额'). */
  short: string;
  /** Every name of the input, from its declaration. */
  names?: readonly string[];
}

export type EditReading =
  | { kind: 'edit'; key: string }
  /** 修改 with nothing, or with words that name no item (or more than one). */
  | { kind: 'edit-which'; candidates: string[] };

const EDIT = /^(修改|更改|改正|更正|重填|重新填写|重新填|改)(一下|下)?(.*)$/;

/**
 * '修改投资额' → the item whose label or names hold 投资额; '修改第2項' / '改第二项' → the second
 * item. undefined when the text is not a correction at all.
 */
export function readEdit(text: string, items: readonly EditableItem[]): EditReading | undefined {
  const match = EDIT.exec(clean(text).replace(PUNCTUATION, ''));
  if (!match) return undefined;
  const target = match[3].replace(/^(为|成|一下)/, '');
  const all = items.map((item) => item.key);
  if (target === '') return { kind: 'edit-which', candidates: all };
  const ordinal = ordinalItem(target, items);
  if (ordinal !== undefined) return ordinal ? { kind: 'edit', key: ordinal.key } : { kind: 'edit-which', candidates: all };
  const hits = items.filter(
    (item) =>
      clean(item.label).includes(target) ||
      clean(item.short) === target ||
      (item.names ?? []).some((name) => clean(name) === target) ||
      item.key.toLowerCase() === target,
  );
  if (hits.length === 1) return { kind: 'edit', key: hits[0].key };
  return { kind: 'edit-which', candidates: hits.length > 1 ? hits.map((item) => item.key) : all };
}

/** '第2项' → the second item; null for a number that names none; undefined when the text is not an ordinal. */
function ordinalItem<T>(target: string, items: readonly T[]): T | null | undefined {
  const ordinal = /^第?([0-9一二三四五六七八九十两]+)(项|个|题|条)?$/.exec(target);
  if (!ordinal) return undefined;
  const [number] = recognizeNumber(ordinal[1], Culture.Chinese);
  const index = Number(number?.resolution?.value) - 1;
  return Number.isInteger(index) && items[index] ? items[index] : null;
}

/** An answered input a correction can name, with how to read a new answer to it. */
export interface CorrectableItem extends EditableItem {
  input: AnswerInput;
}

export type Correction =
  /** Ask this input again: 修改投资额, 改一下第2项, 说错了 (about the last answer). */
  | { kind: 'edit'; key: string }
  /** Something is to change, but which? 修改, 不对. */
  | { kind: 'edit-which' }
  /** A new answer to an input: 投资额其实是250万, 说错了，已经纳入名录了. */
  | { kind: 'value'; key: string; reading: Reading };

/** Words that say an earlier answer was wrong. */
const MARKER = /说错了|搞错了|弄错了|写错了|填错了|答错了|打错了|输错了|选错了|点错了|有误|错了|其实|实际上|应该是|应为|更正|改成|改为|纠正/g;
const CONNECTORS = /^(一下|下|把|将|的|是|为|成|了|,)+|(是|为|成|改成|改为|应该是|了)+(?=.)/g;

/**
 * Reads a correction of answers already given (`items`), outside the current question:
 * with a verb or a marker (修改…, 改一下…, 说错了…, …其实是…), or, when `unmarked` is set,
 * a sentence that names an item and gives it a new value (投资额是250万). A marker that
 * names nothing ('说错了，已经纳入名录了' names 名录; '说错了' alone does not) is about
 * `lastKey`. undefined when the text is not a correction.
 */
export function readCorrection(
  text: string,
  items: readonly CorrectableItem[],
  options: { lastKey?: string; unmarked?: boolean } = {},
): Correction | undefined {
  const t = clean(text).replace(PUNCTUATION, ',').replace(/^,+|,+$/g, '');
  const edit = EDIT.exec(t.replace(/,/g, ''));
  const marked = MARKER.test(t);
  MARKER.lastIndex = 0;
  if (!edit && !marked && !options.unmarked) return undefined;
  if (items.length === 0) return undefined;

  const body = (edit ? edit[3] : t).replace(MARKER, ',').replace(/^,+|,+$/g, '');
  const byOrdinal = ordinalPrefix(body, items);
  const named = byOrdinal ?? namedItem(body, items);
  if (named === 'ambiguous') return { kind: 'edit-which' };
  const item = named ?? (options.lastKey !== undefined && (marked || edit) ? items.find((i) => i.key === options.lastKey) : undefined);
  if (!item) {
    if (!edit && !marked) return undefined;
    return edit && body.replace(/,/g, '') !== '' && !/^(回答|答案|一下|下)$/.test(body.replace(/,/g, '')) ? undefined : { kind: 'edit-which' };
  }
  const yesNo = item.input.kind === 'yesno';
  // 是 and 为 answer a yes/no question ('说错了，是中小企业'); before an amount they only connect.
  const withoutName = stripName(body, item, byOrdinal !== undefined)
    .replace(yesNo ? /^(一下|把|将|,)+/ : CONNECTORS, '')
    .replace(/^,+|,+$/g, '');
  if (withoutName === '') return edit || marked ? { kind: 'edit', key: item.key } : undefined;
  // A yes/no answer may need the name's own words (已经纳入名录了); an amount does not.
  const rest = yesNo && byOrdinal === undefined ? body : withoutName;
  const reading = readAnswer(rest, item.input);
  // Unmarked, only a plain statement counts: 投资额是250万, not 投资额250万的话能拿多少.
  const plain = (reading.kind === 'value' || reading.kind === 'unit-unclear') && (edit || marked || reading.strict);
  if (plain) return { kind: 'value', key: item.key, reading };
  return edit || marked ? { kind: 'edit', key: item.key } : undefined;
}

function ordinalPrefix(body: string, items: readonly CorrectableItem[]): CorrectableItem | undefined {
  const match = /^(一下|把|将)?第([0-9一二三四五六七八九十两]+)(项|个|题|条)/.exec(body);
  if (!match) return undefined;
  return ordinalItem(`第${match[2]}项`, items) ?? undefined;
}

/** The item whose longest name the text holds; 'ambiguous' when two items tie. */
function namedItem(body: string, items: readonly CorrectableItem[]): CorrectableItem | 'ambiguous' | undefined {
  let best: { item: CorrectableItem; length: number } | undefined;
  let tie = false;
  for (const item of items) {
    for (const name of [...(item.names ?? []), item.short]) {
      const n = clean(name);
      if (n.length < 2 || !body.includes(n)) continue;
      if (!best || n.length > best.length) {
        best = { item, length: n.length };
        tie = false;
      } else if (n.length === best.length && best.item.key !== item.key) {
        tie = true;
      }
    }
  }
  if (tie) return 'ambiguous';
  return best?.item;
}

/** The text without the words that named the item: what is left is its new answer. */
function stripName(body: string, item: CorrectableItem, byOrdinal: boolean): string {
  if (byOrdinal) return body.replace(/^(一下|把|将)?第([0-9一二三四五六七八九十两]+)(项|个|题|条)/, '');
  const names = [...(item.names ?? []), item.short].map(clean).sort((a, b) => b.length - a.length);
  let rest = body;
  for (const name of names) rest = rest.split(name).join('');
  return rest;
}

// ---------------------------------------------------------------- questions

const QUESTION = /\?|吗|什么|啥|谁|哪|怎么|怎样|如何|为什么|为何|多少|是不是|有没有|是否|能否|可否|请问|讲的|介绍|解释一下/;

/** True when the text asks something (发文单位是谁, 第十四条讲什么) rather than answering. */
export function looksLikeQuestion(text: string): boolean {
  return QUESTION.test(clean(text));
}

/** What, how to count, what it means: a definition asked back. */
const DEFINITION =
  /什么(算|是|叫|样的|属于|意思)|怎么(算|界定|认定|判断|定义|划分|划型)|如何(界定|认定|判断|定义|划分|划型)|怎样(算|才算)|算不算|属不属于|指什么|指的是|是指|啥(算|是|叫)|含义|定义|标准是|的标准|才算|哪些算|包括哪些|包括什么/;
const GENERIC_DEFINITION = /^(这|这个|这题|这一项|这个问题)?(是)?(什么意思|指什么|怎么算|怎么理解|什么标准|啥意思)/;

/**
 * '什么算中小企业' while asked about isSme → 'isSme'; '这是什么意思' → the current input;
 * a definition of another input of the interview ('名录是指什么') → that one. undefined
 * when the text does not ask what something means.
 */
export function readDefinitionQuestion(
  text: string,
  current: { key: string; label: string; names?: readonly string[] } | undefined,
  others: readonly { key: string; label: string; names?: readonly string[] }[] = [],
): string | undefined {
  const t = clean(text).replace(PUNCTUATION, '');
  if (!DEFINITION.test(t) && !GENERIC_DEFINITION.test(t)) return undefined;
  const names = (item: { label: string; names?: readonly string[] }) => [item.label, ...(item.names ?? [])].map(clean);
  const mentions = (item: { label: string; names?: readonly string[] }) => names(item).some((n) => n.length >= 2 && t.includes(n));
  if (current && mentions(current)) return current.key;
  const other = others.filter(mentions);
  if (other.length === 1) return other[0].key;
  if (current && GENERIC_DEFINITION.test(t)) return current.key;
  return undefined;
}

// ---------------------------------------------------------------- 万元 or 元?

export type UnitChoice = 'wan' | 'yuan' | 'neither';

/**
 * The reply to '您是指50万元吗？': its buttons as typed ('50万元' / '50元'), 是 / 对 (万元),
 * 元 / 就是50元, or 不是 (neither: ask the question again). undefined for anything else,
 * which is read as a new answer to the question.
 */
export function readUnitChoice(text: string, labels: { wan: string; yuan: string }): UnitChoice | undefined {
  const t = clean(text).replace(PUNCTUATION, '').replace(/^约/, '');
  if (t === clean(labels.wan).replace(/^约/, '')) return 'wan';
  if (t === clean(labels.yuan).replace(/^约/, '')) return 'yuan';
  if (/^(万|万元|万块|是万元|单位是万元|是的?|对的?|嗯|没错|是这样|对是万元|万元的?)$/.test(t)) return 'wan';
  if (/^(元|块|块钱|就是元|单位是元|是元|就是\d+(\.\d+)?元)$/.test(t)) return 'yuan';
  if (/^(不是|不对|否|都不是|不|错了|不是的)$/.test(t)) return 'neither';
  return undefined;
}
