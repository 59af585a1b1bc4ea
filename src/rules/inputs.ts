import { z } from 'zod';
import { MAX_YUAN, isWholeFen } from './money';

/**
 * What a rule asks, declared once: the zod schema that validates an answer plus the
 * words an interview, the JSON API and the docs show for it.
 *
 *   const isSme = yesNo({
 *     label: '中小企业',
 *     question: '贵企业是否属于中小企业？',
 *     help: '指符合国家《中小企业划型标准规定》的企业。',
 *     example: true,
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
  /** The polite Chinese question: '贵企业是否属于中小企业？'. */
  question: string;
  /** What counts: '指符合国家《中小企业划型标准规定》的企业。'. */
  help: string;
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
  schema: S;
}

const required = (words: InputWords) => `请回答：${words.question}`;

export function yesNo(words: InputWords & { example: boolean }): InputSpec<z.ZodBoolean> {
  const schema = z.boolean({
    error: (issue) => (issue.input === undefined ? required(words) : '请回答“是”或“否”（true 或 false）'),
  });
  return { ...words, kind: 'yesno', schema };
}

function moneySchema(words: InputWords) {
  return z
    .number({ error: (issue) => (issue.input === undefined ? required(words) : '请填写金额（元），例如 3000000') })
    .nonnegative({ error: '金额不能为负数' })
    .max(MAX_YUAN, { error: '金额超出可测算范围（不超过一万亿元）' })
    .refine(isWholeFen, { error: '金额最多精确到分（两位小数）' });
}

/** An amount in yuan: non-negative, whole fen. */
export function money(words: InputWords & { example: number }): InputSpec<z.ZodNumber> {
  return { ...words, kind: 'money', unit: '元', schema: moneySchema(words) };
}

/** An amount in yuan that may be left out, `fallback` being assumed then. */
export function moneyWithDefault(
  words: InputWords & { example: number },
  fallback: number,
): InputSpec<z.ZodDefault<z.ZodNumber>> {
  return { ...words, kind: 'money', unit: '元', default: fallback, schema: moneySchema(words).default(fallback) };
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
