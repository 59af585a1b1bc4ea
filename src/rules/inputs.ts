import { z } from 'zod';
import { MAX_YUAN, isWholeFen } from './money';

/**
 * What a rule asks, declared once: the zod schema that validates an answer plus
 * everything an interview, the JSON API and the docs need to ask it, read an answer
 * and explain it (the question, help, names people use for it, words for yes and no,
 * the range a plausible amount lies in).
 *
 *   const isSme = yesNo({
 *     label: '中小企业',
 *     names: ['中小企业', '中小微企业'],
 *     question: '贵企业是否属于中小企业？',
 *     help: '指符合国家《中小企业划型标准规定》的企业。',
 *     example: true,
 *     no: ['大型企业'],
 *   });
 *   isSme.schema.safeParse('是').success → false (answers arrive parsed: true/false)
 */

export type InputKind = 'yesno' | 'money' | 'count' | 'choice';

export interface ChoiceOption<V extends string = string> {
  value: V;
  /** Chinese label shown to the user: '智能（互联）工厂'. */
  label: string;
}

export interface InputWords {
  /** Short noun phrase used in condition lines: '年度完成投资额'. */
  label: string;
  /**
   * What people call it, the first one shortest: it is the word on the 修改 button
   * ('修改投资额') and the words that name it in a correction ('投资额其实是250万').
   */
  names: readonly [string, ...string[]];
  /** The polite Chinese question: '贵企业是否属于中小企业？'. */
  question: string;
  /** What counts: '指符合国家《中小企业划型标准规定》的企业。'. Answers 什么算中小企业. */
  help: string;
}

/** Words that answer this yes/no question beyond the common 是/否/有/没有: '已纳入', '大型企业'. */
export interface YesNoWords {
  yes?: readonly string[];
  no?: readonly string[];
}

export interface InputSpec<S extends z.ZodType = z.ZodType> extends InputWords {
  kind: InputKind;
  example: boolean | number | string;
  /** For kind 'choice' only. */
  choices?: readonly ChoiceOption[];
  /** Present when the input may be left out: the value assumed then. */
  default?: number;
  /** '元' for money, '家' for counts of enterprises. */
  unit?: string;
  /** For yes/no inputs: their own words. */
  words?: YesNoWords;
  /**
   * For money: the least amount in yuan an enterprise would plausibly give. A bare
   * number under it ('50', '1500') more likely means 万元, so the interview asks.
   */
  plausibleMin?: number;
  schema: S;
}

/** Enterprises think in 万元: a bare number under 10,000 is rarely meant as yuan. */
export const DEFAULT_PLAUSIBLE_MIN_YUAN = 10_000;

const required = (words: Pick<InputWords, 'question'>) => `请回答：${words.question}`;

export function yesNo(words: InputWords & YesNoWords & { example: boolean }): InputSpec<z.ZodBoolean> {
  const { yes, no, ...rest } = words;
  const schema = z.boolean({
    error: (issue) => (issue.input === undefined ? required(words) : '请回答“是”或“否”（true 或 false）'),
  });
  return { ...rest, kind: 'yesno', words: { yes: yes ?? [], no: no ?? [] }, schema };
}

function moneySchema(words: InputWords) {
  return z
    .number({ error: (issue) => (issue.input === undefined ? required(words) : '请填写金额（元），例如 3000000') })
    .nonnegative({ error: '金额不能为负数' })
    .max(MAX_YUAN, { error: '金额超出可测算范围（不超过一万亿元）' })
    .refine(isWholeFen, { error: '金额最多精确到分（两位小数）' });
}

type MoneyWords = InputWords & { example: number; plausibleMin?: number };

/** An amount in yuan: non-negative, whole fen. */
export function money(words: MoneyWords): InputSpec<z.ZodNumber> {
  const { plausibleMin, ...rest } = words;
  return { ...rest, kind: 'money', unit: '元', plausibleMin: plausibleMin ?? DEFAULT_PLAUSIBLE_MIN_YUAN, schema: moneySchema(words) };
}

/** An amount in yuan that may be left out, `fallback` being assumed then. */
export function moneyWithDefault(words: MoneyWords, fallback: number): InputSpec<z.ZodDefault<z.ZodNumber>> {
  const { plausibleMin, ...rest } = words;
  return {
    ...rest,
    kind: 'money',
    unit: '元',
    default: fallback,
    plausibleMin: plausibleMin ?? DEFAULT_PLAUSIBLE_MIN_YUAN,
    schema: moneySchema(words).default(fallback),
  };
}

/** A whole number of things, non-negative. */
export function count(words: InputWords & { example: number; unit: string }): InputSpec<z.ZodNumber> {
  const schema = z
    .number({ error: (issue) => (issue.input === undefined ? required(words) : `请填写数量（${words.unit}），例如 60`) })
    .int({ error: '数量应为整数' })
    .nonnegative({ error: '数量不能为负数' });
  return { ...words, kind: 'count', schema };
}

/** One of a fixed list of values, each with a Chinese label. */
export function choice<const V extends string>(
  words: InputWords & { example: NoInfer<V> },
  choices: readonly [ChoiceOption<V>, ...ChoiceOption<V>[]],
): InputSpec<z.ZodEnum<{ [K in V]: K }>> {
  const values = choices.map((option) => option.value) as [V, ...V[]];
  const labels = choices.map((option) => `${option.value}（${option.label}）`).join('、');
  const schema = z.enum(values, {
    error: (issue) => (issue.input === undefined ? required(words) : `请选择其一：${labels}`),
  }) as unknown as z.ZodEnum<{ [K in V]: K }>;
  return { ...words, kind: 'choice', choices, schema };
}

/** True for answers that must be given (no default). */
export const isRequired = (spec: InputSpec): boolean => spec.default === undefined;
