/**
 * Reading free Chinese answers to interview questions: choices, commands, corrections,
 * and (from src/rules/reading.ts) yes/no and amounts. Pure: text in, reading out.
 *
 *   readAnswer('三百二十万元', investment) → { kind: 'value', value: 3200000, strict: true }
 *   readCommand('返回')                    → 'back'
 */
import { Culture, recognizeNumber } from '@microsoft/recognizers-text-number';
import { recognizeChoices, type Choice, type Token } from 'botbuilder-dialogs';
import type { ChoiceOption, InputDescription } from '../src/rules';
import { NONE, PUNCTUATION, clean, readAmount, readYesNo, type Reading } from '../src/rules/reading';

// ---------------------------------------------------------------- choices

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

export function readChoice(text: string, options: readonly ChoiceOption[]): Reading {
  const t = clean(text).replace(/[。！!?？]+$/, '');
  if (t === '') return NONE;
  const exact = options.find((option) => choiceSynonyms(option).some((s) => clean(s) === t));
  if (exact) return { kind: 'value', value: exact.value, strict: true };
  const choices: Choice[] = options.map((option) => ({ value: option.value, synonyms: choiceSynonyms(option) }));
  const found = recognizeChoices(t, choices, { locale: 'zh-cn', tokenizer: hanTokenizer, allowPartialMatches: false });
  const values = [...new Set(found.map((f) => f.resolution.value))];
  if (values.length === 0) {
    // '平台', '工厂': part of exactly one label.
    const containing = t.length >= 2 ? options.filter((option) => clean(option.label).includes(t)) : [];
    return containing.length === 1 ? { kind: 'value', value: containing[0].value, strict: true } : NONE;
  }
  if (values.length !== 1) return NONE;
  // The whole text named the choice ('2', '第二个', '车间') or only part of it ('我们是自动化生产线').
  const matched = found[0].text.length;
  return { kind: 'value', value: values[0], strict: matched >= t.length - 1 };
}

// ---------------------------------------------------------------- one input

export function readAnswer(text: string, input: Pick<InputDescription, 'kind' | 'choices' | 'default'>): Reading {
  switch (input.kind) {
    case 'yesno':
      return readYesNo(text);
    case 'money':
    case 'count':
      return readAmount(text, { zeroIfNone: input.default === 0 });
    case 'choice':
      return readChoice(text, input.choices ?? []);
  }
}

// ---------------------------------------------------------------- commands

export type Command = 'back' | 'help' | 'cancel' | 'confirm';

const COMMANDS: [Command, RegExp][] = [
  ['cancel', /^(取消|退出|结束|算了|不算了|不用了|停止|不估了|不测了|取消估算|退出估算|结束估算|退出体检|取消体检|结束体检|quit|exit|cancel|stop)$/],
  ['back', /^(返回|上一步|上一题|后退|回退|退回|返回上一题|返回上一步|回到上一题|back)$/],
  ['help', /^(帮助|help|怎么填|怎么回答|怎么答|怎么写|不会填|不会答|不懂|说明|提示|怎么办)$/],
  ['confirm', /^(确认|确定|确认无误|无误|没问题|正确|对|是|是的|好|好的|可以|ok|提交|计算|开始计算|确认计算|没错|对的)$/],
];

/** '返回' → 'back', '取消。' → 'cancel'; undefined for anything else. 'confirm' only makes sense on a summary. */
export function readCommand(text: string): Command | undefined {
  const t = clean(text).replace(PUNCTUATION, '');
  return COMMANDS.find(([, pattern]) => pattern.test(t))?.[0];
}

// ---------------------------------------------------------------- corrections

export interface EditableItem {
  key: string;
  label: string;
  /** The button's words: '完成投资额', or '第3项' when the label is long. */
  short: string;
}

export type EditReading =
  | { kind: 'edit'; key: string }
  /** 修改 with nothing, or with words that name no item (or more than one). */
  | { kind: 'edit-which'; candidates: string[] };

const EDIT = /^(修改|更改|改正|更正|重填|重新填写|重新填|改)(一下|下)?(.*)$/;

/**
 * '修改投资额' → the item whose label holds 投资额; '修改第2项' / '改第二项' → the second item.
 * undefined when the text is not a correction at all.
 */
export function readEdit(text: string, items: readonly EditableItem[]): EditReading | undefined {
  const match = EDIT.exec(clean(text).replace(PUNCTUATION, ''));
  if (!match) return undefined;
  const target = match[3].replace(/^(为|成|一下)/, '');
  const all = items.map((item) => item.key);
  if (target === '') return { kind: 'edit-which', candidates: all };
  const ordinal = /^第?([0-9一二三四五六七八九十两]+)(项|个|题|条)?$/.exec(target);
  if (ordinal) {
    const [number] = recognizeNumber(ordinal[1], Culture.Chinese);
    const index = Number(number?.resolution?.value) - 1;
    if (Number.isInteger(index) && items[index]) return { kind: 'edit', key: items[index].key };
    return { kind: 'edit-which', candidates: all };
  }
  const hits = items.filter(
    (item) => clean(item.label).includes(target) || clean(item.short) === target || item.key.toLowerCase() === target,
  );
  if (hits.length === 1) return { kind: 'edit', key: hits[0].key };
  return { kind: 'edit-which', candidates: hits.length > 1 ? hits.map((item) => item.key) : all };
}

// ---------------------------------------------------------------- questions

const QUESTION = /\?|吗|什么|啥|谁|哪|怎么|怎样|如何|为什么|为何|多少|是不是|有没有|是否|能否|可否|请问|讲的|介绍|解释一下/;

/** True when the text asks something (发文单位是谁, 第十四条讲什么) rather than answering. */
export function looksLikeQuestion(text: string): boolean {
  return QUESTION.test(clean(text));
}
